"""Texts of the district's and city's view: gc rollup."""

from greencommunity.locales import Plural

ZH: dict[str, str | Plural] = {
    "help.rollup": "汇总多个镇的创建达标情况（区、市）：各镇的城市社区数、参与数、达标数、比例与目标，以及合计。",
    "help.rollup.folders": "镇的数据目录；或区的目录（每个镇一个子目录）；或市的目录（每个区一个子目录）。",
    "help.rollup.year": "目标年份；缺省为各镇目标年份中最晚的一年。",
    "rollup.sheet": "汇总",
    "rollup.no_towns": "{path} 中找不到任何镇的数据目录（含 town.yaml 的目录，或含 data/town.yaml 的目录）。",
    "rollup.no_year": "各镇都没有目标年份，无法汇总。请用 --year 指定年份。",
    "rollup.title": "{year} 年绿色社区创建达标情况汇总（{towns}）",
    "rollup.towns": Plural(other="{count} 个镇"),
    "rollup.col.town": "镇",
    "rollup.col.district": "区",
    "rollup.col.denominator": "城市社区",
    "rollup.col.applied": "参与创建",
    "rollup.col.passed": "创建达标",
    "rollup.col.share": "达标比例",
    "rollup.col.target": "目标",
    "rollup.col.met": "完成情况",
    "rollup.count_share": "{count}（{share}）",
    "rollup.met": "已达到",
    "rollup.short_by": "尚差 {count} 个",
    "rollup.total": "合计",
    "rollup.district_total": "{district}合计",
    "rollup.excluded.no_target": "没有该年度的目标，未计入合计",
    "rollup.excluded.too_many_files": "社区文件多于城市社区总数（GC314），未计入合计",
    "rollup.excluded.errors": Plural(other="数据有 {count} 个错误，未计入合计"),
    "rollup.note.repeated": "注意：{town} 由 {counted} 和 {left} 两个目录给出，数据完全相同，只计一次（按 {counted}）。",
    "rollup.same_town_differs": "{town} 由 {first} 和 {second} 两个目录给出，但两处的数据不同：不知道应汇总哪一份，没有计算合计。请只给出其中一个目录，或先核对两处数据。",
    "rollup.note.excluded": Plural(
        other="注意：{count} 个镇未计入合计：{names}。请先改正其数据（gc validate）。"
    ),
    "rollup.note.targets_differ": "注意：各镇的目标不同（{targets}），合计不与单一目标比较。",
    "rollup.note.criteria_differ": Plural(
        other="注意：各镇使用 {count} 种不同的评分表，达标的含义不完全相同。"
    ),
}

EN: dict[str, str | Plural] = {
    "help.rollup": "Roll towns up to their district (and city): each town's urban communities, participation, passes, share and target, and the totals.",
    "help.rollup.folders": "Town data folders; or a district's folder (one subfolder per town); or a city's folder (one subfolder per district).",
    "help.rollup.year": "Target year; by default the latest target year among the towns.",
    "rollup.sheet": "Roll-up",
    "rollup.no_towns": "No town data folder (a folder holding town.yaml or data/town.yaml) under {path}.",
    "rollup.no_year": "No town has a target year; give one with --year.",
    "rollup.title": "Green-community attainment {year} ({towns})",
    "rollup.towns": Plural(one="{count} town", other="{count} towns"),
    "rollup.col.town": "Town",
    "rollup.col.district": "District",
    "rollup.col.denominator": "Urban communities",
    "rollup.col.applied": "Taking part",
    "rollup.col.passed": "Passed",
    "rollup.col.share": "Share",
    "rollup.col.target": "Target",
    "rollup.col.met": "Met",
    "rollup.count_share": "{count} ({share})",
    "rollup.met": "met",
    "rollup.short_by": "{count} short",
    "rollup.total": "Total",
    "rollup.district_total": "{district} total",
    "rollup.excluded.no_target": "no target for the year; not in the totals",
    "rollup.excluded.too_many_files": "more community files than urban communities (GC314); not in the totals",
    "rollup.excluded.errors": Plural(
        one="the data has {count} error; not in the totals",
        other="the data has {count} errors; not in the totals",
    ),
    "rollup.note.repeated": "Note: {town} is given through two folders, {counted} and {left}, with the same data: counted once (as {counted}).",
    "rollup.same_town_differs": "{town} is given through two folders, {first} and {second}, whose data differ: which one to add up cannot be told, so no total was computed. Give only one of the folders, or reconcile the two first.",
    "rollup.note.excluded": Plural(
        one="Note: {count} town is left out of the totals: {names}. Fix its data first (gc validate).",
        other="Note: {count} towns are left out of the totals: {names}. Fix their data first (gc validate).",
    ),
    "rollup.note.targets_differ": "Note: the towns' targets differ ({targets}); the total is not compared with one target.",
    "rollup.note.criteria_differ": Plural(
        one="Note: the towns use {count} score sheet.",
        other="Note: the towns use {count} different score sheets; a pass does not mean quite the same everywhere.",
    ),
}
