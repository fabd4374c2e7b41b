"""Texts of the review loop and of evidence per item: the 需整改 verdict, the
整改中 status, the open rectifications of ``gc status``, and a score sheet's
evidence asked against attached.  (The rules' messages are in ``rules.py``.)"""

from greencommunity.locales import Plural

ZH: dict[str, str | Plural] = {
    "status.rectifying": "整改中",
    "verdict.rectify": "需整改",
    "count.rectifications": Plural(other="{count} 项"),
    "rectification.none": "没有未答复的整改事项。",
    "rectification.by_community": "未答复的整改事项 {count}，按社区：",
    "rectification.by_community_overdue": "未答复的整改事项 {count}（其中逾期 {overdue} 项），按社区：",
    "rectification.by_lead": "按牵头部门：",
    "rectification.no_lead": "未指定牵头部门",
    "rectification.line": "{item} {title}：{comment}（{year} 年{stage}提出，期限 {due}{overdue}）",
    "rectification.lead_line": "{community} {item} {title}（期限 {due}{overdue}）",
    "rectification.overdue": "，已逾期 {days}",
    "progress.reason.rectifying": "{stage}要求整改，整改后复核通过方计入达标",
    "document.evidence": "{asked}。{attached}。",
    "document.evidence.asked": "应附：{asked}",
    "document.evidence.attached": "已附：{files}",
    "document.evidence.none": "无",
}

EN: dict[str, str | Plural] = {
    "status.rectifying": "rectifying",
    "verdict.rectify": "rectification needed",
    "count.rectifications": Plural(one="{count} item", other="{count} items"),
    "rectification.none": "No open rectifications.",
    "rectification.by_community": "Open rectifications: {count}, by community:",
    "rectification.by_community_overdue": "Open rectifications: {count} ({overdue} overdue), by community:",
    "rectification.by_lead": "By lead department:",
    "rectification.no_lead": "no lead department",
    "rectification.line": "{item} {title}: {comment} ({stage} {year}, due {due}{overdue})",
    "rectification.lead_line": "{community} {item} {title} (due {due}{overdue})",
    "rectification.overdue": ", {days} overdue",
    "progress.reason.rectifying": "{stage} asks for rectification; counted once a review passes it",
    "document.evidence": "{asked}. {attached}.",
    "document.evidence.asked": "To attach: {asked}",
    "document.evidence.attached": "Attached: {files}",
    "document.evidence.none": "none",
}
