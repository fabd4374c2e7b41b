"""Texts about finding and reading files (codes GC1xx), criteria files by year too."""

from greencommunity.locales import Plural

ZH: dict[str, str | Plural] = {
    "data.not_found": (
        "在 {path} 及其上级目录中找不到数据目录（含 town.yaml 的目录或 data/ 目录）。"
        "请在数据仓库内运行，或用 --data 指定数据目录。"
    ),
    "data.not_found_at": "{path} 不是数据目录：其中和其 data/ 子目录中都没有 town.yaml。请检查 --data 的路径。",
    "data.criteria_missing": "缺少评分表 criteria.yaml。请把评分表放在数据目录中。",
    "data.unknown_file": (
        "这不是 {root} 中的数据文件，未检查。数据文件是 town.yaml、criteria.yaml 和 "
        "communities/<社区编号>.yaml。"
    ),
    "data.criteria_year_name": (
        "criteria/ 中的评分表 {name} 没有以年份命名，未读取。请改名为开始施行的年份，如 2022.yaml。"
    ),
    "data.criteria_year_twice": "{year} 年已有评分表 {first}，本文件未读取。一个年份只能有一个评分表。",
    "load.utf16": (
        "文件是 UTF-16 编码（Windows 记事本“Unicode”格式），无法读取。"
        "请另存为 UTF-8：记事本中“另存为”→ 编码选“UTF-8”；或运行 iconv -f UTF-16 -t UTF-8。"
    ),
    "load.gbk": (
        "文件不是 UTF-8 编码，看起来是 GBK（Windows 中文版工具常用的编码）。"
        "请转换为 UTF-8：记事本或 WPS 中“另存为”→ 编码选“UTF-8”；"
        "或运行 iconv -f GBK -t UTF-8 原文件 > 新文件。"
    ),
    "load.not_utf8": "文件不是 UTF-8 编码的文本（可能是二进制文件或损坏）。请用文本编辑器另存为 UTF-8。",
    "load.binary": "文件中含有 NUL 字符，不是文本文件。请确认文件未损坏，或用文本编辑器重新保存为 UTF-8。",
    "load.control": "文件中含有控制字符 {char}，不是普通文本（常见于从 Word 或网页复制的内容）。请删除该字符后重新保存。",
    "load.complex_key": "键必须是简单的文字或数字，不能是列表或映射（? 开头的复杂键）。请改写该键。",
    "load.empty": "文件是空的（或只有注释）。请写入内容，或删除该文件。",
    "load.not_mapping": "文件内容应是“键: 值”形式的映射，实际是 {kind}。请对照示例文件修改结构。",
    "load.syntax": "YAML 语法错误：{detail}。请检查该位置的缩进、冒号和引号。",
    "load.duplicate_key": "键 {key} 重复出现。同一映射中的每个键只能出现一次，请删除或合并重复的键。",
    "load.tag": (
        "不支持的 YAML 标签 {tag}。数据文件只能使用普通的文本、数字、列表和映射，"
        "不能使用 ! 开头的标签（出于安全考虑，不会执行任何标签）。"
    ),
    "load.multi_document": "文件中有多个 YAML 文档（--- 分隔）。每个文件只能有一个文档，请拆分成多个文件。",
    "load.alias": (
        "文件使用了锚点和别名（& 和 *）。数据文件不支持它们，以免展开后体量失控；"
        "请把要复用的内容直接写出来。"
    ),
    "load.merge": "文件使用了合并键（<<）。数据文件不支持它，请把要合并的键直接写出来。",
    "load.too_large": "文件太大（{size} 字节，上限 {limit} 字节）。数据文件不应这么大，请检查是否误粘贴了内容。",
    "load.too_deep": "嵌套层次太深（超过 {limit} 层）。数据文件只有几层嵌套，请检查文件结构。",
    "load.too_indented": "缩进太深（超过 {limit} 个空格）。数据文件只有几层嵌套，请检查文件结构。",
    "load.is_directory": "这是一个目录，不是文件。",
    "load.not_regular": "这不是普通文件（是命名管道、设备或套接字），不能读取。请换成普通的 YAML 文件。",
    "load.folder_unreadable": "无法列出目录中的文件：{detail}。请检查该目录的权限。",
    "load.unreadable": "无法读取文件：{detail}。",
    "load.no_such_file": "文件不存在",
    "load.symlink_outside": "这是指向数据目录以外的符号链接，出于安全考虑不读取。请把文件本身放进数据目录。",
    "yaml.missing_colon": "缺少冒号（键和值之间要写“: ”，冒号后有空格）",
    "yaml.unexpected_end": "文件意外结束（引号或括号没有闭合？）",
    "yaml.unexpected_colon": "此处出现了意外的冒号（值中含有冒号时，如时间 10:00，请给整个值加引号）",
    "yaml.missing_value": "此处缺少内容（括号、逗号或“- ”后面应当有值）",
    "yaml.tab": "不能用制表符（Tab）缩进，请改用空格",
    "yaml.mapping_not_allowed": "此处不能出现“键: 值”（缩进不对，或值中含有冒号时要加引号）",
    "yaml.indentation": "缩进不一致（同一层的键要对齐，列表项以“- ”开头）",
    "yaml.undefined_alias": "使用了锚点或别名（& 或 *）；如果是文字中的 * 或 &，请给整个值加引号",
    "yaml.escape": "双引号中的反斜杠 \\ 开始了一个未知的转义；Windows 路径请用单引号，或改用 /",
    "yaml.bad_character": "此处的字符不能作为值的开头（如 @、`、%），请给整个值加引号",
    "yaml.sequence_not_allowed": "此处不能开始“- ”列表项（检查上一行的缩进，或上一个键后是否漏了冒号）",
    "yaml.flow_unclosed": "方括号 [ ] 或花括号 {{ }} 中的内容没有正确结束（检查逗号和右括号是否齐全、是否误用了全角符号）",
    "yaml.trailing": "值的后面还有多余的内容（如引号外的文字，或值中的“ #”“: ”）；需要时给整个值加引号",
    "yaml.document_marker": "行首的 --- 或 ... 会开始或结束一个文档；如果是值的一部分，请给整个值加引号",
    "yaml.tag_syntax": "以 ! 开头的内容是 YAML 标签，数据文件不用标签；如果是值的一部分，请给整个值加引号",
    "yaml.directive": "行首的 % 开始了 YAML 指令，数据文件不用指令；如果是值的一部分，请给整个值加引号",
    "yaml.block_scalar": "“|”或“>”后的缩进数字只能是 1 到 9（通常不写）",
    "slip.colon": "这里的冒号 ： 是中文全角冒号，YAML 不认它，键和值就分不开了。请改成英文半角冒号加一个空格：{fixed}",
    "slip.space": "这里有一个中文全角空格（U+3000），YAML 不把它当作空格：用它缩进或写在键的前后，层次和键名都会读错。请改成半角空格（缩进用半角空格，每层两个）。",
    "slip.comma": "方括号列表中用了中文标点 {char}，YAML 只认英文逗号，前后两项会连成一项。请改成英文半角逗号：{fixed}",
    "slip.quote": "这里的 {char} 是中文引号，不是 YAML 的引号，会原样成为文字的一部分。请改用英文引号，或者删掉引号：{fixed}",
    "slip.bracket": "这里的 {char} 是中文括号，YAML 的列表和映射只认英文括号。请改成 {ascii}。",
    "slip.tab": "这一行用制表符（Tab）缩进，YAML 只能用空格缩进。请把 Tab 换成空格（每层两个半角空格）。",
    "slip.hint.quotes": "两端的中文引号会成为值的一部分，请删掉它们，写成 {fixed}。",
    "slip.hint.full_width": "其中有全角字符（中文输入法全角模式下打的数字、字母或符号），请改成半角：{fixed}。",
    "slip.hint.space": "其中有中文全角空格（U+3000），请删除或改成半角空格。",
    "slip.hint.comma": "其中的 {char} 是中文标点，不分隔列表的项；列表的项之间请用英文逗号“,”。",
    "slip.hint.bracket": "其中的 {chars} 是中文括号，列表请用英文方括号 [ ]。",
    "slip.warning.quotes": "{field} 的值两端是中文引号，它们会原样出现在报告中：{value}。如果只是想给值加引号，请删掉它们或改用英文引号；确实需要时，请用英文引号把整个值括起来（'“…”'）。",
    "slip.warning.comma": "方括号列表中的 {value} 含有中文逗号或顿号，YAML 把它读成一项。如果是两项，请改成英文逗号“,”；确实是一项时，请给它加英文引号。",
}

