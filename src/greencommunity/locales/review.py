"""Texts of the review loop: the open rectifications of ``gc status``.  (The
需整改 verdict and the 整改中 status are words for values, in ``labels.py``;
the rules' messages are in ``rules.py``.)"""

from greencommunity.locales import Plural

ZH: dict[str, str | Plural] = {
    "rectification.none": "没有未答复的整改事项。",
    "rectification.by_community": "未答复的整改事项 {count}，按社区：",
    "rectification.by_community_overdue": "未答复的整改事项 {count}（其中逾期 {overdue} 项），按社区：",
    "rectification.by_lead": "按牵头部门：",
    "rectification.no_lead": "未指定牵头部门",
    "rectification.line": "{item} {title}：{comment}（{year} 年{stage}提出，期限 {due}{overdue}）",
    "rectification.lead_line": "{community} {item} {title}（期限 {due}{overdue}）",
    "rectification.overdue": "，已逾期 {days}",
}

EN: dict[str, str | Plural] = {
    "rectification.none": "No open rectifications.",
    "rectification.by_community": "Open rectifications: {count}, by community:",
    "rectification.by_community_overdue": "Open rectifications: {count} ({overdue} overdue), by community:",
    "rectification.by_lead": "By lead department:",
    "rectification.no_lead": "no lead department",
    "rectification.line": "{item} {title}: {comment} ({stage} {year}, due {due}{overdue})",
    "rectification.lead_line": "{community} {item} {title} (due {due}{overdue})",
    "rectification.overdue": ", {days} overdue",
}
