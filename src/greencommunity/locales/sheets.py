"""Texts of score sheets in Excel and WPS: gc sheet export and import, and the
xlsx documents of gc report.

What is written into a workbook (``sheets.sheet_name`` … ``sheets.doc.*``) is
always rendered in the document language, Chinese; the messages of the
command follow the interface language.
"""

from greencommunity.locales import Plural

ZH: dict[str, str | Plural] = {
    # --------------------------------------------------------------- the command
    "help.sheet": (
        "Excel/WPS 自测评分表：export 为社区导出待填写的评分表（.xlsx），"
        "import 把填好的评分表读回社区文件。"
    ),
    "help.sheet.action": "export（导出）或 import（导入）。",
    "help.sheet.targets": (
        "export：社区编号或名称，如 jiayu 或 佳昱居委会；import：填好的工作簿，如 佳昱.xlsx。"
    ),
    "help.sheet.year": "export：评分年度；缺省为数据中最近的年度。",
    "help.sheet.all": "export：为该年度每个参与创建的社区各导出一份（--output 为目录）。",
    "help.sheet.output": "export：写入此文件（.xlsx），用 --all 时为目录。",
    "help.sheet.dry_run": "import：只显示会修改什么，不写入任何文件。",
    "sheets.need_community": (
        "请指定社区（编号或名称），或用 --all 为 {year} 年每个参与创建的社区各导出一份。"
        "例如：gc sheet export jiayu --year {year} --output 佳昱.xlsx"
    ),
    "sheets.need_output_file": "请用 --output 指定要写入的文件，如 --output 佳昱.xlsx。",
    "sheets.need_output_dir": "用 --all 时请用 --output 指定要写入的目录，如 --output 评分表。",
    "sheets.not_xlsx_name": "{path} 不以 .xlsx 结尾：Excel 和 WPS 按扩展名识别文件，请改为 .xlsx。",
    "sheets.no_communities": "{year} 年没有参与创建的社区（社区文件中没有该年度，也没有创建中的社区）。",
    "sheets.no_years": "数据中没有任何年度的申报或考评记录，请用 --year 指定年度。",
    "sheets.need_files": "请指定要导入的工作簿，如 gc sheet import 佳昱.xlsx。",
    "sheets.option_for_export": "{option} 只用于 gc sheet export。",
    "sheets.option_for_import": "{option} 只用于 gc sheet import。",
    "sheets.unsafe_xml": (
        "openpyxl 没有使用 defusedxml 解析 XML（未安装，或设置了 OPENPYXL_DEFUSEDXML=False），"
        "为安全起见不打开工作簿。请用 make install 安装依赖并去掉该环境变量。"
    ),
    "sheets.exported": "已写入 {path}：{community} {year} 年自测评分表（{state}）。",
    "sheets.exported_all": Plural(other="已写入 {count} 份 {year} 年自测评分表到 {path}："),
    "sheets.exported_line": "  {file}：{community}（{state}）",
    "sheets.state.blank": "空白",
    "sheets.state.filled": Plural(other="已填 {count} 项"),
    "sheets.problem": "{place}：{severity} {code} {message}",
    "sheets.refused": Plural(other="发现 {count} 个问题，没有写入任何文件。"),
    "sheets.added_errors": Plural(
        other="导入后数据会有以上 {count} 个现在没有的错误，因此没有写入任何文件。"
    ),
    "sheets.changes": "{path}（{community} {year} 年自测评分，来自 {workbook}）：",
    "sheets.change.date": "  自评日期：{old} → {new}",
    "sheets.change.score": "  {item} 自评得分：{old} → {new}",
    "sheets.change.note": "  {item} 说明：{old} → {new}",
    "sheets.change.nothing": "（无）",
    "sheets.unchanged": "{workbook}：{community} {year} 年的自测评分与社区文件一致，无需修改。",
    "sheets.dry_run": "试运行：以上修改没有写入。去掉 --dry-run 即写入。",
    "sheets.imported": Plural(other="已写入 {count} 个社区文件。"),
    "sheets.nothing_to_write": "没有需要写入的修改。",
    # --------------------------------------------------- problems in a workbook
    "sheets.unreadable.missing": "文件不存在。",
    "sheets.unreadable.not_a_file": "这是一个目录，不是工作簿。",
    "sheets.unreadable.os": "无法读取：{detail}。",
    "sheets.unreadable.ole2": (
        "这是旧的 .xls（或 WPS 的 .et）格式，或设置了打开密码的工作簿。"
        "请去掉打开密码，另存为“Excel 工作簿（*.xlsx）”后再导入。"
    ),
    "sheets.unreadable.not_xlsx": "不是 .xlsx 工作簿。请在 Excel 或 WPS 中另存为“Excel 工作簿（*.xlsx）”。",
    "sheets.unreadable.unsafe_xml": "工作簿的 XML 含 DTD 或实体声明，出于安全原因拒绝读取。",
    "sheets.unreadable.damaged": "工作簿已损坏，无法读取。请在 Excel 或 WPS 中打开后另存为 .xlsx 再导入。",
    "sheets.too_big.file": "文件有 {size} 字节，超过评分表的上限 {limit} 字节。",
    "sheets.too_big.parts": "工作簿内含 {count} 个文件，超过上限 {limit} 个。",
    "sheets.too_big.unpacked": "工作簿解压后有 {size} 字节，超过上限 {limit} 字节。",
    "sheets.too_big.ratio": "工作簿中的 {part} 压缩比为 {ratio}:1，超过上限 {limit}:1（疑为压缩炸弹）。",
    "sheets.macros.suffix": "{suffix} 是启用宏的工作簿。请另存为不含宏的 .xlsx 工作簿。",
    "sheets.macros.part": "工作簿含宏或嵌入的程序（{part}）。请另存为不含宏的 .xlsx 工作簿。",
    "sheets.links.part": "工作簿含外部链接或数据连接（{part}）。请断开链接、删除数据连接后再导入。",
    "sheets.not_ours.no_meta": "工作簿中没有 gc 导出时写入的信息（社区、年度、评分标准）。请用 gc sheet export 导出的评分表填写。",
    "sheets.not_ours.format": "工作簿是其他版本的 gc 导出的评分表，或其中的 gc 信息被改动。请用 gc sheet export 重新导出。",
    "sheets.not_ours.meta": "工作簿中 gc 写入的社区或年度信息不完整或被改动。请用 gc sheet export 重新导出。",
    "sheets.not_ours.sheet": "工作簿中找不到评分表所在的工作表（可能被改名或删除）。请用 gc sheet export 重新导出。",
    "sheets.not_ours.repeated": "条目 {item} 出现了两次（第一次在第 {first} 行）。请删除重复的行。",
    "sheets.not_ours.missing": "找不到条目 {items} 的行（被删除或改了编号）。请用 gc sheet export 重新导出。",
    "sheets.other_criteria": (
        "评分表按另一份评分标准导出（导出时 {made}，现在 {current}）。"
        "请用 gc sheet export 按现在的评分标准重新导出。"
    ),
    "sheets.formula": "这里应直接填写，不能是公式：{formula}。请改为填写结果。",
    "sheets.not_a_number.text": "得分“{value}”不是数字。请填写数字，如 4 或 4.5。",
    "sheets.not_a_number.error": "得分是错误值 {value}。请填写数字，如 4 或 4.5。",
    "sheets.not_a_number.flag": "得分是“是/否”（TRUE/FALSE），不是数字。请填写数字，如 4 或 4.5。",
    "sheets.not_a_number.date": "得分是日期或时间，不是数字。请把单元格格式改为“常规”后填写数字。",
    "sheets.out_of_range": "得分 {score} 不在 0 至本条分值 {points} 分之间。",
    "sheets.off_step": "得分 {score} 不是评分步长 {step} 分的整数倍，应为 {below} 或 {above}。",
    "sheets.bad_date": "自评日期“{value}”不是日期。请输入日期，如 2022-10-20。",
    "sheets.date_needed": "社区文件中还没有 {year} 年的自测评分，请填写自评日期。",
    "sheets.unknown_community": (
        "评分表属于社区 {community}，本数据目录的 communities/ 中没有这个社区（或其文件有错误）。"
        "请检查 --data，或先用 gc validate 改正社区文件。"
    ),
    "sheets.repeated": "{other} 也是该社区 {year} 年的评分表。一次只导入其中一个。",
    # ------------------------------------------- written into the workbooks (zh)
    "sheets.sheet_name": "自测评分表",
    "sheets.file_name": "{year}-{id}-自测评分表.xlsx",
    "sheets.subtitle": "（{criteria}，{year}年度）",
    "sheets.community": "申报社区：{name}",
    "sheets.date_label": "自评日期",
    "sheets.date_hint": "如 2022-10-20",
    "sheets.instructions": (
        "填写说明：只在黄色单元格中填写。自评得分填 0 至本条分值之间、{step} 分的整数倍"
        "（如 4 或 4.5），不得分的填 0，尚未评分的留空；说明可写得分依据。"
        "小计与合计自动计算。填好后交回，由 gc sheet import 导入。"
    ),
    "sheets.col.id": "编号",
    "sheets.col.title": "评分内容",
    "sheets.col.points": "分值",
    "sheets.col.evidence": "需提供的佐证材料",
    "sheets.col.score": "自评得分",
    "sheets.col.note": "说明",
    "sheets.subtotal": "小计",
    "sheets.total": "合计",
    "sheets.evidence_separator": "、",
    "sheets.pass_rule": "达标规则：{clauses}。",
    "sheets.validation.score_title": "自评得分",
    "sheets.validation.score_error": "本条得分应在 0 至 {points} 分之间，且是 {step} 分的整数倍。",
    "sheets.validation.score_prompt": "0 至 {points} 分，按 {step} 分的整数倍填写；尚未评分的留空。",
    "sheets.validation.date_title": "自评日期",
    "sheets.validation.date_error": "请输入日期，如 2022-10-20。",
    "sheets.doc.town": "（{town}，{district}）",
    "sheets.doc.files_separator": "；",
    "sheets.doc.blocker": "{no}. {text}。",
    "sheets.doc.summary_sheet": "申报汇总表",
    "sheets.doc.col.category": "{no}、{title}（{points} 分）",
}

