//! Running independent jobs on a fixed number of threads, results in input order.
//!
//! Meeting jobs deliberately do not share one rayon pool. typst uses rayon inside a compile,
//! and a rayon worker that waits for that inner work steals other queued tasks onto its own
//! stack: with meetings as tasks, a worker would start a second meeting in the middle of the
//! first, then a third, nesting whole typst compiles until the stack overflows (seen with 1,000
//! meetings) and holding many meetings in memory at once. Handing typst's inner work to rayon's
//! global pool instead costs more than it gains on a small machine: its idle workers spin and
//! yield between tasks, competing with the jobs for the cores. So each job thread is the one
//! worker of a rayon pool of its own: typst's parallel calls run inline on it, and it takes
//! the next meeting only when the last is done.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Stack of each job thread. Rendering recurses deeply (typst layout, serde, YAML), and the
/// main thread that did it before had 8 MiB; the memory is only reserved, not used, until
/// touched.
pub const STACK: usize = 64 * 1024 * 1024;

/// Calls `f` on every item with at most `threads` running at once; results in item order.
pub fn run<T: Sync, R: Send>(items: &[T], threads: usize, f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = threads.clamp(1, items.len().max(1));
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<(usize, R)>> = Mutex::new(Vec::with_capacity(items.len()));
    // Each worker takes the next item when it is done with the last.
    let work = || {
        loop {
            let at = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(at) else {
                break;
            };
            let r = f(item);
            results
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .push((at, r));
        }
    };
    if threads == 1 && rayon::current_thread_index().is_some() {
        // Already on a job's own pool (a meeting's exports): stay on this thread.
        work();
    } else if threads == 1 {
        on_own_pool(0, &work);
    } else {
        std::thread::scope(|scope| {
            let mut started = 0;
            let work = &work;
            for i in 0..threads {
                let spawned = std::thread::Builder::new()
                    .name(format!("docket-job-{i}"))
                    .spawn_scoped(scope, move || on_own_pool(i, work));
                started += usize::from(spawned.is_ok());
            }
            // No thread could be started (a process limit): do the work here instead.
            if started == 0 {
                work();
            }
        });
    }
    let mut results = results
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    results.sort_by_key(|(at, _)| *at);
    results.into_iter().map(|(_, r)| r).collect()
}

/// Runs `work` as the single worker of a rayon pool of its own (with a large stack), so the
/// rayon calls inside it stay on this thread; on the calling thread if no pool can be made.
fn on_own_pool(i: usize, work: &(impl Fn() + Sync)) {
    match rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .stack_size(STACK)
        .thread_name(move |_| format!("docket-job-{i}"))
        .build()
    {
        Ok(pool) => pool.install(work),
        Err(_) => work(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_back_in_order_whatever_the_threads() {
        let items: Vec<u64> = (0..200).collect();
        for threads in [1, 2, 7] {
            let out = run(&items, threads, |n| {
                std::thread::sleep(std::time::Duration::from_micros(200 - n));
                n * 2
            });
            assert_eq!(out, items.iter().map(|n| n * 2).collect::<Vec<_>>());
        }
        assert!(run(&Vec::<u8>::new(), 4, |_| 0).is_empty());
    }

    /// The stack overflow of 1,000 meetings: a job that waits for rayon work inside it (as
    /// typst does) must never have another job started on its own stack.
    #[test]
    fn a_job_never_runs_inside_another_on_one_thread() {
        use std::cell::Cell;
        thread_local!(static DEPTH: Cell<usize> = const { Cell::new(0) });
        let deepest = AtomicUsize::new(0);
        let items: Vec<u32> = (0..64).collect();
        run(&items, 2, |n| {
            let depth = DEPTH.with(|d| {
                d.set(d.get() + 1);
                d.get()
            });
            deepest.fetch_max(depth, Ordering::Relaxed);
            // Nested parallel work, as inside a typst compile.
            let (a, b) = rayon::join(
                || (0..2000u32).map(|x| x ^ n).sum::<u32>(),
                || {
                    std::thread::sleep(std::time::Duration::from_micros(300));
                    *n
                },
            );
            DEPTH.with(|d| d.set(d.get() - 1));
            a.wrapping_add(b)
        });
        assert_eq!(deepest.load(Ordering::Relaxed), 1);
    }
}
