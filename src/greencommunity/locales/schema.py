"""Texts of file-format errors (codes GC2xx), one per pydantic error type, the
words for values and places in a file, and gc schema's help and messages."""

from greencommunity.locales import Plural

ZH: dict[str, str | Plural] = {
    "help.schema": "输出数据文件的 JSON Schema（由数据模型生成），供编辑器和其他校验工具使用。",
    "help.schema.output": "把每种文件的 JSON Schema 写入此目录。",
    "help.schema.kind": "只输出一种：town、criteria 或 community。",
    "schema.top_level": "文件顶层",
    "schema.did_you_mean": "是不是要写 {name}？",
    "schema.allowed_keys": "此处可用的键：{keys}。",
    "schema.extra_forbidden": "未知的键 {key}（可能是拼写错误）。{hint}",
    "schema.invalid_key": "键 {value} 不是文字。键要写成文字，如 households。",
    "schema.invisible_characters": "键中含有空格或不可见字符（如全角空格、不间断空格），请删除后用半角空格缩进。",
    "schema.missing": "缺少必填项 {field}。请补上。",
    "schema.invalid": "{field} 的值 {value} 不合法。请对照示例文件或 gc schema 更正。",
    "schema.string_type": "{field} 应为文字，实际是 {value}。如是数字或日期，请加引号。",
    "schema.int_type": "{field} 应为整数，实际是 {value}。",
    "schema.float_type": "{field} 应为数字，实际是 {value}。",
    "schema.finite_number": "{field} 应为有限的数字，实际是 {value}。",
    "schema.bool_type": "{field} 应为 true 或 false，实际是 {value}。",
    "schema.gc_quoted_number": "{field} 应为数字，但 {value} 加了引号，是文字。请去掉引号，写成 {unquoted}。",
    "schema.gc_quoted_bool": "{field} 应为 true 或 false，但 {value} 加了引号，是文字。请去掉引号，写成 {unquoted}。",
    "schema.gc_bool_word": "{field} 应为 true 或 false；{value} 在 YAML 1.2 中是文字。请写成 {unquoted}。",
    "schema.list_type": "{field} 应为列表（每项一行，以“- ”开头），实际是 {value}。",
    "schema.dict_type": "{field} 应为“键: 值”映射，实际是 {value}。",
    "schema.greater_than": "{field} 应大于 {gt}，实际是 {value}。",
    "schema.greater_than_equal": "{field} 不能小于 {ge}，实际是 {value}。",
    "schema.less_than": "{field} 应小于 {lt}，实际是 {value}。",
    "schema.less_than_equal": "{field} 不能大于 {le}，实际是 {value}。",
    "schema.too_short": "{field} 至少要有 {min_length} 项。",
    "schema.too_long": "{field} 最多 {max_length} 项。",
    "schema.string_too_short": "{field} 不能为空。",
    "schema.string_too_long": "{field} 太长（最多 {max_length} 个字符）。",
    "schema.choice": "{field} 的值 {value} 不在可选范围内。可选：{expected}。",
    "schema.gc_date_type": "{field} 应为日期（YYYY-MM-DD），实际是 {value}。",
    "schema.gc_date_format": "{field} 的日期 {value} 格式不对，请写成 YYYY-MM-DD，如 {suggestion}。",
    "schema.gc_date_impossible": "{field} 的日期 {value} 不存在：{reason}。",
    "date.no_month": "没有 {month} 月",
    "date.no_day": "{year} 年 {month} 月没有 {day} 日",
    "schema.gc_month_day": "{field} 应写成 MM-DD（如 10-30），实际是 {value}。",
    "schema.gc_time_zone": "{field} 应是时区名称（如 Asia/Shanghai、Asia/Urumqi）或 UTC+08:00 这样的时差，实际是 {value}。",
    "schema.gc_share": '{field} 的比例 {value} 不合法，请写 0 到 1 之间的小数（如 0.45）或百分数（如 "45%"）。',
    "schema.gc_share_percent": (
        '{field} 的比例 {value} 大于 1，看起来是百分数。请写 {fraction} 或 "{value}%"。'
    ),
    "schema.gc_item_id": '{field} 的条目编号 {value} 格式不对，应为“类别号.序号”，如 "2.3"。',
    "schema.gc_item_id_number": (
        "{field} 的条目编号 {value} 没有加引号，YAML 会把它读成数字（1.10 会变成 1.1）。"
        '请加引号写成 "{value}"。'
    ),
    "schema.gc_community_id": (
        "{field} 的社区编号 {value} 不合法：只能用小写字母、数字和连字符，以字母开头，"
        "如 songxin、jiafu-dong。"
    ),
    "schema.gc_project_id": (
        "{field} 的项目编号 {value} 不合法：只能用字母、数字、- 和 _，以字母或数字开头，"
        "最多 {max} 个字符，如 p1、2022-garden。"
    ),
    "schema.gc_email": "{field} 的邮箱 {value} 不合法：应写成 git 提交中的邮箱，如 wang@example.org。",
    "schema.gc_signing_key": (
        "{field} 不是有效的签名公钥：应为 SSH 公钥一整行（如 ~/.ssh/id_ed25519.pub 的内容）"
        "或完整的 OpenPGP 公钥块。"
    ),
    "schema.gc_veto_id": (
        "{field} 的否决项编号 {value} 不合法：只能用字母、数字、- 和 _，以字母开头，"
        "最多 {max} 个字符，如 safety、V1。"
    ),
    "schema.unknown_kind": "没有 {kind} 这种文件，可选：{kinds}。",
    "schema.need_output": "要输出全部 schema 请用 --output 指定目录，或用 --kind 只输出一种到屏幕。",
    "schema.written": "已写入 {schemas} 到 {path}。",
    "value.null": "空值",
    "value.text": "“{text}”",
    "value.text_with_quotes": "「{text}」",
    "value.mapping": Plural(other="一个映射（{count} 个键）"),
    "value.list": Plural(other="一个列表（{count} 项）"),
    "value.other": "无法识别的值",
    "value.kind.list": "一个列表",
    "value.kind.text": "一段文字",
    "value.kind.number": "一个数或布尔值",
    "value.kind.other": "无法识别的值",
    "value.position": "第 {number} 项",
    "schema.gc_indicator_id": (
        "{field} 的指标编号 {value} 不合法：只能用字母、数字、- 和 _，以字母开头，"
        "最多 {max} 个字符，如 households_served。"
    ),
}

