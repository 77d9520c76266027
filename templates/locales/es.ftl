# Textos fijos de docket en español.
# PENDIENTE DE REVISIÓN POR UN TRADUCTOR: traducción de trabajo, no oficial.
#
# Decisiones:
# - Fechas: forma CLDR «es» («26 de junio de 2024»), la de los documentos de las Naciones Unidas.
# - Horas: 24 horas, «10:30-12:30».

cldr-locale = es

## Date ranges: CLDR pieces (ICU4X) joined here.
date-range-month = { $start_day }-{ $end }
date-range-year = { $start_md } - { $end }
date-range = { $start } - { $end }

agenda = Programa
time = Hora
agenda-item = Tema del programa
interventions-from = Intervenciones de:
input-documents = Documentos de referencia
none-listed = Ninguno.
desired-outputs = Resultados previstos
addressed-in = Tratado en:
dates = Fechas
event-window = Período de la reunión
event-window-utc = Período de la reunión (UTC)
hosted-by = Organizado por
venue = Lugar
series = Serie
rooms = Sala(s)
page-of = Página { $page } de { $total }
follow-up-report = Informe de seguimiento
meeting-summary = Resumen de la reunión
coverage = Cobertura de los resultados previstos
day = Día
desired-output = Resultado previsto
status = Estado
outputs-and-outcomes = Resultados previstos y resultados obtenidos
handled-on-agenda = Tratado en el programa:
no-session = Ninguna sesión.
no-outcome-recorded = No se ha registrado ningún resultado.
open-actions = Medidas de seguimiento pendientes
unassigned = Resultados sin resultado previsto
missing = Resultados previstos sin resultado
none = Ninguno.
none-missing = Ninguno: todos los resultados previstos tienen un resultado.
workshops-approved = Talleres aprobados
main-sessions-agreed = Sesiones principales acordadas
facilitators-named = Facilitadores designados
decisions = Decisiones
follow-up-actions = Medidas de seguimiento
action = Medida
owner = Responsable
due = Plazo
from = Origen
session = Sesión
continued = continuación
one-outcome-with = mismo resultado que
continued-from = continuación de

day-n = Día { $number }
continued-title = { $title } (continuación)
untranslated = { $text } [sin traducir]
totals = { $outputs } resultados previstos: { $achieved } logrados, { $partial } parciales, { $not_achieved } no logrados, { $deferred } aplazados, { $pending } pendientes, { $missing } sin resultado.
summary-of = Resumen de la reunión «{ $title }», { $venue }, { $dates }

status-achieved = logrado
status-partial = parcial
status-not-achieved = no logrado
status-deferred = aplazado
status-pending = pendiente
status-none = sin resultado
action-open = abierta
action-in-progress = en curso
action-done = hecha
action-dropped = abandonada
kind-main-session = sesión principal
kind-track = línea
kind-intersessional = actividad entre períodos de sesiones
facilitators = facilitadores

## Word summary.
due-date = Plazo
local-time = hora local
summary = Resumen
workshops-under = Talleres aprobados, { $theme }: { $count }

## PDF metadata.
document-of = { $kind }: { $title }, { $venue }, { $dates }

colon = {": "}
from-session = sesión { $id }
no-session-item = ninguna sesión

## Revisiones (`docket issue`).
draft = Proyecto
revision-original = Publicado el { $date }
revision-line = { $label }, { $date }
draft-line = Proyecto: modificado desde la { $label } del { $date }
changes-heading = Cambios en esta revisión
changes-since = Cambios desde la { $label }
change-session-added = Añadido: { $title } ({ $when })
change-session-removed = Suprimido: { $title } ({ $day })
change-session-moved = Trasladado: { $title }, ahora { $when }
change-session-retimed = Trasladado: { $title }, ahora { $when } (antes { $before })
change-session-retitled = Nuevo título: { $before } pasa a ser { $after }
change-item-added = Tema añadido a { $title }: { $after }
change-item-removed = Tema suprimido de { $title }: { $before }
change-intervention-added = Intervención añadida a { $title }: { $after }
change-intervention-removed = Intervención suprimida de { $title }: { $before }
change-output-added = Resultado previsto añadido: { $title }
change-output-removed = Resultado previsto suprimido: { $title }
change-output-reworded = Resultado previsto reformulado: { $after } (antes: { $before })
change-output-relinked = El resultado previsto { $title } se trata ahora en: { $after }
change-room-changed = { $day }: sala ahora { $after }
change-part-changed = { $day }: ahora { $after }
change-input-added = Documento de referencia añadido: { $title }
change-input-removed = Documento de referencia suprimido: { $title }
change-input-changed = Documento de referencia actualizado: { $title }
change-session-changed = Modificado: { $title }
change-list-reordered = Nuevo orden de los temas de { $title }
change-meeting-retitled = Nuevo título de la reunión: { $after } (antes: { $before })
change-input-retitled = Nuevo título de documento de referencia: { $after } (antes: { $before })
change-rearranged = Filas o listas reordenadas
