# docket's fixed wording in English (the source of every other catalog).
# Fluent syntax (https://projectfluent.org). A catalog in your `--templates DIR/locales/`
# replaces this one; a message it lacks falls back to this file.
#
# Decisions:
# - Dates: CLDR's en-GB form ("26 June 2024"), as UN English documents write them.
# - Times stay 24-hour "10:30-12:30" in every language, as the agenda's own column.

## The CLDR locale dates are formatted in (ICU4X).
cldr-locale = en-GB

## Date ranges: CLDR pieces (ICU4X) joined here.
date-range-month = { $start_day }-{ $end }
date-range-year = { $start_md } - { $end }
date-range = { $start } - { $end }

## Labels printed as they are.
agenda = Agenda
time = Time
agenda-item = Agenda item
interventions-from = Interventions from:
input-documents = Input documents
none-listed = None listed.
desired-outputs = Desired outputs
addressed-in = Addressed in:
dates = Dates
event-window = Event window
event-window-utc = Event window (UTC)
hosted-by = Hosted by
venue = Venue
series = Series
rooms = Room(s)
page-of = Page { $page } of { $total }
follow-up-report = Follow-up report
meeting-summary = Meeting summary
coverage = Coverage of the desired outputs
day = Day
desired-output = Desired output
status = Status
outputs-and-outcomes = Desired outputs and their outcomes
handled-on-agenda = Handled on the agenda:
no-session = No session recorded.
no-outcome-recorded = No outcome recorded.
open-actions = Open follow-up actions
unassigned = Outcomes mapped to no desired output
missing = Desired outputs with no outcome
none = None.
none-missing = None: every desired output has an outcome.
workshops-approved = Workshops approved
main-sessions-agreed = Main sessions agreed
facilitators-named = Facilitators named
decisions = Decisions
follow-up-actions = Follow-up actions
action = Action
owner = Owner
due = Due
from = From
session = Session
continued = continued
one-outcome-with = one outcome with
continued-from = continued from

## Messages with arguments, formatted by docket.
day-n = Day { $number }
continued-title = { $title } (cont.)
untranslated = { $text } [untranslated]
totals = Totals: { $outputs } desired outputs; { $achieved } achieved, { $partial } partial, { $not_achieved } not achieved, { $deferred } deferred, { $pending } pending, { $missing } with no outcome.
summary-of = Summary of the { $title }, { $venue }, { $dates }

## Statuses.
status-achieved = achieved
status-partial = partial
status-not-achieved = not achieved
status-deferred = deferred
status-pending = pending
status-none = no outcome
action-open = open
action-in-progress = in progress
action-done = done
action-dropped = dropped
kind-main-session = main session
kind-track = track
kind-intersessional = intersessional
facilitators = facilitators

## Word summary.
due-date = Due date
local-time = local time
summary = Summary
workshops-under = Workshops approved under { $theme }: { $count }

## PDF metadata.
document-of = { $kind } of the { $title }, { $venue }, { $dates }

## Punctuation between a label and its value.
colon = {": "}
from-session = session { $id }
no-session-item = no session recorded

## Revisions (`docket issue`).
draft = Draft
revision-original = Issued on { $date }
revision-line = { $label }, { $date }
draft-line = Draft: changed since { $label } of { $date }
changes-heading = Changes in this revision
changes-since = Changes since { $label }
change-session-added = Added: { $title } ({ $when })
change-session-removed = Removed: { $title } ({ $day })
change-session-moved = Moved: { $title }, now { $when }
change-session-retimed = Moved: { $title }, now { $when } (was { $before })
change-session-retitled = Retitled: { $before } is now { $after }
change-item-added = Item added to { $title }: { $after }
change-item-removed = Item removed from { $title }: { $before }
change-intervention-added = Intervention added to { $title }: { $after }
change-intervention-removed = Intervention removed from { $title }: { $before }
change-output-added = Desired output added: { $title }
change-output-removed = Desired output removed: { $title }
change-output-reworded = Desired output reworded: { $after } (was: { $before })
change-output-relinked = Desired output { $title } is now addressed in: { $after }
change-room-changed = { $day }: room now { $after }
change-part-changed = { $day }: now { $after }
change-input-added = Input document added: { $title }
change-input-removed = Input document removed: { $title }
change-input-changed = Input document updated: { $title }
change-session-changed = Changed: { $title }
change-list-reordered = Reordered: the items of { $title }
change-meeting-retitled = Meeting retitled: { $after } (was: { $before })
change-input-retitled = Input document retitled: { $after } (was: { $before })
change-rearranged = Rows or lists rearranged
