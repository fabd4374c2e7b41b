"""Command-line texts: help, summaries and errors of the CLI layer."""

ZH: dict[str, str] = {
    "help.app": "绿色社区创建行动工具：检查数据、计算进度、生成申报材料。",
    "help.lang": "界面语言：zh（缺省）或 en；也可用环境变量 GC_LANG。",
    "help.version": "显示版本。",
    "help.data": "数据目录（含 town.yaml），或包含 data/ 的仓库目录；缺省时从当前目录向上查找。",
    "help.format": "输出格式。",
    "help.validate": "检查数据文件：格式、取值和跨文件规则。",
    "help.validate.paths": "只报告这些文件或目录的问题（跨文件规则仍会用到整个数据目录）。",
    "help.validate.strict": "有警告也视为失败（退出码 1）。",
    "help.schema": "输出数据文件的 JSON Schema（由数据模型生成），供编辑器和其他校验工具使用。",
    "help.schema.output": "把每种文件的 JSON Schema 写入此目录。",
    "help.schema.kind": "只输出一种：town、criteria 或 community。",
    "help.explain": "说明检查规则：每个编号的含义和改正方法。",
    "help.explain.code": "规则编号，如 GC303；省略时列出全部规则。",
    "cli.error_label": "错误：",
    "cli.bad_lang": "不支持的语言 {lang}，可用 zh 或 en。",
    "cli.interrupted": "已中断。",
    "cli.internal_error": (
        "内部错误（{kind}: {detail}）。这是 gc 的缺陷，不是数据的问题；"
        "请把命令和数据文件一起报告给维护者。设置环境变量 GC_DEBUG=1 可显示详细信息。"
    ),
    "cli.cannot_write": "无法写入 {path}：{detail}",
    "validate.more_not_shown": "……另有 {count} 个问题未显示。请先改正上面的问题，或用 --format json 查看全部。",
    "validate.summary_ok": "检查了 {files} 个文件，没有发现问题。",
    "validate.summary_warnings": "检查了 {files} 个文件：没有错误，{warnings} 个警告。",
    "validate.summary_failed": "检查了 {files} 个文件：{errors} 个错误，{warnings} 个警告。",
    "severity.error": "错误",
    "severity.warning": "警告",
    "schema.unknown_kind": "没有 {kind} 这种文件，可选：{kinds}。",
    "schema.need_output": "要输出全部 schema 请用 --output 指定目录，或用 --kind 只输出一种到屏幕。",
    "schema.written": "已写入 {count} 个 JSON Schema 到 {path}。",
    "explain.unknown": "没有规则 {code}。运行 gc explain 查看全部规则。",
}

EN: dict[str, str] = {
    "help.app": "Green-community creation tool: check the data, compute progress, render documents.",
    "help.lang": "Interface language: zh (default) or en; or set GC_LANG.",
    "help.version": "Show the version.",
    "help.data": "Data folder (holding town.yaml) or a repository holding data/; "
    "by default found by walking up from the current folder.",
    "help.format": "Output format.",
    "help.validate": "Check the data files: format, values and cross-file rules.",
    "help.validate.paths": "Report problems of these files or folders only "
    "(cross-file rules still use the whole data folder).",
    "help.validate.strict": "Fail on warnings too (exit code 1).",
    "help.schema": "Print the JSON Schemas of the data files (generated from the models) "
    "for editors and other validators.",
    "help.schema.output": "Write one JSON Schema per file kind into this folder.",
    "help.schema.kind": "Only one kind: town, criteria or community.",
    "help.explain": "Explain the checks: what each code means and how to fix it.",
    "help.explain.code": "A code such as GC303; without it, list all codes.",
    "cli.error_label": "Error:",
    "cli.bad_lang": "Unsupported language {lang}; use zh or en.",
    "cli.interrupted": "Interrupted.",
    "cli.internal_error": (
        "Internal error ({kind}: {detail}). This is a defect of gc, not a problem of the data; "
        "please report the command and the data files. Set GC_DEBUG=1 for details."
    ),
    "cli.cannot_write": "Cannot write {path}: {detail}",
    "validate.more_not_shown": "... {count} more problems not shown. Fix the ones above first, or use --format json to see them all.",
    "validate.summary_ok": "Checked {files} files: no problems found.",
    "validate.summary_warnings": "Checked {files} files: no errors, {warnings} warnings.",
    "validate.summary_failed": "Checked {files} files: {errors} errors, {warnings} warnings.",
    "severity.error": "error",
    "severity.warning": "warning",
    "schema.unknown_kind": "No file kind {kind}; choose one of: {kinds}.",
    "schema.need_output": "Use --output DIR to write all schemas, or --kind to print one.",
    "schema.written": "Wrote {count} JSON Schemas to {path}.",
    "explain.unknown": "No code {code}. Run gc explain to list them all.",
}
