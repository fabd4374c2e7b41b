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
    "schema.gc_indicator_id": (
        "{field} 的指标编号 {value} 不合法：只能用字母、数字、- 和 _，以字母开头，"
        "最多 {max} 个字符，如 households_served。"
    ),
    # Rules of rules/evaluation.py.
    "rule.GC360": "年度评估的指标 {id} 不在 {year} 年度施行的评分表的 indicators 中。{listed}{hint}",
    "rule.GC360.listed": "评分表列出的指标：{ids}。",
    "rule.GC361": "{year} 年度已有一项年度评估（evaluation 第 {first} 项）：每年只能有一项。请合并，或更正年度。",
    # gc report evaluation: refusals.
    "report.no_evaluation": "{community}没有 {year} 年度的年度评估（evaluation）。有年度评估的年度：{years}。",
    "report.no_evaluations": "数据中没有任何社区的年度评估（evaluation），无法生成年度评估报告。",
    "report.no_evaluations_in_year": "{year} 年没有社区有年度评估（evaluation）。有年度评估的年度：{years}。",
    # The annual evaluation document.
    "document.evaluation.subtitle": "（{year}年度）",
    "document.evaluation.intro": "根据{plan}“开展创建情况和实施效果年度评估”的要求，{community}（{batch}年列入创建计划{passed}）对本社区{year}年度绿色社区创建情况和实施效果进行了评估，现将有关情况报告如下。",
    "document.evaluation.plan_default": "本镇绿色社区创建行动实施方案",
    "document.evaluation.passed": "，{year}年创建达标",
    "document.evaluation.h.effects": "一、创建情况和实施效果",
    "document.evaluation.h.indicators": "成效指标",
    "document.evaluation.h.plan": "二、创建计划完成情况",
    "document.evaluation.h.funding": "资金投入情况",
    "document.evaluation.h.scores": "三、历年评分变化",
    "document.evaluation.h.rectifications": "四、尚未完成的整改",
    "document.evaluation.plan_summary": "截至{date}，本年度创建计划涉及项目 {count} 个：按期完成 {on_time} 个，逾期完成 {late} 个，逾期未完成 {overdue} 个，实施中 {open} 个。",
    "document.evaluation.no_projects": "本年度没有在实施的创建项目。",
    "document.evaluation.no_rectifications": "截至{date}，没有尚未完成的整改。",
    "document.evaluation.no_scores": "本社区尚无申报和考评记录。",
    "document.evaluation.col.indicator": "指标",
    "document.evaluation.col.value": "数量",
    "document.evaluation.col.project": "项目",
    "document.evaluation.col.lead": "牵头部门",
    "document.evaluation.col.due": "计划完成",
    "document.evaluation.col.done": "实际完成",
    "document.evaluation.col.timing": "完成情况",
    "document.evaluation.col.channel": "资金渠道",
    "document.evaluation.col.projects": "项目数",
    "document.evaluation.col.budget": "计划投资（万元）",
    "document.evaluation.col.spent": "已支出（万元）",
    "document.evaluation.col.year": "年度",
    "document.evaluation.col.self": "自评得分",
    "document.evaluation.col.official": "考评得分",
    "document.evaluation.col.outcome": "考评结论",
    "document.evaluation.col.status": "创建状态",
    "document.evaluation.col.stage": "考评",
    "document.evaluation.col.item": "条目",
    "document.evaluation.col.comment": "整改意见",
    "document.evaluation.col.rectify_due": "整改期限",
    "document.evaluation.total": "合计",
    "document.evaluation.overdue": Plural("逾期 {count} 天"),
    "document.evaluation.sign.unit": "填报单位",
    "document.evaluation.sign.date": "填报日期",
    "document.evaluation.summary.heading": "{year}年度评估（长效管理）",
    "document.evaluation.summary.filed": "已报送年度评估：{names}。",
    "document.evaluation.summary.missing": "已达标、尚未报送年度评估：{names}。",
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
    "schema.gc_indicator_id": (
        "{field}: indicator id {value} is invalid: letters, digits, - and _, starting with a "
        "letter, at most {max} characters, e.g. households_served."
    ),
    "rule.GC360": "Evaluation indicator {id} is not listed under indicators in the score "
    "sheet in force in {year}. {listed}{hint}",
    "rule.GC360.listed": "The sheet lists: {ids}. ",
    "rule.GC361": "There is already an annual evaluation of {year} (evaluation entry {first}): "
    "one a year. Merge them, or correct the year.",
    "report.no_evaluation": "{community} has no annual evaluation (evaluation) of {year}. "
    "Years with an evaluation: {years}.",
    "report.no_evaluations": "No community has an annual evaluation (evaluation); nothing to "
    "render.",
    "report.no_evaluations_in_year": "No community has an annual evaluation (evaluation) of "
    "{year}. Years with one: {years}.",
    "document.evaluation.subtitle": "({year})",
    "document.evaluation.intro": "As {plan} asks for an annual evaluation of the creation "
    "and its effects, {community} (in the plan since {batch}{passed}) reports on its green "
    "community work and its effects in {year}.",
    "document.evaluation.plan_default": "the town's green-community action plan",
    "document.evaluation.passed": ", passed in {year}",
    "document.evaluation.h.effects": "1. The work and its effects",
    "document.evaluation.h.indicators": "Indicators",
    "document.evaluation.h.plan": "2. The plan",
    "document.evaluation.h.funding": "Funds",
    "document.evaluation.h.scores": "3. Scores over the years",
    "document.evaluation.h.rectifications": "4. Rectifications still open",
    "document.evaluation.plan_summary": "By {date}, the year's plan counts {count} projects: "
    "{on_time} done on time, {late} done late, {overdue} overdue, {open} in progress.",
    "document.evaluation.no_projects": "No creation project was under way in the year.",
    "document.evaluation.no_rectifications": "By {date}, no rectification is open.",
    "document.evaluation.no_scores": "The community has no assessment yet.",
    "document.evaluation.col.indicator": "Indicator",
    "document.evaluation.col.value": "Value",
    "document.evaluation.col.project": "Project",
    "document.evaluation.col.lead": "Lead department",
    "document.evaluation.col.due": "Due",
    "document.evaluation.col.done": "Done",
    "document.evaluation.col.timing": "Standing",
    "document.evaluation.col.channel": "Funding channel",
    "document.evaluation.col.projects": "Projects",
    "document.evaluation.col.budget": "Budget (10k yuan)",
    "document.evaluation.col.spent": "Spent (10k yuan)",
    "document.evaluation.col.year": "Year",
    "document.evaluation.col.self": "Self score",
    "document.evaluation.col.official": "Review score",
    "document.evaluation.col.outcome": "Review verdict",
    "document.evaluation.col.status": "Standing",
    "document.evaluation.col.stage": "Review",
    "document.evaluation.col.item": "Item",
    "document.evaluation.col.comment": "Asked",
    "document.evaluation.col.rectify_due": "Due",
    "document.evaluation.total": "Total",
    "document.evaluation.overdue": Plural("{count} days overdue", "{count} day overdue"),
    "document.evaluation.sign.unit": "Filed by",
    "document.evaluation.sign.date": "Date",
    "document.evaluation.summary.heading": "Annual evaluations of {year} (after passing)",
    "document.evaluation.summary.filed": "Annual evaluations filed: {names}. ",
    "document.evaluation.summary.missing": "Passed, annual evaluation not filed: {names}.",
}
