"""The registry of diagnostic codes: each code's severity, title and documentation.

Every diagnostic the tool reports is made from a ``Code`` of this registry, so
``gc explain``, the SARIF rules and the tests all read one list:

- GC1xx, reading a file (encoding, YAML syntax, size, safety), and GC2xx, the
  file formats (pydantic's checks), are declared below;
- GC3xx are the cross-file rules in ``rules/``: ``@rule`` declares each code
  here, with the rule's docstring as its documentation;
- GC4xx, reading a score sheet back from a workbook (``sheets/``), are declared
  in ``codes/workbooks.py``; their place is a cell (``Diagnostic.sheet``);
- GC5xx, who changed what in git (``gc audit``), in ``codes/history.py``:
  GC501–GC505 a change the roles of town.yaml do not allow, GC510–GC513 why
  the history cannot be read.

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


# The families declared in modules of their own, named here as before: every
# code is ``codes.X`` wherever it is raised.  Imported last: they declare with
# ``declare`` above.
from greencommunity.codes.history import (  # noqa: E402
    BAD_RANGE,
    BAD_SIGNATURE,
    COMMUNITY_NOT_ALLOWED,
    NOT_IN_GIT,
    NOT_IN_ROLES,
    ROLE_NOT_ALLOWED,
    SHALLOW,
    UNLOADABLE,
    UNSIGNED,
)
from greencommunity.codes.workbooks import (  # noqa: E402
    WORKBOOK_BAD_DATE,
    WORKBOOK_FORMULA,
    WORKBOOK_LINKS,
    WORKBOOK_MACROS,
    WORKBOOK_NOT_A_NUMBER,
    WORKBOOK_NOT_A_SHEET,
    WORKBOOK_OFF_STEP,
    WORKBOOK_OTHER_CRITERIA,
    WORKBOOK_OUT_OF_RANGE,
    WORKBOOK_REPEATED,
    WORKBOOK_TOO_BIG,
    WORKBOOK_UNKNOWN_COMMUNITY,
    WORKBOOK_UNREADABLE,
)

# Re-exported (the codes defined above are this module's own).
__all__ = [
    "BAD_RANGE",
    "BAD_SIGNATURE",
    "COMMUNITY_NOT_ALLOWED",
    "NOT_IN_GIT",
    "NOT_IN_ROLES",
    "ROLE_NOT_ALLOWED",
    "SHALLOW",
    "UNLOADABLE",
    "UNSIGNED",
    "WORKBOOK_BAD_DATE",
    "WORKBOOK_FORMULA",
    "WORKBOOK_LINKS",
    "WORKBOOK_MACROS",
    "WORKBOOK_NOT_A_NUMBER",
    "WORKBOOK_NOT_A_SHEET",
    "WORKBOOK_OFF_STEP",
    "WORKBOOK_OTHER_CRITERIA",
    "WORKBOOK_OUT_OF_RANGE",
    "WORKBOOK_REPEATED",
    "WORKBOOK_TOO_BIG",
    "WORKBOOK_UNKNOWN_COMMUNITY",
    "WORKBOOK_UNREADABLE",
]
