"""The plan's last duties: the annual evaluation (年度评估), the evaluations a
passed community owes (长效管理), commendations (表扬鼓励) and the showcase of
good practice (典型引路)."""

from greencommunity.locales import Plural

ZH: dict[str, str | Plural] = {
    # Words for values (labels.TIMING, labels.OWED).
    "timing.on_time": "按期完成",
    "timing.late": "逾期完成",
    "timing.overdue": "逾期未完成",
    "timing.open": "实施中",
    "owed.filed": "已报送",
    "owed.due": "待报送",
    "owed.overdue": "逾期未报送",
    "owed.heading": "已达标社区尚未报送的年度评估（长效管理）：{count} 项",
    "owed.line": "{name}：{year} 年度评估{state}（截止 {due}）{overdue}",
    # Rules of rules/evaluation.py.
    # gc report evaluation: refusals.
    # The annual evaluation document.
}

EN: dict[str, str | Plural] = {
    "timing.on_time": "done on time",
    "timing.late": "done late",
    "timing.overdue": "overdue",
    "timing.open": "in progress",
    "owed.filed": "filed",
    "owed.due": "due",
    "owed.overdue": "overdue",
    "owed.heading": "Annual evaluations passed communities have not filed: {count}",
    "owed.line": "{name}: annual evaluation of {year} {state} (due {due}){overdue}",
}
