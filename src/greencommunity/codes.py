"""The registry of diagnostic codes: each code's severity, title and documentation.

Every diagnostic the tool reports is made from a ``Code`` of this registry, so
``gc explain``, the SARIF rules and the tests all read one list:

- GC1xx, reading a file (encoding, YAML syntax, size, safety), and GC2xx, the
  file formats (pydantic's checks), are declared below;
- GC3xx are the cross-file rules in ``rules/``: ``@rule`` declares each code
  here, with the rule's docstring as its documentation;
- GC4xx, reading a score sheet back from a workbook (``sheets/``), are declared
  below; their place is a cell (``Diagnostic.sheet``);
- GC5xx, who changed what in git (``gc audit``): GC501–GC505 a change the
  roles of town.yaml do not allow, GC510–GC513 why the history cannot be read.

The complete list is ``greencommunity.rules.registry()``: importing the rules
is what declares their codes, and this module stays below them.

A documentation text is Chinese, then a line holding only ``--``, then English;
in each language the first line is the title and the rest one paragraph.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass

from greencommunity.diagnostics import Diagnostic, Severity
from greencommunity.i18n import get_language


@dataclass(frozen=True)
class Code:
    id: str
    severity: Severity
    text: str  # bilingual documentation, see the module docstring

    def _part(self) -> tuple[str, str]:
        zh, _, en = inspect.cleandoc(self.text).partition("\n--\n")
        chosen = en if get_language() == "en" and en.strip() else zh
        title, _, body = chosen.strip().partition("\n")
        return title.strip(), _unwrap(body)

    @property
    def title(self) -> str:
        """One line saying what the code is about, in the interface language."""
        return self._part()[0]

    @property
    def doc(self) -> str:
        """What the problem is, why it matters and what to do, in one paragraph."""
        return self._part()[1]

    def at(self, path: str, line: int, column: int, message: str) -> Diagnostic:
        # A message whose optional hint is empty would end in a space.
        return Diagnostic(path, line, column, self.id, self.severity, message.strip())

    def in_workbook(
        self, path: str, message: str, sheet: str = "", row: int = 0, column: int = 0
    ) -> Diagnostic:
        """*code* in a workbook: at a cell of *sheet*, or (row 0) the sheet or
        the workbook as a whole."""
        return Diagnostic(path, row, column, self.id, self.severity, message.strip(), sheet)


def _unwrap(text: str) -> str:
    """Join wrapped lines into one paragraph: Chinese lines join with no space,
    other text with one."""
    out = ""
    for raw in text.strip().splitlines():
        line = raw.strip()
        if not line:
            continue
        if not out:
            out = line
        elif out[-1].isascii() or line[:1].isascii():
            out += " " + line
        else:
            out += line
    return out.replace("``", "")


_REGISTRY: dict[str, Code] = {}


def declare(code: str, severity: Severity, text: str) -> Code:
    """Add *code* to the registry; a code is declared once."""
    if code in _REGISTRY:
        raise RuntimeError(f"diagnostic code {code} declared twice")
    declared = Code(code, severity, text)
    _REGISTRY[code] = declared
    return declared


def declared() -> dict[str, Code]:
    """The codes declared so far, sorted.  The whole registry, the rules' codes
    included, is ``greencommunity.rules.registry()``."""
    return dict(sorted(_REGISTRY.items()))


# --------------------------------------------------------------------- reading files

ENCODING = declare(
    "GC101",
    Severity.ERROR,
    """文件不是 UTF-8 文本
    文件必须是 UTF-8 编码的文本。Windows 上的记事本、WPS、Excel 常把文件存成 GBK 或
    UTF-16，读出来会是乱码；含 NUL 或控制字符的文件也不是普通文本。用编辑器“另存为
    UTF-8”，或用 iconv -f GBK -t UTF-8 转换。
    --
    The file is not UTF-8 text
    Files must be UTF-8 text. Notepad, WPS and Excel on Windows often save GBK or
    UTF-16; a file holding NUL or control characters is not plain text either. Save
    it as UTF-8, or convert it with iconv -f GBK -t UTF-8.
    """,
)
SYNTAX = declare(
    "GC102",
    Severity.ERROR,
    """YAML 语法错误
    YAML 语法错误：缩进不齐、缺少冒号、引号未闭合、键写成了列表等。最常见的是中文输入法
    打出的字符：全角冒号“：”、全角空格（U+3000）缩进或夹在键旁、方括号列表里的中文逗号
    “，”或顿号“、”、中文引号“”‘’、中文括号【】，以及制表符（Tab）缩进。YAML 只认英文半角的
    冒号、空格、逗号、引号和括号；提示会指出是哪个字符、在哪一行哪一列、应改成什么。
    切换到英文输入法（或半角模式）后按提示修改。
    --
    YAML syntax error
    Uneven indentation, a missing colon, an unclosed quote, a key written as a list.
    Most often a character typed by a Chinese input method: the full-width colon ：,
    a full-width space (U+3000) as indentation or beside a key, the Chinese comma ，
    or 、 in a bracketed list, Chinese quotes “” ‘’, Chinese brackets 【】, or a tab
    for indentation. YAML only reads ASCII colons, spaces, commas, quotes and
    brackets; the message names the character, its line and column, and what to
    type instead. Switch the input method to English (or half-width) and fix it.
    """,
)
DUPLICATE_KEY = declare(
    "GC103",
    Severity.ERROR,
    """键重复
    同一映射中同一个键出现了两次，后一个会悄悄覆盖前一个。删除或合并重复的键。
    --
    Duplicate key
    A key appears twice in one mapping; the second would silently replace the
    first. Remove or merge the duplicate.
    """,
)
NOT_A_MAPPING = declare(
    "GC104",
    Severity.ERROR,
    """文件为空或结构不对
    文件为空、只有注释，或顶层不是“键: 值”映射（例如是一个列表）。按示例文件的结构填写。
    --
    Empty file or wrong structure
    The file is empty, only comments, or not a mapping at the top (a list, say).
    Follow the example files.
    """,
)
MULTI_DOCUMENT = declare(
    "GC105",
    Severity.ERROR,
    """一个文件里有多个文档
    一个文件里有多个用 --- 分隔的 YAML 文档。每个社区一个文件，请拆开。
    --
    Several documents in one file
    The file holds several YAML documents separated by ---. One community per file:
    split it.
    """,
)
ALIAS = declare(
    "GC106",
    Severity.ERROR,
    """不支持锚点、别名和合并键
    锚点、别名（& 和 *）和合并键（<<）不被支持：它们让同一内容出现在多处，恶意文件还能
    借此把几行文字展开成巨量数据。把内容直接写出来。
    --
    Anchors, aliases and merge keys are not supported
    Anchors, aliases (& and *) and merge keys (<<) put one content in many places,
    and a hostile file can expand a few lines into huge data. Write the content out.
    """,
)
TOO_BIG = declare(
    "GC107",
    Severity.ERROR,
    """文件过大或嵌套过深
    文件过大或嵌套过深，超出数据文件的合理范围，为防止耗尽内存而拒绝读取。检查是否误粘贴了内容。
    --
    File too large or nested too deep
    The file is too large or nested too deep for a data file; it is refused so that
    memory is never exhausted. Check for pasted content.
    """,
)
TAG = declare(
    "GC108",
    Severity.ERROR,
    """不支持的 YAML 标签
    使用了 ! 开头的 YAML 标签（如 !!python/object、!!binary、!!set）。为安全起见，数据文件中的
    标签一律不执行，只允许普通文本、数字、列表和映射。删除该标签。
    --
    Unsupported YAML tag
    A YAML tag starting with ! (such as !!python/object, !!binary, !!set). Tags are
    never executed in data files; only plain text, numbers, lists and mappings are
    allowed. Remove the tag.
    """,
)
UNREADABLE = declare(
    "GC109",
    Severity.ERROR,
    """文件无法读取
    文件无法读取：不存在（如缺少 criteria.yaml）、是目录、没有权限，或是指向数据目录以外的
    符号链接。把文件本身放进数据目录。
    --
    File cannot be read
    The file is missing (criteria.yaml, say), a folder, not readable, or a symbolic
    link leading outside the data folder. Put the file itself into the data folder.
    """,
)
NOT_A_DATA_FILE = declare(
    "GC110",
    Severity.WARNING,
    """不是数据文件
    命令行给出的文件不是数据目录中的数据文件（town.yaml、criteria.yaml 和
    communities/<社区编号>.yaml），因此没有检查。
    --
    Not a data file
    A file given on the command line is not a data file of the data folder
    (town.yaml, criteria.yaml, communities/<id>.yaml), so it was not checked.
    """,
)
CRITERIA_NAME = declare(
    "GC111",
    Severity.ERROR,
    """评分表文件名不是年份
    criteria/ 文件夹中的每个评分表以它开始施行的年份命名，如 criteria/2022.yaml（从 2022 年起
    施行，直到下一个年份的文件）；一个年份只能有一个文件。名为其他的文件不会被读取，任何年度都
    不按它评分。把文件改名为开始施行的年份，或移出 criteria/ 文件夹。
    --
    Criteria file not named for a year
    Each score sheet in the criteria/ folder is named for the year it comes into
    force, e.g. criteria/2022.yaml (from 2022 until the next year's file); one
    file per year. A file named otherwise is not read, and no year is scored by
    it. Rename it to its first year, or move it out of criteria/.
    """,
)

# ---------------------------------------------------------------------- file formats

UNKNOWN_KEY = declare(
    "GC201",
    Severity.ERROR,
    """未知的键
    文件中有格式不认识的键，通常是拼写错误。为防止拼错的键被悄悄忽略，未知键一律报错；
    提示中会给出最接近的正确写法。
    --
    Unknown key
    A key the format does not know, usually a typo. Unknown keys are errors so that
    a misspelt key is never silently ignored; the message suggests the closest key.
    """,
)
MISSING_KEY = declare(
    "GC202",
    Severity.ERROR,
    """缺少必填的键
    缺少必填的键，例如社区文件没有 name 或 batch。位置指向缺少该键的那一层映射；按提示补上。
    --
    Required key missing
    A required key is missing, e.g. a community file without name or batch. The
    position is the mapping that lacks it; add it there.
    """,
)
WRONG_VALUE = declare(
    "GC203",
    Severity.ERROR,
    """值的类型或范围不对
    值的类型或范围不对：例如应为数字却写了文字、分值为负、列表写成了单个值、选项不在可选范围内。
    --
    Value of the wrong type or range
    Text where a number belongs, negative points, a single value where a list
    belongs, a choice that is not one of the allowed ones.
    """,
)
BAD_DATE = declare(
    "GC204",
    Severity.ERROR,
    """日期格式不对或日期不存在
    日期必须写成 YYYY-MM-DD（如 2021-10-30），并且是真实存在的日期；2021/10/30、
    2021年10月30日、2021-02-30 都会报错。日历日写成 MM-DD。
    --
    Date in the wrong form or impossible
    Dates are written YYYY-MM-DD (2021-10-30) and must exist; 2021/10/30 and
    2021-02-30 are errors. Calendar days are MM-DD.
    """,
)
BAD_SHARE = declare(
    "GC205",
    Severity.ERROR,
    """比例写法不对
    比例写成 0 到 1 之间的小数（0.45）或带百分号的文本（"45%"）。写成 45 会被当作 4500%，
    所以报错。
    --
    Share written wrongly
    Shares are a fraction between 0 and 1 (0.45) or a percentage in quotes ("45%").
    45 would mean 4500%, so it is an error.
    """,
)
BAD_ID = declare(
    "GC206",
    Severity.ERROR,
    """编号格式不对
    条目编号要加引号写成 "2.3"（不加引号 YAML 会读成数字，1.10 变成 1.1）；社区编号只能用
    小写字母、数字和连字符，以字母开头。
    --
    Id of the wrong form
    Item ids are quoted, "2.3" (unquoted, YAML reads a number and 1.10 becomes 1.1);
    community ids use lower-case letters, digits and hyphens, starting with a letter.
    """,
)
SLIP = declare(
    "GC207",
    Severity.WARNING,
    """文字里可能有中文输入法的误输入
    文件可以读取，但某个值很可能不是想写的样子：整个值被中文引号“”或‘’包住（引号会原样出现
    在申报材料里），或方括号列表里的一项含有中文逗号“，”或顿号“、”（YAML 把它读成一项而不是
    两项）。删掉中文引号、改用英文逗号；如果确实要这样写，用英文引号把整个值括起来，提醒就会消失。
    --
    Text that may hold a Chinese input slip
    The file loads, but a value is probably not what was meant: the whole value is
    in Chinese quotes “” or ‘’ (which then appear in the documents), or an entry of
    a bracketed list holds the Chinese comma ， or 、 (so YAML reads one entry, not
    two). Remove the quotes or type an ASCII comma; if it is meant, put the whole
    value in ASCII quotes and the warning goes away.
    """,
)

BAD_KEY = declare(
    "GC208",
    Severity.ERROR,
    """签名公钥格式不对
    town.yaml 的 roles 中，keys 的每一项必须是 git 能用的公钥：SSH 公钥一整行（类型、
    base64、可选的备注，如 ssh-keygen 生成的 ~/.ssh/id_ed25519.pub 的内容，不是没有 .pub
    的私钥），或完整的 OpenPGP 公钥块（从 -----BEGIN PGP PUBLIC KEY BLOCK----- 到 END
    那一行，用 | 写成多行文字）。复制时断行、漏字或多了空格都会使公钥无效。
    --
    Signing key of the wrong form
    Each entry of a person's keys in town.yaml's roles must be a public key git
    can use: an SSH public key line (type, base64, optional comment: the content
    of ~/.ssh/id_ed25519.pub as ssh-keygen writes it, never the private key
    without .pub), or a whole OpenPGP public key block (from -----BEGIN PGP
    PUBLIC KEY BLOCK----- to its END line, written as a | block). A key broken
    across lines, cut short or padded with spaces is not valid.
    """,
)

# ------------------------------------------------------- score sheets from workbooks

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


# --------------------------------------------------------------- who changed what (git)

ROLE_NOT_ALLOWED = declare(
    "GC501",
    Severity.ERROR,
    """角色无权修改
    提交修改了其人角色不能修改的内容。town（镇）可改计划、自评、报送、社区概况、整改答复和
    town.yaml；district（区）可改区级考评（结论、评分、整改要求）和 roles；city（市）可改市级
    抽样考评。签了名的提交算签名人的，否则算提交邮箱对应的人；依据是该提交之前的 roles。
    撤销这次修改（git revert），由有权的人重新提交。
    --
    A change the person's role does not cover
    A commit changed what its person's role may not change. town may change plans,
    self-evaluations, submissions, community profiles, rectification answers and
    town.yaml; district the district reviews (verdicts, scores, rectification
    requests) and roles; city the city sample reviews. A signed commit is its
    verified signer's, else the person whose e-mail it gives, by the roles in
    force before it. Revert it (git revert) and let the right person commit it.
    """,
)
COMMUNITY_NOT_ALLOWED = declare(
    "GC502",
    Severity.ERROR,
    """无权修改该社区
    roles 中为此人列出了可修改的社区（communities），提交却修改了其他社区的文件。撤销这次
    修改，或由区级人员在 roles 中为其加上该社区。
    --
    A community the person may not edit
    The person's entry in roles lists the communities they may edit, and the commit
    changed another community's file. Revert the change, or have a district person
    add the community to their entry.
    """,
)
NOT_IN_ROLES = declare(
    "GC503",
    Severity.ERROR,
    """提交人不在 roles 中
    town.yaml 有 roles 以后，每个修改数据的提交都要能对应到 roles 中的人：签名的公钥或提交的
    邮箱（git config user.email）须在其中。邮箱写错或换了电脑常会这样。用 roles 中登记的邮箱
    重新提交（git commit --amend --reset-author），或请区级人员把此人加入 roles。
    --
    The committer is not in roles
    Once town.yaml has roles, every commit that changes the data must be someone of
    roles: by the key that signed it or the e-mail it gives (git config
    user.email). A mistyped address or a new computer often causes it. Commit
    again with the registered address (git commit --amend --reset-author), or
    have a district person add them to roles.
    """,
)
UNSIGNED = declare(
    "GC504",
    Severity.ERROR,
    """考评修改没有有效签名
    使用 --require-signed 时，修改区级或市级考评（或 roles）的提交必须用 roles 中登记的公钥
    签名，且 git 能验证：未签名、用未登记的公钥签名都算不通过，因为提交的姓名和邮箱谁都可以
    随意填写。按 README“谁可以改考评结论”设置签名后重新提交（git commit --amend -S）。
    --
    A review change without a valid signature
    With --require-signed, a commit changing a district or city review (or roles)
    must be signed with a key registered in roles, and git must verify it: an
    unsigned commit, or one signed with an unregistered key, fails, because
    anyone can write any name and e-mail into a commit. Set up signing as the
    README says and commit again (git commit --amend -S).
    """,
)
BAD_SIGNATURE = declare(
    "GC505",
    Severity.ERROR,
    """签名与提交不符
    提交带有签名，但 git 验证失败：签名之后提交内容被改过，或签名已损坏。这样的提交不能算任何
    人的。找出原提交，重新签名提交。
    --
    The signature does not match the commit
    The commit carries a signature that git finds bad: the commit was altered
    after it was signed, or the signature is damaged. It counts as nobody's. Find
    the original change and commit it again, signed.
    """,
)
NOT_IN_GIT = declare(
    "GC510",
    Severity.ERROR,
    """数据目录不在 git 中
    gc audit 只能从 git 历史中读出谁改了什么：数据目录必须在一个 git 仓库里，且装有 git。
    在数据仓库中运行，或用 --data 指向它。
    --
    The data folder is not in git
    gc audit reads who changed what from the git history: the data folder must be
    in a git repository, and git installed. Run it in the data repository, or
    point --data at it.
    """,
)
BAD_RANGE = declare(
    "GC511",
    Severity.ERROR,
    """版本范围不存在
    范围写成 起点..终点（如 main..HEAD，或提交编号），或只写一个版本（查看到它为止的全部
    历史）。两端都必须是仓库里存在的分支、标签或提交；用 git log --oneline 查看。
    --
    The revision range does not exist
    A range is written base..head (main..HEAD, or commit ids), or one revision
    (the whole history up to it). Both ends must be branches, tags or commits of
    the repository; git log --oneline lists them.
    """,
)
SHALLOW = declare(
    "GC512",
    Severity.ERROR,
    """浅克隆缺少需要的提交
    仓库是浅克隆（git clone --depth 或 CI 的默认检出），要核对的范围的起点或其间的提交不在
    本地。取回完整历史：git fetch --unshallow；在 GitHub Actions 中给 actions/checkout 加
    fetch-depth: 0。
    --
    A shallow clone lacks the commits needed
    The repository is a shallow clone (git clone --depth, or CI's default
    checkout) and the range's base, or the commits between, are not here. Fetch
    the history: git fetch --unshallow; in GitHub Actions give actions/checkout
    fetch-depth: 0.
    """,
)
UNLOADABLE = declare(
    "GC513",
    Severity.ERROR,
    """某个提交中的数据文件无法读取
    范围内某个提交的社区文件或 town.yaml 无法读取（YAML 语法或格式错误），无法逐项比较。
    下面列出该文件在那个提交中的问题。从该提交之后开始核对（gc audit 该提交..HEAD）。
    --
    A data file of a commit does not load
    A community file or town.yaml of a commit in the range does not load (a YAML
    or format error), so its fields cannot be compared. Its problems in that
    commit are listed. Audit from after that commit (gc audit that-commit..HEAD).
    """,
)
