# Libellés fixes de docket en français.
# EN ATTENTE DE RÉVISION PAR UN TRADUCTEUR : traduction de travail, non officielle.
#
# Décisions :
# - Dates : forme CLDR « fr » (« 26 juin 2024 »), celle des documents de l'ONU en français.
# - Heures : 24 heures, « 10:30-12:30 », comme la colonne de l'ordre du jour.

cldr-locale = fr

## Date ranges: CLDR pieces (ICU4X) joined here.
date-range-month = { $start_day }-{ $end }
date-range-year = { $start_md } - { $end }
date-range = { $start } - { $end }

agenda = Ordre du jour
time = Heure
agenda-item = Point de l'ordre du jour
interventions-from = Interventions :
input-documents = Documents de référence
none-listed = Aucun.
desired-outputs = Résultats attendus
addressed-in = Traité dans :
dates = Dates
event-window = Période de la réunion
event-window-utc = Période de la réunion (UTC)
hosted-by = Organisé par
venue = Lieu
series = Série
rooms = Salle(s)
page-of = Page { $page } sur { $total }
follow-up-report = Rapport de suivi
meeting-summary = Résumé de la réunion
coverage = Couverture des résultats attendus
day = Jour
desired-output = Résultat attendu
status = État
outputs-and-outcomes = Résultats attendus et résultats obtenus
handled-on-agenda = Traité à l'ordre du jour :
no-session = Aucune séance.
no-outcome-recorded = Aucun résultat consigné.
open-actions = Actions de suivi en cours
unassigned = Résultats sans résultat attendu
missing = Résultats attendus sans résultat
none = Aucun.
none-missing = Aucun : chaque résultat attendu a un résultat.
workshops-approved = Ateliers approuvés
main-sessions-agreed = Sessions principales retenues
facilitators-named = Facilitateurs désignés
decisions = Décisions
follow-up-actions = Actions de suivi
action = Action
owner = Responsable
due = Échéance
from = Origine
session = Séance
continued = suite
one-outcome-with = même résultat que
continued-from = suite de

day-n = Jour { $number }
continued-title = { $title } (suite)
untranslated = { $text } [non traduit]
totals = { $outputs } résultats attendus : { $achieved } atteints, { $partial } partiels, { $not_achieved } non atteints, { $deferred } reportés, { $pending } en attente, { $missing } sans résultat.
summary-of = Résumé de la réunion « { $title } », { $venue }, { $dates }
report-of = Rapport de suivi de la réunion « { $title } », { $venue }, { $dates }
agenda-of = Ordre du jour de la réunion « { $title } », { $venue }, { $dates }

status-achieved = atteint
status-partial = partiel
status-not-achieved = non atteint
status-deferred = reporté
status-pending = en attente
status-none = aucun résultat
action-open = ouverte
action-in-progress = en cours
action-done = faite
action-dropped = abandonnée
kind-main-session = session principale
kind-track = volet
kind-intersessional = activité intersessions
facilitators = facilitateurs

## Word summary.
due-date = Échéance
local-time = heure locale
summary = Résumé
workshops-under = Ateliers approuvés, { $theme } : { $count }
page = Page
of = sur

## PDF metadata.
document-of = { $kind } : { $title }, { $venue }, { $dates }
