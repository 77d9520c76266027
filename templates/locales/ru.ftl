# Постоянные надписи docket на русском языке.
# ОЖИДАЕТ ПРОВЕРКИ ПЕРЕВОДЧИКОМ: рабочий, неофициальный перевод.
#
# Решения:
# - Даты: CLDR «ru» даёт «26 июня 2024 г.»; документы ООН пишут «26 июня 2024 года»,
#   поэтому «г.» заменяется на «года» (house-date-from / house-date-to ниже).
# - Время: 24 часа, «10:30-12:30».

cldr-locale = ru

## Date ranges: CLDR pieces (ICU4X) joined here.
date-range-month = { $start_day }-{ $end }
date-range-year = { $start_md } - { $end }
date-range = { $start } - { $end }
house-date-from = {"\u202F"}г.
house-date-to = {" "}года

agenda = Повестка дня
time = Время
agenda-item = Пункт повестки дня
interventions-from = Выступления:
input-documents = Справочные документы
none-listed = Нет.
desired-outputs = Ожидаемые результаты
addressed-in = Рассматривается в:
dates = Даты
event-window = Период проведения
event-window-utc = Период проведения (UTC)
hosted-by = Организатор
venue = Место проведения
series = Серия
rooms = Зал(ы)
page-of = Страница { $page } из { $total }
follow-up-report = Доклад о последующей деятельности
meeting-summary = Резюме совещания
coverage = Охват ожидаемых результатов
day = День
desired-output = Ожидаемый результат
status = Статус
outputs-and-outcomes = Ожидаемые и достигнутые результаты
handled-on-agenda = Рассматривается в повестке дня:
no-session = Заседаний нет.
no-outcome-recorded = Результат не записан.
open-actions = Незавершённые последующие меры
unassigned = Результаты без ожидаемого результата
missing = Ожидаемые результаты без итога
none = Нет.
none-missing = Нет: у каждого ожидаемого результата есть итог.
workshops-approved = Утверждённые семинары
main-sessions-agreed = Согласованные основные сессии
facilitators-named = Назначенные координаторы
decisions = Решения
follow-up-actions = Последующие меры
action = Мера
owner = Ответственный
due = Срок
from = Источник
session = Заседание
continued = продолжение
one-outcome-with = общий итог с
continued-from = продолжение:

day-n = День { $number }
continued-title = { $title } (продолжение)
untranslated = { $text } [не переведено]
totals = Ожидаемых результатов: { $outputs }; достигнуто: { $achieved }, частично: { $partial }, не достигнуто: { $not_achieved }, отложено: { $deferred }, в ожидании: { $pending }, без итога: { $missing }.
summary-of = Резюме совещания «{ $title }», { $venue }, { $dates }

status-achieved = достигнут
status-partial = частично
status-not-achieved = не достигнут
status-deferred = отложен
status-pending = в ожидании
status-none = нет итога
action-open = открыта
action-in-progress = выполняется
action-done = выполнена
action-dropped = отменена
kind-main-session = основная сессия
kind-track = направление
kind-intersessional = межсессионная деятельность
facilitators = координаторы

## Word summary.
due-date = Срок
local-time = местное время
summary = Резюме
workshops-under = Утверждённые семинары, { $theme }: { $count }

## PDF metadata.
document-of = { $kind }: { $title }, { $venue }, { $dates }

colon = {": "}
from-session = заседание { $id }
no-session-item = заседаний нет

## Пересмотры (`docket issue`).
draft = Проект
revision-original = Выпущено { $date }
revision-line = { $label }, { $date }
draft-line = Проект: изменён после { $label } от { $date }
changes-heading = Изменения в этом пересмотре
changes-since = Изменения после { $label }
change-session-added = Добавлено: { $title } ({ $when })
change-session-removed = Исключено: { $title } ({ $day })
change-session-moved = Перенесено: { $title }, теперь { $when }
change-session-retimed = Перенесено: { $title }, теперь { $when } (было { $before })
change-session-retitled = Новое название: { $before } теперь { $after }
change-item-added = Пункт добавлен в { $title }: { $after }
change-item-removed = Пункт исключён из { $title }: { $before }
change-intervention-added = Выступление добавлено в { $title }: { $after }
change-intervention-removed = Выступление исключено из { $title }: { $before }
change-output-added = Ожидаемый результат добавлен: { $title }
change-output-removed = Ожидаемый результат исключён: { $title }
change-output-reworded = Ожидаемый результат изменён: { $after } (было: { $before })
change-output-relinked = Ожидаемый результат { $title } теперь рассматривается в: { $after }
change-room-changed = { $day }: теперь зал { $after }
change-part-changed = { $day }: теперь { $after }
change-input-added = Справочный документ добавлен: { $title }
change-input-removed = Справочный документ исключён: { $title }
change-input-changed = Справочный документ обновлён: { $title }
change-session-changed = Изменено: { $title }
change-list-reordered = Изменён порядок пунктов: { $title }
change-meeting-retitled = Новое название совещания: { $after } (было: { $before })
change-input-retitled = Новое название справочного документа: { $after } (было: { $before })
change-rearranged = Изменён порядок строк или списков
