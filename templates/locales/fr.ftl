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
interventions-from = Interventions de :
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

## PDF metadata.
document-of = { $kind } : { $title }, { $venue }, { $dates }

## Ponctuation entre un libellé et sa valeur (espace insécable avant le deux-points).
colon = {"\u00A0: "}
from-session = séance { $id }
no-session-item = aucune séance

## Révisions (`docket issue`).
draft = Projet
revision-original = Publié le { $date }
revision-line = { $label }, { $date }
draft-line = Projet : modifié depuis la { $label } du { $date }
changes-heading = Modifications dans cette révision
changes-since = Modifications depuis la { $label }
change-session-added = Ajout : { $title } ({ $when })
change-session-removed = Suppression : { $title } ({ $day })
change-session-moved = Déplacement : { $title }, désormais { $when }
change-session-retimed = Déplacement : { $title }, désormais { $when } (auparavant { $before })
change-session-retitled = Nouveau titre : { $before } devient { $after }
change-item-added = Point ajouté à { $title } : { $after }
change-item-removed = Point retiré de { $title } : { $before }
change-intervention-added = Intervention ajoutée à { $title } : { $after }
change-intervention-removed = Intervention retirée de { $title } : { $before }
change-output-added = Résultat attendu ajouté : { $title }
change-output-removed = Résultat attendu supprimé : { $title }
change-output-reworded = Résultat attendu reformulé : { $after } (auparavant : { $before })
change-output-relinked = Le résultat attendu { $title } est désormais traité dans : { $after }
change-room-changed = { $day } : salle désormais { $after }
change-part-changed = { $day } : désormais { $after }
change-input-added = Document de référence ajouté : { $title }
change-input-removed = Document de référence supprimé : { $title }
change-input-changed = Document de référence mis à jour : { $title }
change-session-changed = Modification : { $title }
change-list-reordered = Nouvel ordre des points de { $title }
change-meeting-retitled = Nouveau titre de la réunion : { $after } (auparavant : { $before })
change-input-retitled = Nouveau titre de document de référence : { $after } (auparavant : { $before })
change-rearranged = Lignes ou listes réordonnées
