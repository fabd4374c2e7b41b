"""Texts of the score sheet's rule kinds: why a sheet does not pass (vetoes,
category minimums in points, k of n, categories with a score), the pass rule's
clauses (bonus and deduction caps, levels), the level reached, criteria by
year, and the rules GC34x on them.  (The first rule kinds' texts are in
``labels.py``; other rules' messages in ``rules.py``.)"""

from greencommunity.locales import Plural

ZH: dict[str, str | Plural] = {
    "schema.gc_veto_id": (
        "{field} 的否决项编号 {value} 不合法：只能用字母、数字、- 和 _，以字母开头，"
        "最多 {max} 个字符，如 safety、V1。"
    ),
    "blocker.veto": "一票否决：{title}（{reason}）",
    "blocker.veto_item": "一票否决：{title}（条目 {item} 得 0 分）",
    "blocker.category_points": "第 {category} 类“{title}”得 {actual} 分，低于该类最低分 {required} 分，差 {short} 分",
    "blocker.at_least": "条目 {items} 中须至少 {count} 项{mark}，现有 {actual} 项，差 {short} 项（未达到：{below}；至少还差 {lacking} 分）",
    "blocker.categories": "须至少 {required} 类有得分，现有 {actual} 类，差 {short} 类（未得分：{empty}）",
    "mark.full": "得满分",
    "mark.share": "得分不低于其分值的 {share}",
    "category.ids": "第 {ids} 类",
    "clause.veto": "一票否决：{title}",
    "clause.veto_item": "一票否决：{title}（条目 {item} 得 0 分）",
    "clause.category_points": "第 {category} 类“{title}”得分不低于 {points} 分",
    "clause.at_least": "条目 {items} 中至少 {count} 项{mark}",
    "clause.categories": "至少 {count} 类有得分",
    "clause.bonus": "加分项第 {category} 类“{title}”最多加 {points} 分",
    "clause.deduction": "扣分项第 {category} 类“{title}”最多扣 {points} 分",
    "clause.level": "达标且总分不低于 {points} 分为{title}",
    "level.pass": "达标",
    "kind.scored": "计分项",
    "kind.bonus": "加分项",
    "kind.deduction": "扣分项",
    "data.criteria_year_name": (
        "criteria/ 中的评分表 {name} 没有以年份命名，未读取。请改名为开始施行的年份，如 2022.yaml。"
    ),
    "data.criteria_year_twice": "{year} 年已有评分表 {first}，本文件未读取。一个年份只能有一个评分表。",
    "rule.GC312.category": "第 {category} 类的最低分 {min_points} 分高于该类分值 {points} 分，没有社区能达到。请更正 min_points。",
    "rule.GC340.at_least": "要求 {listed} 个条目中至少 {count} 项达到，但只列了 {listed} 个条目，没有社区能达标。请更正 count 或补上条目。",
    "rule.GC340.categories": "要求至少 {count} 类有得分，但计分项只有 {scored} 类，没有社区能达标。请更正 min_categories_scored。",
    "rule.GC341": "第 {category} 类的上限 cap 写成了 {cap}，负数的上限不加也不扣。请写正数 {positive}。",
    "rule.GC342.below": "等级“{title}”的分数 {min_total} 分低于达标分数 {limit} 分。等级在达标之上，请更正分数。",
    "rule.GC342.above": "等级“{title}”的分数 {min_total} 分高于最多能得的 {limit} 分（满分加各加分项上限），没有社区能达到。请更正分数。",
    "rule.GC344.category": "第 {category} 类是{kind}（kind: {value}），{key} 对它不起作用（cap 只用于加分项和扣分项，min_share、min_points 只用于计分项）。请删除 {key}，或更正 kind。",
    "rule.GC344.item": "条目 {item} 属于扣分项（得 0 分最好），不能作为必达条目、“至少 k 项”的条目或按条目否决。请更正条目编号。",
    "rule.GC343": "{year} 年{stage}记录的否决项 {veto} 不在该年评分表的 pass_rule.vetoes 中（有：{known}）。{hint}",
    "rule.GC343.none": "无",
    "rule.GC346": "{year} 年没有施行的评分表：最早的年份文件是 {first}，也没有 {file}。请补上该年的评分表，或更正申报年度。",
}

EN: dict[str, str | Plural] = {
    "schema.gc_veto_id": (
        "{field}: veto id {value} is invalid: letters, digits, - and _, starting with a "
        "letter, at most {max} characters, e.g. safety or V1."
    ),
    "blocker.veto": "vetoed: {title} ({reason})",
    "blocker.veto_item": "vetoed: {title} (item {item} scored 0)",
    "blocker.category_points": "category {category} ({title}) scored {actual}, below its minimum of {required} points: {short} points short",
    "blocker.at_least": "at least {count} of items {items} must {mark}; {actual} do: {short} short (not reached: {below}; at least {lacking} points to earn)",
    "blocker.categories": "at least {required} categories must have a score; {actual} do: {short} short (no score: {empty})",
    "mark.full": "reach full marks",
    "mark.share": "reach {share} of their points",
    "category.ids": "categories {ids}",
    "clause.veto": "veto: {title}",
    "clause.veto_item": "veto: {title} (item {item} at 0)",
    "clause.category_points": "at least {points} points in category {category} ({title})",
    "clause.at_least": "at least {count} of items {items} {mark}",
    "clause.categories": "a score in at least {count} categories",
    "clause.bonus": "bonus category {category} ({title}) adds at most {points} points",
    "clause.deduction": "deduction category {category} ({title}) takes off at most {points} points",
    "clause.level": "{title} for a pass with a total of at least {points} points",
    "level.pass": "pass",
    "kind.scored": "scored",
    "kind.bonus": "bonus",
    "kind.deduction": "deduction",
    "data.criteria_year_name": (
        "Score sheet {name} in criteria/ is not named for a year, so it was not read. "
        "Name it for the year it comes into force, e.g. 2022.yaml."
    ),
    "data.criteria_year_twice": (
        "{year} already has the score sheet {first}; this file was not read. One sheet per year."
    ),
    "rule.GC312.category": "Category {category} asks at least {min_points} points of its {points}: nobody can reach it. Correct min_points.",
    "rule.GC340.at_least": "At least {count} of the items must reach their mark, but only {listed} are listed: nobody can pass. Correct count or list the items.",
    "rule.GC340.categories": "At least {count} categories must have a score, but there are {scored} scored categories: nobody can pass. Correct min_categories_scored.",
    "rule.GC341": "Category {category} has the cap {cap}; a negative cap adds or takes off nothing. Write {positive}.",
    "rule.GC342.below": "Level {title} asks {min_total} points, below the pass mark of {limit}. A level is above the pass; correct its points.",
    "rule.GC342.above": "Level {title} asks {min_total} points, more than the {limit} a community can score (total plus bonus caps). Correct its points.",
    "rule.GC344.category": "Category {category} is a {kind} category (kind: {value}), so {key} does nothing there (cap is for bonus and deduction categories, min_share and min_points for scored ones). Remove {key} or correct kind.",
    "rule.GC344.item": "Item {item} is a deduction (0 is its best), so it cannot be a required item, one of k of n, or a veto by item. Correct the item id.",
    "rule.GC343": "The {stage} of {year} records veto {veto}, which is not under pass_rule.vetoes of that year's score sheet (known: {known}). {hint}",
    "rule.GC343.none": "none",
    "rule.GC346": "No score sheet is in force in {year}: the first year file is {first}, and there is no {file}. Add that year's sheet or correct the year.",
}
