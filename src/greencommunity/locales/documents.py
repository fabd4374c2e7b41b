"""Texts of ``gc report``: help, errors and what was written; and the sentences
of the documents themselves (``document.*``).

The documents are always Chinese (they are submitted to the district); only
the command-line messages follow the interface language.  A sentence a
document shares with its workbook lives here once: the templates (Markdown and
HTML) say ``t("document.…")`` and ``documents/xlsx.py`` says ``tr("document.…")``.
Markup stays in the templates (``**自评结论**：`` in Markdown, a ``span`` in
HTML, a plain cell in a workbook), so these are plain words: the templates
write them unescaped, as they write their own text (``tests/documents/
test_environment.py`` checks that none holds a character Markdown or HTML
would read).  The English is never printed on paper; it keeps the catalogs
alike and says what each sentence means.
"""

from greencommunity.locales import Plural

ZH: dict[str, str | Plural] = {
    "document.recorded": "{stage}由 {name} 于 {date} 记录（提交 {commit}，{signed}）。",
    "document.recorded.signed": "已签名",
    "document.recorded.unsigned": "未签名",
    "help.report": (
        "生成申报材料：application（创建申请报告）、scoresheet（自测评分表）、"
        "summary（镇汇总表）、progress（进度报告）或 submission（10 月 30 日整套申报材料）。"
    ),
    "help.report.kind": "材料种类（各种类的含义见上）。",
    "help.report.communities": "社区编号或名称，如 songxin 或 崧鑫居委会（application、scoresheet 用）。",
    "help.report.all": "为本年度有自测评分的每个社区各生成一份，并生成目录。",
    "help.report.year": "申报年度；缺省为数据中最近的年度。",
    "help.report.format": "输出格式：html 可直接打印；pdf 需安装 pdf 扩展（make install 已安装）；xlsx 为 Excel/WPS 表格（summary、scoresheet）。",
    "help.report.output": "写入此目录；缺省时单份 markdown/html 材料输出到屏幕。",
    "help.report.date": (
        "落款日期 YYYY-MM-DD，材料中的一切以这一天的情况为准；缺省时申请报告和评分表用报送日期，"
        "其他材料留空待手写、按生成之日的情况。"
    ),
    "help.report.allow_dirty": (
        "数据目录有尚未提交的修改时仍生成 submission（每份材料都注明“含未提交的修改”）；"
        "缺省时拒绝。"
    ),
    "report.dirty": (
        "数据目录有尚未提交的修改，不生成正式的申报材料包（submission 要能按提交重新生成、核对）：{paths}\n"
        "请先提交（git commit），或加 --allow-dirty（每份材料都会注明“含未提交的修改”）。"
    ),
    "report.no_assessments": "数据中没有任何年度的申报或考评记录，无法生成材料。",
    "report.no_self_assessment": (
        "{community} 没有 {year} 年的自测评分，无法生成该年度的材料。有自测评分的年度：{years}。"
    ),
    "report.before_self_evaluation": (
        "{community} 的 {year} 年自测评分表是 {evaluated} 做的，不能出具 {date} 的材料："
        "那天还没有自测评分。请把 --date 改为 {evaluated} 或之后。"
    ),
    "report.no_applicants": "{year} 年没有社区有自测评分。有数据的年度：{years}。",
    "report.no_year": "{year} 年没有任何社区的申报记录。有数据的年度：{years}。",
    "report.nothing_submitted": (
        "{year} 年还没有社区报送（社区文件中该年度没有 submitted 日期），"
        "{drafts} 个社区只有自测评分草稿。请先在社区文件中填写报送日期，"
        "或用 gc report application --all 生成各社区的草稿。"
    ),
    "report.need_community": (
        "请指定社区（编号或名称），或用 --all 为本年度每个申报社区各生成一份。"
        "例如：gc report {kind} songxin"
    ),
    "report.no_communities_for_kind": "{kind} 是全镇的材料，不接受社区参数。",
    "report.need_output": "多份材料，或 {formats} 文件，需要用 --output 指定输出目录。",
    "report.pdf_unavailable": (
        "无法生成 PDF：WeasyPrint 未安装或无法启动（{detail}）。"
        "请运行 make install，或 pip install 'greencommunity[pdf]'；也可以用 --format html 后在浏览器中打印。"
    ),
    "report.template_error": "模板 {name} 第 {line} 行有错误：{detail}",
    "report.template_unsafe": "模板试图执行不允许的操作：{detail}",
    "report.written": "已写入 {files}到 {path}：",
    "report.drafts": "以下社区本年度尚未报送，申报材料中没有这些社区的材料：{names}。",
    "report.drafts_bundled": (
        "以下社区本年度尚未报送，申报材料和合订本中都没有这些社区的材料：{names}。"
    ),
    "report.no_chinese_font": (
        "无法生成 PDF：本机没有中文字体，PDF 中的汉字会成为空白方框。请先安装中文字体：\n"
        "  Debian/Ubuntu：sudo apt install fonts-noto-cjk\n"
        "  Windows：样式表使用宋体（SimSun）和微软雅黑（Microsoft YaHei，系统自带），"
        "以及黑体（SimHei）、楷体（KaiTi）：在“设置 › 系统 › 可选功能”中添加“简体中文补充字体”\n"
        "  macOS：样式表使用宋体-简（Songti SC）和苹方-简（PingFang SC，系统自带），"
        "楷体-简（Kaiti SC）可在“字体册”中下载\n"
        "Linux、macOS 上可用 fc-list :lang=zh-cn 检查。也可以用 --format html 后在浏览器中打印。"
    ),
    "report.template_failed": "模板出错：{detail}",
    "report.format_not_for_kind": "{kind} 没有 {format} 格式。可用：{formats}。",
    # ------------------------------- sentences of the documents and their workbooks
    "document.notice.illustrative_all": (
        "说明：本文件所用社区数据均为示意数据（社区概况、创建计划与评分），并非真实测评结果。"
    ),
    "document.notice.illustrative_some": (
        "说明：{names}的数据为示意数据（社区概况、创建计划与评分），并非真实测评结果。"
    ),
    "document.notice.draft": "草稿：本社区{year}年度的材料尚未报送{issuer}。",
    "document.labelled": "{label}：{text}",
    "document.label.no": "序号",
    "document.label.community": "社区（居委会）",
    "document.label.batch": "创建批次",
    "document.label.submitted": "报送日期",
    "document.label.evidence": "佐证材料",
    "document.label.self_total": "自评总分",
    "document.label.verdict": "自评结论",
    "document.label.status": "状态",
    "document.label.blockers": "未达标原因",
    "document.not_submitted": "未报送",
    "document.batch": "{year}年",
    "document.share": "得分率 {share}",
    "document.share_required": "（要求不低于 {share}）",
    "document.share_short": "（要求不低于 {share}，{short}）",
    "document.not_reached": "未达到",
    "document.verdict": "总分 {score} 分（满分 {points} 分），{verdict}。",
    "document.level": "{verdict}（{level}）",
    "document.stage": "{verdict}（{date}）",
    "document.stage_scored": "{score} 分，{verdict}（{date}）",
    "document.summary_total": "报送 {count} 个，自评达标 {passed} 个（达标分数 {points} 分）",
    "document.pending": Plural(other="另有 {count} 个社区本年度已开展创建但尚未报送申报材料："),
    "document.sign.unit": "自评单位（盖章）",
    "document.sign.filler": "填表人（签字）",
    "document.sign.head": "社区负责人（签字）",
    "document.sign.date": "日期",
    "document.blank_line": "＿＿＿＿＿＿＿＿",
    "document.blank_date": "＿＿＿＿年＿＿月＿＿日",
    "document.rectify.count": Plural(other="要求整改 {count} 项"),
    "document.rectify.col.item": "条目",
    "document.rectify.col.comment": "整改意见",
    "document.rectify.col.due": "整改期限",
    "document.rectify.col.state": "整改情况",
    "document.rectify.answered": "{date}答复：{note}",
    "document.rectify.files": "佐证：{files}",
    "document.rectify.open": "未答复",
    "document.rectify.overdue": Plural(other="未答复，已逾期 {count} 天"),
    "document.evidence": "{asked}。{attached}。",
    "document.evidence.asked": "应附：{asked}",
    "document.evidence.attached": "已附：{files}",
    "document.evidence.none": "无",
    "document.counted": "{cap}，计入总分 {counted} 分",
    "document.min_points": "要求不低于 {points} 分",
    "document.min_points_short": "要求不低于 {points} 分，未达到",
    "document.title.application": "{community}绿色社区创建申请报告",
    "document.title.scoresheet": "{community}自测评分表",
    "document.title.summary": "{town}{year}年度绿色社区创建申报汇总表",
    "document.title.progress": "{town}绿色社区创建行动进度报告",
    "document.title.submission": "{town}{year}年度绿色社区创建申报材料",
    "document.title.evaluation": "{community}{year}年度绿色社区创建情况和实施效果评估报告",
    "document.draft": "草稿，未报送",
    "document.bundle_entry": "合订本：以上 {count} 份材料合为一个文件，可整本打印",
    "report.no_evaluation": "{community}没有 {year} 年度的年度评估（evaluation）。有年度评估的年度：{years}。",
    "report.no_evaluations": "数据中没有任何社区的年度评估（evaluation），无法生成年度评估报告。",
    "report.no_evaluations_in_year": "{year} 年没有社区有年度评估（evaluation）。有年度评估的年度：{years}。",
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
    "document.recorded": "{stage} recorded by {name} on {date} (commit {commit}, {signed}).",
    "document.recorded.signed": "signed",
    "document.recorded.unsigned": "not signed",
    "help.report": (
        "Render the documents: application (application report), scoresheet "
        "(self-evaluation score sheet), summary (town summary), progress (progress report) "
        "or submission (the whole 30 October submission)."
    ),
    "help.report.kind": "The kind of document (see above for what each is).",
    "help.report.communities": "Community ids or names, such as songxin (for application, scoresheet).",
    "help.report.all": "One document per community with a self-evaluation that year, plus an index.",
    "help.report.year": "The year; by default the latest year in the data.",
    "help.report.format": "Output format: html is print-ready; pdf needs the pdf extra (make install installs it); xlsx is an Excel/WPS workbook (summary, scoresheet).",
    "help.report.output": "Write into this folder; without it a single markdown/html document goes to stdout.",
    "help.report.date": (
        "Date under the signature, YYYY-MM-DD: everything in the documents is as it was that "
        "day; by default the submission date for application and score sheet, and for the "
        "others a blank line to fill in by hand and the day they are made."
    ),
    "help.report.allow_dirty": (
        "Make the submission even when the data folder has uncommitted changes (every "
        "document then says so); refused by default."
    ),
    "report.dirty": (
        "The data folder has uncommitted changes, so no official package was made (a "
        "submission must be one that can be made again from a commit and checked):{paths}\n"
        "Commit them first (git commit), or give --allow-dirty (every document then says "
        "'with uncommitted changes')."
    ),
    "report.no_assessments": "The data holds no assessment of any year; nothing to render.",
    "report.no_self_assessment": (
        "{community} has no self-evaluation for {year}, so there is no document for that year. "
        "Years with a self-evaluation: {years}."
    ),
    "report.before_self_evaluation": (
        "{community}'s self-evaluation for {year} is dated {evaluated}: there is no document "
        "of {date}, before it existed. Give --date {evaluated} or later."
    ),
    "report.no_applicants": "No community has a self-evaluation for {year}. Years with data: {years}.",
    "report.no_year": "No community has an assessment for {year}. Years with data: {years}.",
    "report.nothing_submitted": (
        "No community has submitted for {year} yet (no submitted date for that year in the "
        "community files); {drafts} communities have a draft self-evaluation only. Fill in the "
        "submission dates first, or render drafts with gc report application --all."
    ),
    "report.need_community": (
        "Name a community (id or name), or use --all for every applying community. "
        "For example: gc report {kind} songxin"
    ),
    "report.no_communities_for_kind": "{kind} covers the whole town and takes no community.",
    "report.need_output": "Several documents, or a file in {formats}, need --output DIR.",
    "report.pdf_unavailable": (
        "Cannot make a PDF: WeasyPrint is missing or cannot start ({detail}). Run make install, "
        "or pip install 'greencommunity[pdf]'; or use --format html and print from a browser."
    ),
    "report.template_error": "Template {name}, line {line}: {detail}",
    "report.template_unsafe": "A template attempted an operation that is not allowed: {detail}",
    "report.written": "Wrote {files} to {path}:",
    "report.drafts": "Not submitted this year, so not part of the submission: {names}.",
    "report.drafts_bundled": (
        "Not submitted this year, so left out of the submission and its combined file: {names}."
    ),
    "report.no_chinese_font": (
        "Cannot make a PDF: this machine has no Chinese font, every Chinese character would "
        "be an empty box. Install one first:\n"
        "  Debian/Ubuntu: sudo apt install fonts-noto-cjk\n"
        "  Windows: the style sheet uses SimSun and Microsoft YaHei (built in), and SimHei and "
        'KaiTi: add "Chinese (Simplified) Supplemental Fonts" under Settings › System › '
        "Optional features\n"
        "  macOS: the style sheet uses Songti SC and PingFang SC (built in); Kaiti SC can be "
        "downloaded in Font Book\n"
        "On Linux and macOS, fc-list :lang=zh-cn checks. Or use --format html and print from "
        "a browser."
    ),
    "report.template_failed": "A template failed: {detail}",
    "report.format_not_for_kind": "{kind} has no {format} format. Available: {formats}.",
    # ------------------------------- sentences of the documents and their workbooks
    "document.notice.illustrative_all": (
        "Note: the community data of this document are illustrative (profiles, plans and "
        "scores), not real results."
    ),
    "document.notice.illustrative_some": (
        "Note: the data of {names} are illustrative (profiles, plans and scores), not real results."
    ),
    "document.notice.draft": (
        "Draft: this community's {year} documents have not been submitted to {issuer}."
    ),
    "document.labelled": "{label}: {text}",
    "document.label.no": "No.",
    "document.label.community": "Community",
    "document.label.batch": "Batch",
    "document.label.submitted": "Submitted",
    "document.label.evidence": "Evidence",
    "document.label.self_total": "Self score",
    "document.label.verdict": "Self verdict",
    "document.label.status": "Status",
    "document.label.blockers": "Why it does not pass",
    "document.not_submitted": "not submitted",
    "document.batch": "{year}",
    "document.share": "{share} of the points",
    "document.share_required": " (at least {share} required)",
    "document.share_short": " (at least {share} required, {short})",
    "document.not_reached": "not reached",
    "document.verdict": "{score} of {points} points, {verdict}.",
    "document.level": "{verdict} ({level})",
    "document.stage": "{verdict} ({date})",
    "document.stage_scored": "{score} points, {verdict} ({date})",
    "document.summary_total": "{count} submitted, {passed} pass by their own scores (pass mark {points})",
    "document.pending": Plural(
        one="{count} more community is creating this year but has not submitted:",
        other="{count} more communities are creating this year but have not submitted:",
    ),
    "document.sign.unit": "Evaluated by (seal)",
    "document.sign.filler": "Filled in by (signature)",
    "document.sign.head": "Head of the community (signature)",
    "document.sign.date": "Date",
    "document.blank_line": "________",
    "document.blank_date": "____-__-__",
    "document.rectify.count": Plural(
        one="{count} item to rectify", other="{count} items to rectify"
    ),
    "document.rectify.col.item": "Item",
    "document.rectify.col.comment": "Asked",
    "document.rectify.col.due": "Due",
    "document.rectify.col.state": "Answer",
    "document.rectify.answered": "answered {date}: {note}",
    "document.rectify.files": "evidence: {files}",
    "document.rectify.open": "not answered",
    "document.rectify.overdue": Plural(
        one="not answered, {count} day overdue", other="not answered, {count} days overdue"
    ),
    "document.evidence": "{asked}. {attached}.",
    "document.evidence.asked": "To attach: {asked}",
    "document.evidence.attached": "Attached: {files}",
    "document.evidence.none": "none",
    "document.counted": "{cap}; counts {counted} points",
    "document.min_points": "at least {points} points required",
    "document.min_points_short": "at least {points} points required, not reached",
    "document.title.application": "{community}: application report",
    "document.title.scoresheet": "{community}: self-evaluation score sheet",
    "document.title.summary": "{town}: summary of the {year} applications",
    "document.title.progress": "{town}: green-community progress report",
    "document.title.submission": "{town}: the {year} submission",
    "document.title.evaluation": "{community}: annual evaluation of {year}",
    "document.draft": "draft, not submitted",
    "document.bundle_entry": "Combined file: the {count} documents above in one, printable as one",
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