EN: dict[str, str | Plural] = {
    # --------------------------------------------------------------- the command
    "help.sheet": (
        "Score sheets in Excel/WPS: export a sheet (.xlsx) for a community to fill in; "
        "import filled sheets back into the community files."
    ),
    "help.sheet.action": "export or import.",
    "help.sheet.targets": (
        "export: community ids or names, e.g. jiayu; import: filled workbooks, e.g. jiayu.xlsx."
    ),
    "help.sheet.year": "export: the year of the sheet; by default the latest year in the data.",
    "help.sheet.all": "export: one sheet for each community taking part that year (--output is a folder).",
    "help.sheet.output": "export: the file to write (.xlsx); with --all, a folder.",
    "help.sheet.dry_run": "import: show what would change and write nothing.",
    "sheets.need_community": (
        "Name a community (id or name), or use --all for every community taking part in {year}. "
        "For example: gc sheet export jiayu --year {year} --output jiayu.xlsx"
    ),
    "sheets.need_output_file": "Give the file to write with --output, e.g. --output jiayu.xlsx.",
    "sheets.need_output_dir": "With --all, give the folder to write into with --output, e.g. --output sheets.",
    "sheets.not_xlsx_name": "{path} does not end in .xlsx: Excel and WPS recognise files by their extension; use .xlsx.",
    "sheets.no_communities": "No community takes part in {year} (no community file has that year, and none is creating).",
    "sheets.no_years": "The data holds no application or review for any year; give the year with --year.",
    "sheets.need_files": "Name the workbooks to import, e.g. gc sheet import jiayu.xlsx.",
    "sheets.option_for_export": "{option} is for gc sheet export only.",
    "sheets.option_for_import": "{option} is for gc sheet import only.",
    "sheets.unsafe_xml": (
        "openpyxl does not parse XML through defusedxml (not installed, or OPENPYXL_DEFUSEDXML=False "
        "is set), so no workbook is opened. Install the dependencies (make install) and unset that variable."
    ),
    "sheets.exported": "Wrote {path}: the {year} self-evaluation sheet of {community} ({state}).",
    "sheets.exported_all": Plural(
        one="Wrote {count} self-evaluation sheet for {year} into {path}:",
        other="Wrote {count} self-evaluation sheets for {year} into {path}:",
    ),
    "sheets.exported_line": "  {file}: {community} ({state})",
    "sheets.state.blank": "blank",
    "sheets.state.filled": Plural(one="{count} item filled", other="{count} items filled"),
    "sheets.problem": "{place}: {severity} {code} {message}",
    "sheets.refused": Plural(
        one="Found {count} problem; no file was written.",
        other="Found {count} problems; no file was written.",
    ),
    "sheets.added_errors": Plural(
        one="After the import the data would have the {count} error above, which it does not have now, so no file was written.",
        other="After the import the data would have the {count} errors above, which it does not have now, so no file was written.",
    ),
    "sheets.changes": "{path} ({community}, self-evaluation {year}, from {workbook}):",
    "sheets.change.date": "  date of the self-evaluation: {old} → {new}",
    "sheets.change.score": "  {item} score: {old} → {new}",
    "sheets.change.note": "  {item} note: {old} → {new}",
    "sheets.change.nothing": "(none)",
    "sheets.unchanged": "{workbook}: the {year} self-evaluation of {community} agrees with its file; nothing to change.",
    "sheets.dry_run": "Dry run: nothing above was written. Run without --dry-run to write it.",
    "sheets.imported": Plural(
        one="Wrote {count} community file.", other="Wrote {count} community files."
    ),
    "sheets.nothing_to_write": "Nothing to write.",
    # --------------------------------------------------- problems in a workbook
    "sheets.unreadable.missing": "No such file.",
    "sheets.unreadable.not_a_file": "This is a folder, not a workbook.",
    "sheets.unreadable.os": "Cannot read it: {detail}.",
    "sheets.unreadable.ole2": (
        "This is the old .xls format (or WPS's .et), or a workbook with a password to open. "
        'Remove the password and save it as an "Excel Workbook (*.xlsx)".'
    ),
    "sheets.unreadable.not_xlsx": 'Not an .xlsx workbook. Save it from Excel or WPS as an "Excel Workbook (*.xlsx)".',
    "sheets.unreadable.unsafe_xml": "The workbook's XML declares a DTD or entities; it is refused for safety.",
    "sheets.unreadable.damaged": "The workbook is damaged. Open it in Excel or WPS, save it as .xlsx and import that.",
    "sheets.too_big.file": "The file has {size} bytes, more than the {limit} bytes a score sheet may have.",
    "sheets.too_big.parts": "The workbook holds {count} parts, more than {limit}.",
    "sheets.too_big.unpacked": "The workbook unpacks to {size} bytes, more than {limit}.",
    "sheets.too_big.ratio": "The part {part} is compressed {ratio}:1, more than {limit}:1 (a zip bomb?).",
    "sheets.macros.suffix": "{suffix} is a macro-enabled workbook. Save it as a macro-free .xlsx workbook.",
    "sheets.macros.part": "The workbook holds macros or an embedded program ({part}). Save it as a macro-free .xlsx workbook.",
    "sheets.links.part": "The workbook holds external links or data connections ({part}). Break the links and remove the connections.",
    "sheets.not_ours.no_meta": "The workbook lacks what gc sheet export stores (community, year, criteria). Fill in a sheet made by gc sheet export.",
    "sheets.not_ours.format": "The sheet was exported by another version of gc, or its gc details were changed. Export it again with gc sheet export.",
    "sheets.not_ours.meta": "The community or year gc stored in the workbook is incomplete or was changed. Export it again with gc sheet export.",
    "sheets.not_ours.sheet": "The worksheet holding the score sheet is missing (renamed or deleted?). Export it again with gc sheet export.",
    "sheets.not_ours.repeated": "Item {item} appears twice (first in row {first}). Delete the repeated row.",
    "sheets.not_ours.missing": "No row for item {items} (deleted or renumbered). Export it again with gc sheet export.",
    "sheets.other_criteria": (
        "The sheet was exported from other criteria (then {made}, now {current}). "
        "Export it again with gc sheet export from the current criteria."
    ),
    "sheets.formula": "Type a value here, not a formula: {formula}. Type its result instead.",
    "sheets.not_a_number.text": 'The score "{value}" is not a number. Type a number such as 4 or 4.5.',
    "sheets.not_a_number.error": "The score is the error value {value}. Type a number such as 4 or 4.5.",
    "sheets.not_a_number.flag": "The score is TRUE/FALSE, not a number. Type a number such as 4 or 4.5.",
    "sheets.not_a_number.date": 'The score is a date or a time, not a number. Set the cell\'s format to "General" and type a number.',
    "sheets.out_of_range": "The score {score} is not between 0 and the item's {points} points.",
    "sheets.off_step": "The score {score} is not a multiple of the score step {step}: make it {below} or {above}.",
    "sheets.bad_date": 'The date "{value}" is not a date. Type a date such as 2022-10-20.',
    "sheets.date_needed": "The community file has no self-evaluation for {year} yet: fill in its date.",
    "sheets.unknown_community": (
        "The sheet is for the community {community}, which communities/ of this data folder does not have "
        "(or whose file has errors). Check --data, or fix the community file first (gc validate)."
    ),
    "sheets.repeated": "{other} is also this community's sheet for {year}. Import only one of them.",
    # ------------------------- written into the workbooks (always Chinese there)
    "sheets.sheet_name": "Self-evaluation",
    "sheets.file_name": "{year}-{id}-self-evaluation.xlsx",
    "sheets.subtitle": "({criteria}, {year})",
    "sheets.community": "Community: {name}",
    "sheets.date_label": "Date",
    "sheets.date_hint": "e.g. 2022-10-20",
    "sheets.instructions": (
        "Fill in the yellow cells only. A score lies between 0 and the item's points and is a "
        "multiple of {step} (4 or 4.5); 0 where nothing was earned, blank where not yet scored; "
        "a note may say why. Subtotals and the total are computed. Return the sheet to be "
        "imported with gc sheet import."
    ),
    "sheets.col.id": "Item",
    "sheets.col.title": "Content",
    "sheets.col.points": "Points",
    "sheets.col.evidence": "Evidence required",
    "sheets.col.score": "Self score",
    "sheets.col.note": "Notes",
    "sheets.subtotal": "Subtotal",
    "sheets.total": "Total",
    "sheets.evidence_separator": ", ",
    "sheets.pass_rule": "Pass rule: {clauses}.",
    "sheets.validation.score_title": "Self score",
    "sheets.validation.score_error": "The score lies between 0 and {points} and is a multiple of {step}.",
    "sheets.validation.score_prompt": "0 to {points}, in multiples of {step}; blank if not yet scored.",
    "sheets.validation.date_title": "Date",
    "sheets.validation.date_error": "Type a date such as 2022-10-20.",
    "sheets.doc.town": " ({town}, {district})",
    "sheets.doc.files_separator": "; ",
    "sheets.doc.blocker": "{no}. {text}.",
    "sheets.doc.summary_sheet": "Summary",
    "sheets.doc.col.category": "{no}. {title} ({points} points)",
}
