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
report-of = Follow-up report of the { $title }, { $venue }, { $dates }
agenda-of = Agenda of the { $title }, { $venue }, { $dates }

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
page = Page
of = of

## PDF metadata.
document-of = { $kind } of the { $title }, { $venue }, { $dates }