EN: dict[str, str | Plural] = {
    "help.schema": "Print the JSON Schemas of the data files (generated from the models) "
    "for editors and other validators.",
    "help.schema.output": "Write one JSON Schema per file kind into this folder.",
    "help.schema.kind": "Only one kind: town, criteria or community.",
    "schema.top_level": "the top level",
    "schema.did_you_mean": "Did you mean {name}?",
    "schema.allowed_keys": "Keys allowed here: {keys}.",
    "schema.extra_forbidden": "Unknown key {key} (a typo?). {hint}",
    "schema.invalid_key": "Key {value} is not text. Keys are words such as households.",
    "schema.invisible_characters": "The key contains spaces or invisible characters (ideographic or no-break spaces); remove them and indent with plain spaces. ",
    "schema.missing": "Required {field} is missing. Add it.",
    "schema.invalid": "{field}: the value {value} is not valid. Compare with the example files or gc schema.",
    "schema.string_type": "{field} should be text, not {value}. Quote numbers and dates.",
    "schema.int_type": "{field} should be a whole number, not {value}.",
    "schema.float_type": "{field} should be a number, not {value}.",
    "schema.finite_number": "{field} should be a finite number, not {value}.",
    "schema.bool_type": "{field} should be true or false, not {value}.",
    "schema.gc_quoted_number": "{field} should be a number, but {value} is in quotes, which makes it text. Remove the quotes: {unquoted}.",
    "schema.gc_quoted_bool": "{field} should be true or false, but {value} is in quotes, which makes it text. Remove the quotes: {unquoted}.",
    "schema.gc_bool_word": "{field} should be true or false; {value} is text in YAML 1.2. Write {unquoted}.",
    "schema.list_type": '{field} should be a list (one "- " line per entry), not {value}.',
    "schema.dict_type": "{field} should be a mapping of keys to values, not {value}.",
    "schema.greater_than": "{field} should be greater than {gt}, not {value}.",
    "schema.greater_than_equal": "{field} cannot be less than {ge}; it is {value}.",
    "schema.less_than": "{field} should be less than {lt}, not {value}.",
    "schema.less_than_equal": "{field} cannot be more than {le}; it is {value}.",
    "schema.too_short": "{field} needs at least {min_length} entries.",
    "schema.too_long": "{field} allows at most {max_length} entries.",
    "schema.string_too_short": "{field} cannot be empty.",
    "schema.string_too_long": "{field} is too long (at most {max_length} characters).",
    "schema.choice": "{field}: {value} is not one of the choices: {expected}.",
    "schema.gc_date_type": "{field} should be a date (YYYY-MM-DD), not {value}.",
    "schema.gc_date_format": "{field}: write the date {value} as YYYY-MM-DD, e.g. {suggestion}.",
    "schema.gc_date_impossible": "{field}: {value} does not exist: {reason}.",
    "date.no_month": "there is no month {month}",
    "date.no_day": "month {month} of {year} has no day {day}",
    "schema.gc_month_day": "{field} should be MM-DD (e.g. 10-30), not {value}.",
    "schema.gc_time_zone": "{field} should name a time zone (such as Asia/Shanghai or Asia/Urumqi) or an offset such as UTC+08:00, not {value}.",
    "schema.gc_share": "{field}: share {value} is invalid; write a fraction between 0 and 1 "
    '(0.45) or a percentage ("45%").',
    "schema.gc_share_percent": "{field}: share {value} is above 1 and looks like a percentage. "
    'Write {fraction} or "{value}%".',
    "schema.gc_item_id": '{field}: item id {value} should be category.number, e.g. "2.3".',
    "schema.gc_item_id_number": (
        "{field}: item id {value} is not quoted, so YAML reads a number (1.10 becomes 1.1). "
        'Write "{value}".'
    ),
    "schema.gc_community_id": (
        "{field}: community id {value} is invalid: lower-case letters, digits and hyphens, "
        "starting with a letter, e.g. songxin."
    ),
    "schema.gc_project_id": (
        "{field}: project id {value} is invalid: letters, digits, - and _, starting with a "
        "letter or digit, at most {max} characters, e.g. p1."
    ),
    "schema.gc_email": (
        "{field}: e-mail {value} is invalid: write the address git records, e.g. wang@example.org."
    ),
    "schema.gc_signing_key": (
        "{field} is not a valid signing key: an SSH public key line (the content of "
        "~/.ssh/id_ed25519.pub) or a whole OpenPGP public key block."
    ),
    "schema.gc_veto_id": (
        "{field}: veto id {value} is invalid: letters, digits, - and _, starting with a "
        "letter, at most {max} characters, e.g. safety or V1."
    ),
    "schema.unknown_kind": "No file kind {kind}; choose one of: {kinds}.",
    "schema.need_output": "Use --output DIR to write all schemas, or --kind to print one.",
    "schema.written": "Wrote {schemas} to {path}.",
    "value.null": "empty (null)",
    "value.text": '"{text}"',
    "value.text_with_quotes": '"{text}"',
    "value.mapping": Plural(one="a mapping with {count} key", other="a mapping with {count} keys"),
    "value.list": Plural(one="a list of {count} entry", other="a list of {count} entries"),
    "value.other": "an unrecognised value",
    "value.kind.list": "a list",
    "value.kind.text": "a text",
    "value.kind.number": "a number or true/false",
    "value.kind.other": "an unrecognised value",
    "value.position": "item {number}",
    "schema.gc_indicator_id": (
        "{field}: indicator id {value} is invalid: letters, digits, - and _, starting with a "
        "letter, at most {max} characters, e.g. households_served."
    ),
}
