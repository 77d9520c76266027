# docket 的固定用语（中文）。
# 有待译员审校：工作译文，非正式。
#
# 决定：
# - 日期：CLDR "zh" 格式（"2024年6月26日"），与联合国中文文件一致。
# - 时间：24 小时制，"10:30-12:30"。

cldr-locale = zh

## Date ranges: CLDR pieces (ICU4X) joined here.
date-range-month = { $start }至{ $end_day }
date-range-year = { $start }至{ $end_md }
date-range = { $start }至{ $end }

agenda = 议程
time = 时间
agenda-item = 议程项目
interventions-from = 发言：
input-documents = 参考文件
none-listed = 无。
desired-outputs = 预期成果
addressed-in = 涉及：
dates = 日期
event-window = 会议时段
event-window-utc = 会议时段（UTC）
hosted-by = 主办方
venue = 地点
series = 系列
rooms = 会议室
page-of = 第 { $page } 页，共 { $total } 页
follow-up-report = 后续行动报告
meeting-summary = 会议摘要
coverage = 预期成果的落实情况
day = 日
desired-output = 预期成果
status = 状态
outputs-and-outcomes = 预期成果及其结果
handled-on-agenda = 在议程中处理：
no-session = 无会议。
no-outcome-recorded = 未记录结果。
open-actions = 未完成的后续行动
unassigned = 未对应预期成果的结果
missing = 没有结果的预期成果
none = 无。
none-missing = 无：每项预期成果均有结果。
workshops-approved = 核准的研讨会
main-sessions-agreed = 商定的主要会议
facilitators-named = 指定的主持人
decisions = 决定
follow-up-actions = 后续行动
action = 行动
owner = 负责方
due = 期限
from = 来源
session = 会议
continued = 续
one-outcome-with = 与下列共用一个结果：
continued-from = 续接

day-n = 第{ $number }天
continued-title = { $title }（续）
untranslated = { $text } [未翻译]
totals = 预期成果 { $outputs } 项：已实现 { $achieved } 项，部分实现 { $partial } 项，未实现 { $not_achieved } 项，推迟 { $deferred } 项，待定 { $pending } 项，无结果 { $missing } 项。
summary-of = { $title }会议摘要，{ $venue }，{ $dates }

status-achieved = 已实现
status-partial = 部分实现
status-not-achieved = 未实现
status-deferred = 推迟
status-pending = 待定
status-none = 无结果
action-open = 待办
action-in-progress = 进行中
action-done = 已完成
action-dropped = 已放弃
kind-main-session = 主要会议
kind-track = 专题
kind-intersessional = 闭会期间活动
facilitators = 主持人

## Word summary.
due-date = 期限
local-time = 当地时间
summary = 摘要
workshops-under = 核准的研讨会（{ $theme }）：{ $count }

## PDF metadata.
document-of = { $kind }：{ $title }，{ $venue }，{ $dates }

colon = {"："}
from-session = 会议 { $id }
no-session-item = 无会议

## 修订（`docket issue`）。
draft = 草稿
revision-original = 发布于{ $date }
revision-line = { $label }，{ $date }
draft-line = 草稿：自{ $date }的{ $label }以来已修改
changes-heading = 本修订的改动
changes-since = 自{ $label }以来的改动
change-session-added = 新增：{ $title }（{ $when }）
change-session-removed = 删除：{ $title }（{ $day }）
change-session-moved = 调整：{ $title }，现为{ $when }
change-session-retimed = 调整：{ $title }，现为{ $when }（原为{ $before }）
change-session-retitled = 更名：{ $before } 改为 { $after }
change-item-added = { $title } 新增项目：{ $after }
change-item-removed = { $title } 删除项目：{ $before }
change-intervention-added = { $title } 新增发言：{ $after }
change-intervention-removed = { $title } 删除发言：{ $before }
change-output-added = 新增预期成果：{ $title }
change-output-removed = 删除预期成果：{ $title }
change-output-reworded = 预期成果措辞修改：{ $after }（原为：{ $before }）
change-output-relinked = 预期成果 { $title } 现涉及：{ $after }
change-room-changed = { $day }：会议室现为 { $after }
change-part-changed = { $day }：现为 { $after }
change-input-added = 新增参考文件：{ $title }
change-input-removed = 删除参考文件：{ $title }
change-input-changed = 参考文件已更新：{ $title }
change-session-changed = 修改：{ $title }
change-list-reordered = { $title } 的项目顺序已调整
change-meeting-retitled = 会议更名：{ $after }（原为：{ $before }）
change-input-retitled = 参考文件更名：{ $after }（原为：{ $before }）
change-rearranged = 行或列表的顺序已调整
