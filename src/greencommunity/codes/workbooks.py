"""GC4xx: reading a score sheet back from a workbook (``sheets/``); the place
of each is a cell (``Diagnostic.sheet``)."""

from __future__ import annotations

from greencommunity.codes import declare
from greencommunity.diagnostics import Severity

WORKBOOK_UNREADABLE = declare(
    "GC401",
    Severity.ERROR,
    """工作簿无法读取
    文件不存在、不是 .xlsx 工作簿（如 .xls、.et、.csv 或改了扩展名的文件），或已损坏。
    在 Excel 或 WPS 中打开，另存为“Excel 工作簿（*.xlsx）”后再导入。
    --
    The workbook cannot be read
    The file is missing, not an .xlsx workbook (an .xls, .et or .csv file, or a
    renamed one), or damaged. Open it in Excel or WPS, save it as an "Excel
    Workbook (*.xlsx)" and import that.
    """,
)
WORKBOOK_MACROS = declare(
    "GC402",
    Severity.ERROR,
    """工作簿含宏或嵌入的程序
    工作簿含 VBA 宏（.xlsm、vbaProject.bin）、Excel 4.0 宏表、ActiveX 控件或嵌入对象。
    评分表只需要数字和文字，为安全起见一律拒绝。另存为不含宏的 .xlsx 工作簿后再导入。
    --
    The workbook holds macros or embedded programs
    The workbook holds VBA macros (.xlsm, vbaProject.bin), Excel 4.0 macro sheets,
    ActiveX controls or embedded objects. A score sheet needs numbers and text only,
    so these are refused. Save it as a macro-free .xlsx workbook and import that.
    """,
)
WORKBOOK_LINKS = declare(
    "GC403",
    Severity.ERROR,
    """工作簿链接到其他文件或数据源
    工作簿含外部链接（引用其他工作簿的公式）或数据连接。导入的得分必须就在这个文件里，
    不能随别的文件变化。在 Excel 中“数据 › 编辑链接 › 断开链接”，删除数据连接后再导入。
    --
    The workbook links to other files or data sources
    The workbook holds external links (formulas reading other workbooks) or data
    connections. Imported scores must be in the file itself and not change with
    another file. Break the links (Data › Edit Links › Break Link), remove the
    connections and import again.
    """,
)
WORKBOOK_TOO_BIG = declare(
    "GC404",
    Severity.ERROR,
    """工作簿过大或压缩异常
    文件过大、内含文件过多，或解压后的大小与压缩比远超评分表的正常范围（“压缩炸弹”）。
    为防止耗尽内存，在打开之前就拒绝。用 gc sheet export 重新导出评分表再填写。
    --
    The workbook is too large or oddly compressed
    The file is too large, holds too many parts, or would unpack to far more than
    a score sheet ever does (a "zip bomb"). It is refused before it is opened, so
    that memory is never exhausted. Export a fresh sheet with gc sheet export.
    """,
)
WORKBOOK_NOT_A_SHEET = declare(
    "GC405",
    Severity.ERROR,
    """不是 gc 导出的评分表，或表格结构被改动
    工作簿中找不到 gc sheet export 写入的社区、年度和评分标准信息，或评分表的条目行被删除、
    重复、改了编号。只导入 gc sheet export 导出的工作簿，只在黄色单元格中填写。
    --
    Not a score sheet exported by gc, or its layout was changed
    The workbook lacks the community, year and criteria that gc sheet export
    stores, or an item's row was deleted, repeated or renumbered. Import only
    workbooks made by gc sheet export, and fill in only the yellow cells.
    """,
)
WORKBOOK_OTHER_CRITERIA = declare(
    "GC406",
    Severity.ERROR,
    """评分表按另一份评分标准导出
    工作簿导出时的 criteria.yaml 与现在的不同（条目、分值或达标规则变了），得分可能对不上条目。
    用 gc sheet export 按现在的评分标准重新导出，把得分抄过去后再导入。
    --
    The sheet was exported from other criteria
    The criteria.yaml the workbook was exported from differs from the current one
    (items, points or the pass rule changed), so its scores may not fit. Export a
    new sheet with gc sheet export, copy the scores over and import that.
    """,
)
WORKBOOK_UNKNOWN_COMMUNITY = declare(
    "GC407",
    Severity.ERROR,
    """评分表的社区不在数据目录中
    工作簿记录的社区编号在本数据目录的 communities/ 中找不到，或该社区文件有错误无法读取。
    检查 --data 是否指向正确的镇，先用 gc validate 改正社区文件。
    --
    The sheet's community is not in the data folder
    The community id stored in the workbook has no file in communities/ of this
    data folder, or that file has errors. Check that --data names the right town,
    and fix the community file first (gc validate).
    """,
)
WORKBOOK_FORMULA = declare(
    "GC408",
    Severity.ERROR,
    """填写的单元格是公式
    自评得分、说明或自评日期的单元格里是公式（以 = 开头）。导入只接受直接填写的数字和文字：
    公式的结果取决于其他单元格，而评分表记录的是评定的分数。改为直接填写结果。
    --
    A cell to fill in holds a formula
    A score, note or date cell holds a formula (starting with =). Only numbers and
    text typed in are imported: a formula's result depends on other cells, while
    the sheet records the score given. Type the result instead.
    """,
)
WORKBOOK_NOT_A_NUMBER = declare(
    "GC409",
    Severity.ERROR,
    """得分不是数字
    自评得分的单元格里是文字、日期、是/否或错误值（如 #N/A）。填写数字，如 4 或 4.5；
    不得分的条目填 0，尚未评分的留空。
    --
    A score is not a number
    A score cell holds text, a date, true/false or an error value (#N/A). Type a
    number such as 4 or 4.5; 0 where nothing was earned, nothing where the item is
    not yet scored.
    """,
)
WORKBOOK_OUT_OF_RANGE = declare(
    "GC410",
    Severity.ERROR,
    """得分超出本条分值
    自评得分小于 0 或大于该条目的分值（“分值”一列）。按评分标准改正得分。
    --
    A score is outside the item's points
    A score is below 0 or above the item's points (the "points" column). Correct
    the score.
    """,
)
WORKBOOK_OFF_STEP = declare(
    "GC411",
    Severity.ERROR,
    """得分不是评分步长的整数倍
    自评得分必须是该年评分表中评分步长 score_step 的整数倍（缺省 0.5 分），与 GC322 相同。
    改为相邻的整数倍。
    --
    A score is not a multiple of the score step
    A score must be a whole multiple of score_step in the year's score sheet
    (0.5 by default), as for GC322. Change it to a neighbouring multiple.
    """,
)
WORKBOOK_BAD_DATE = declare(
    "GC412",
    Severity.ERROR,
    """自评日期缺失或不对
    自评日期必须是日期（在 Excel 或 WPS 中输入 2022-10-20），不能是文字或数字；
    社区文件中还没有该年度的自测评分时，自评日期必须填写。
    --
    The self-evaluation date is missing or wrong
    The self-evaluation date must be a date (type 2022-10-20 in Excel or WPS), not
    text or a number; it must be filled in when the community file has no
    self-evaluation for the year yet.
    """,
)
WORKBOOK_REPEATED = declare(
    "GC413",
    Severity.ERROR,
    """同一社区同一年度的评分表导入了两次
    一次导入中有两个工作簿属于同一社区的同一年度，不知道该以哪个为准。只导入其中一个。
    --
    Two sheets for the same community and year
    Two workbooks of one import are for the same community and year, so it is not
    clear which one counts. Import only one of them.
    """,
)
