//! `At<T>`: a value with the place in the YAML file where it was written.
//!
//! Checks run after parsing, so a value that parses but is wrong (an unknown id, an overlapping
//! time) still needs its line and column for the diagnostic. `At` keeps them, and is otherwise
//! invisible: it serialises and publishes its JSON Schema as the bare value.

use std::borrow::Cow;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A 1-based line and column in a source file; `0:0` when unknown (values built in code).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pos {
    /// 1-based line.
    pub line: u32,
    /// 1-based column, in characters.
    pub col: u32,
}

impl Pos {
    /// A position from a 1-based line and column.
    pub const fn new(line: u32, col: u32) -> Self {
        Self { line, col }
    }
}

/// A deserialised value with the position of its YAML node.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct At<T> {
    /// The value itself.
    pub value: T,
    /// Where it was written.
    pub pos: Pos,
}

impl<T> At<T> {
    /// Wraps a value with a known position.
    pub const fn new(value: T, pos: Pos) -> Self {
        Self { value, pos }
    }
}

impl<T> std::ops::Deref for At<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

impl<T> From<T> for At<T> {
    fn from(value: T) -> Self {
        Self {
            value,
            pos: Pos::default(),
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for At<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let spanned = serde_saphyr::Spanned::<T>::deserialize(deserializer)?;
        let loc = spanned.referenced;
        let clamp = |n: u64| u32::try_from(n).unwrap_or(u32::MAX);
        Ok(Self {
            value: spanned.value,
            pos: Pos::new(clamp(loc.line()), clamp(loc.column())),
        })
    }
}

impl<T: Serialize> Serialize for At<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(serializer)
    }
}

impl<T: schemars::JsonSchema> schemars::JsonSchema for At<T> {
    fn inline_schema() -> bool {
        T::inline_schema()
    }
    fn schema_name() -> Cow<'static, str> {
        T::schema_name()
    }
    fn schema_id() -> Cow<'static, str> {
        T::schema_id()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        T::json_schema(generator)
    }
}
