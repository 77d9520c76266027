# العبارات الثابتة في docket باللغة العربية.
# في انتظار مراجعة مترجم: ترجمة عمل غير رسمية.
#
# القرارات:
# - التواريخ: يعطي CLDR للعربية "26 يونيو 2024"؛ وتكتب وثائق الأمم المتحدة الشهر باسميه
#   "26 حزيران/يونيه 2024" (مثلا A/RES/61/53)، فتحل الأسماء أدناه (house-month-N) محل أسماء CLDR.
# - الأرقام: الأرقام اللاتينية (0-9) كما في وثائق الأمم المتحدة بالعربية: ar-u-nu-latn.
# - الوقت: نظام 24 ساعة، "10:30-12:30".

cldr-locale = ar-u-nu-latn

## Date ranges: CLDR pieces (ICU4X) joined here.
date-range-month = { $start_day }-{ $end }
date-range-year = { $start_md } - { $end }
date-range = { $start } - { $end }
house-month-1 = كانون الثاني/يناير
house-month-2 = شباط/فبراير
house-month-3 = آذار/مارس
house-month-4 = نيسان/أبريل
house-month-5 = أيار/مايو
house-month-6 = حزيران/يونيه
house-month-7 = تموز/يوليه
house-month-8 = آب/أغسطس
house-month-9 = أيلول/سبتمبر
house-month-10 = تشرين الأول/أكتوبر
house-month-11 = تشرين الثاني/نوفمبر
house-month-12 = كانون الأول/ديسمبر

agenda = جدول الأعمال
time = الوقت
agenda-item = بند جدول الأعمال
interventions-from = مداخلات من:
input-documents = الوثائق المرجعية
none-listed = لا يوجد.
desired-outputs = النواتج المتوخاة
addressed-in = يُتناول في:
dates = التواريخ
event-window = فترة الاجتماع
event-window-utc = فترة الاجتماع (التوقيت العالمي)
hosted-by = الجهة المضيفة
venue = المكان
series = السلسلة
rooms = القاعة (القاعات)
page-of = الصفحة { $page } من { $total }
follow-up-report = تقرير المتابعة
meeting-summary = موجز الاجتماع
coverage = تغطية النواتج المتوخاة
day = اليوم
desired-output = الناتج المتوخى
status = الحالة
outputs-and-outcomes = النواتج المتوخاة ونتائجها
handled-on-agenda = تناوله جدول الأعمال في:
no-session = لا توجد جلسة.
no-outcome-recorded = لم تُسجل أي نتيجة.
open-actions = إجراءات المتابعة المفتوحة
unassigned = نتائج غير مرتبطة بناتج متوخى
missing = نواتج متوخاة بلا نتيجة
none = لا يوجد.
none-missing = لا يوجد: لكل ناتج متوخى نتيجة.
workshops-approved = حلقات العمل المعتمدة
main-sessions-agreed = الجلسات الرئيسية المتفق عليها
facilitators-named = الميسّرون المعيّنون
decisions = المقررات
follow-up-actions = إجراءات المتابعة
action = الإجراء
owner = المسؤول
due = الموعد
from = المصدر
session = الجلسة
continued = تابع
one-outcome-with = نتيجة واحدة مع
continued-from = تابع للجلسة

day-n = اليوم { $number }
continued-title = { $title } (تابع)
untranslated = { $text } [غير مترجم]
totals = { $outputs } من النواتج المتوخاة: تحقق { $achieved }، وتحقق جزئيا { $partial }، ولم يتحقق { $not_achieved }، وأُرجئ { $deferred }، وقيد الانتظار { $pending }، وبلا نتيجة { $missing }.
summary-of = موجز { $title }، { $venue }، { $dates }

status-achieved = تحقق
status-partial = تحقق جزئيا
status-not-achieved = لم يتحقق
status-deferred = أُرجئ
status-pending = قيد الانتظار
status-none = بلا نتيجة
action-open = مفتوح
action-in-progress = قيد التنفيذ
action-done = منجز
action-dropped = أُلغي
kind-main-session = جلسة رئيسية
kind-track = مسار
kind-intersessional = نشاط بين الدورات
facilitators = الميسّرون

## Word summary.
due-date = الموعد
local-time = التوقيت المحلي
summary = موجز
workshops-under = حلقات العمل المعتمدة، { $theme }: { $count }

## PDF metadata.
document-of = { $kind }: { $title }، { $venue }، { $dates }

colon = {": "}
from-session = الجلسة { $id }
no-session-item = لا توجد جلسة

## التنقيحات (`docket issue`).
draft = مشروع
revision-original = صدر في { $date }
revision-line = { $label }، { $date }
draft-line = مشروع: عُدّل منذ { $label } المؤرخ { $date }
changes-heading = التغييرات في هذا التنقيح
changes-since = التغييرات منذ { $label }
change-session-added = أُضيف: { $title } ({ $when })
change-session-removed = حُذف: { $title } ({ $day })
change-session-moved = نُقل: { $title }، وموعده الآن { $when }
change-session-retimed = نُقل: { $title }، وموعده الآن { $when } (كان { $before })
change-session-retitled = عنوان جديد: { $before } أصبح { $after }
change-item-added = بند أُضيف إلى { $title }: { $after }
change-item-removed = بند حُذف من { $title }: { $before }
change-intervention-added = مداخلة أُضيفت إلى { $title }: { $after }
change-intervention-removed = مداخلة حُذفت من { $title }: { $before }
change-output-added = ناتج متوخى أُضيف: { $title }
change-output-removed = ناتج متوخى حُذف: { $title }
change-output-reworded = ناتج متوخى أُعيدت صياغته: { $after } (كان: { $before })
change-output-relinked = الناتج المتوخى { $title } يُتناول الآن في: { $after }
change-room-changed = { $day }: القاعة الآن { $after }
change-part-changed = { $day }: الآن { $after }
change-input-added = وثيقة مرجعية أُضيفت: { $title }
change-input-removed = وثيقة مرجعية حُذفت: { $title }
change-input-changed = وثيقة مرجعية حُدّثت: { $title }
change-session-changed = عُدّل: { $title }
change-list-reordered = أُعيد ترتيب بنود { $title }
change-meeting-retitled = عنوان جديد للاجتماع: { $after } (كان: { $before })
change-input-retitled = عنوان جديد لوثيقة مرجعية: { $after } (كان: { $before })
change-rearranged = أُعيد ترتيب الصفوف أو القوائم