EN: dict[str, str | Plural] = {
    "data.not_found": (
        "No data folder (a folder holding town.yaml, or a data/ folder) in {path} or above. "
        "Run inside a data repository or pass --data."
    ),
    "data.not_found_at": "{path} is not a data folder: neither it nor its data/ holds town.yaml. "
    "Check the --data path.",
    "data.criteria_missing": "criteria.yaml (the score sheet) is missing. Put it in the data folder.",
    "data.unknown_file": (
        "Not a data file of {root}, so not checked. Data files are town.yaml, criteria.yaml "
        "and communities/<id>.yaml."
    ),
    "data.criteria_year_name": (
        "Score sheet {name} in criteria/ is not named for a year, so it was not read. "
        "Name it for the year it comes into force, e.g. 2022.yaml."
    ),
    "data.criteria_year_twice": (
        "{year} already has the score sheet {first}; this file was not read. One sheet per year."
    ),
    "load.utf16": (
        'The file is UTF-16 (Notepad\'s "Unicode"). Save it as UTF-8 '
        "(Save as → Encoding: UTF-8) or run iconv -f UTF-16 -t UTF-8."
    ),
    "load.gbk": (
        "The file is not UTF-8; it looks like GBK, which Chinese Windows tools often use. "
        "Convert it to UTF-8: Save as → Encoding: UTF-8, or iconv -f GBK -t UTF-8 old > new."
    ),
    "load.not_utf8": "The file is not UTF-8 text (binary or damaged). Save it as UTF-8 text.",
    "load.binary": "The file contains NUL characters and is not text. Check it is not damaged "
    "and save it again as UTF-8.",
    "load.control": "The file contains the control character {char} and is not plain text "
    "(common in text copied from Word or web pages). Delete it and save again.",
    "load.complex_key": "Keys must be plain text or numbers, not lists or mappings (complex "
    "keys starting with ?). Rewrite the key.",
    "load.empty": "The file is empty (or only comments). Fill it in or delete it.",
    "load.not_mapping": "The file should be a mapping of keys to values but is {kind}. "
    "Follow the structure of the example files.",
    "load.syntax": "YAML syntax error: {detail}. Check indentation, colons and quotes here.",
    "load.duplicate_key": "Key {key} appears twice. Each key may appear once in a mapping; "
    "remove or merge the duplicate.",
    "load.tag": (
        "Unsupported YAML tag {tag}. Data files hold plain text, numbers, lists and "
        "mappings only; tags starting with ! are never executed."
    ),
    "load.multi_document": "The file holds several YAML documents (separated by ---). "
    "Keep one per file.",
    "load.alias": "The file uses anchors and aliases (& and *), which data files do not "
    "support, so that nothing can expand out of bounds. Write the content out.",
    "load.merge": "The file uses a merge key (<<), which data files do not support. "
    "Write the keys out.",
    "load.too_large": "The file is too large ({size} bytes, limit {limit}). A data file is "
    "never that big; check for pasted content.",
    "load.too_indented": "Indented too deep (over {limit} spaces). Data files nest a few levels; "
    "check the structure.",
    "load.too_deep": "Nesting is too deep (over {limit} levels). Data files nest a few levels; "
    "check the structure.",
    "load.is_directory": "This is a folder, not a file.",
    "load.not_regular": "This is not a regular file (a named pipe, a device or a socket) and cannot be read. Replace it with a plain YAML file.",
    "load.folder_unreadable": "Cannot list the files of this folder: {detail}. Check its permissions.",
    "load.unreadable": "Cannot read the file: {detail}.",
    "load.no_such_file": "no such file",
    "load.symlink_outside": "A symbolic link leading outside the data folder; not read for "
    "safety. Put the file itself into the data folder.",
    "yaml.missing_colon": 'a colon is missing (write "key: value", with a space after the colon)',
    "yaml.unexpected_end": "the file ends unexpectedly (an unclosed quote or bracket?)",
    "yaml.unexpected_colon": "an unexpected colon (quote a value that contains a colon, such as a time 10:00)",
    "yaml.missing_value": 'something is missing here (a value should follow the bracket, comma or "- ")',
    "yaml.tab": "tabs cannot indent YAML; use spaces",
    "yaml.mapping_not_allowed": 'a "key: value" is not allowed here (wrong indentation, or a value containing a colon needs quotes)',
    "yaml.indentation": 'inconsistent indentation (keys of one level align; list entries start with "- ")',
    "yaml.undefined_alias": "an anchor or alias (& or *); if it is a literal * or &, quote the whole value",
    "yaml.escape": "a backslash \\ inside double quotes starts an unknown escape; quote Windows paths with single quotes or use /",
    "yaml.bad_character": "a value cannot start with this character (such as @, `, %); quote the whole value",
    "yaml.sequence_not_allowed": 'a "- " list entry cannot start here (check the indentation of the line above, or a missing colon after its key)',
    "yaml.flow_unclosed": "a list in [ ] or a mapping in {{ }} does not end properly (check the commas and the closing bracket, and that none is full-width)",
    "yaml.trailing": 'something follows the value (text after a closing quote, or " #" or ": " inside the value); quote the whole value if need be',
    "yaml.document_marker": "--- or ... at the start of a line starts or ends a document; if it is part of a value, quote the whole value",
    "yaml.tag_syntax": "a value starting with ! is a YAML tag, which data files do not use; if it is part of a value, quote the whole value",
    "yaml.directive": "% at the start of a line begins a YAML directive, which data files do not use; if it is part of a value, quote the whole value",
    "yaml.block_scalar": 'the indentation digit after "|" or ">" can only be 1 to 9 (usually it is left out)',
    "slip.colon": "This colon ： is the Chinese full-width colon, which YAML does not read, so the key and the value run together. Type an ASCII colon and a space: {fixed}",
    "slip.space": "This is a full-width space (U+3000) from a Chinese input method, which YAML does not read as a space: as indentation or around a key it changes the level and the key's name. Use ASCII spaces (two per level to indent).",
    "slip.comma": "A list in brackets uses the Chinese {char}, which YAML does not read as a separator, so two entries become one. Type an ASCII comma: {fixed}",
    "slip.quote": "{char} is a Chinese quotation mark, not a YAML quote, and becomes part of the text. Use ASCII quotes, or no quotes: {fixed}",
    "slip.bracket": "{char} is a Chinese bracket; YAML lists and mappings use ASCII brackets. Type {ascii}.",
    "slip.tab": "This line is indented with a tab; YAML indents with spaces only. Replace the tab with spaces (two per level).",
    "slip.hint.quotes": " The Chinese quotes around it become part of the value; remove them: {fixed}.",
    "slip.hint.full_width": " It holds full-width characters (digits, letters or signs typed in a Chinese input method's full-width mode); type them in ASCII: {fixed}.",
    "slip.hint.space": " It holds a full-width space (U+3000); remove it or type an ASCII space.",
    "slip.hint.comma": " {char} is Chinese punctuation and does not separate list entries; separate them with an ASCII comma.",
    "slip.hint.bracket": " {chars} are Chinese brackets; write a list with ASCII brackets [ ].",
    "slip.warning.quotes": "{field} is wrapped in Chinese quotes, which appear as they are in the documents: {value}. To quote the value, remove them or use ASCII quotes; if they are meant, wrap the whole value in ASCII quotes ('“…”').",
    "slip.warning.comma": "The list entry {value} holds a Chinese comma, so YAML reads it as one entry. If it is two, type an ASCII comma; if it is one, put it in ASCII quotes.",
}
