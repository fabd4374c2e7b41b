"""Texts of cross-file rules (codes GC3xx) and the words they use."""

from greencommunity.locales import Plural

ZH: dict[str, str | Plural] = {
    "rule.GC301": "社区编号 {id} 与文件名 {stem}.yaml 不一致。{fix}",
    "rule.GC301.either": "请把 id 改为 {stem}，或把文件改名为 {id}.yaml。",
    "rule.GC301.change_id": "请把 id 改为 {stem}（{id}.yaml 是另一个社区的文件，不能改成这个名字）。",
    "rule.GC301.rename": "请把文件改名为 {id}.yaml（{stem} 不能用作社区编号：编号是小写拼音）。",
    "rule.GC301.new_name": (
        "{id}.yaml 是另一个社区的文件，{stem} 又不能用作社区编号（编号是小写拼音）："
        "请给本社区取一个未被使用的编号，同时用作 id 和文件名。"
    ),
    "rule.GC302": "{what} 重复（已在 {first} 中出现）。编号和名称必须唯一，请删除或改名。",
    "rule.GC303": "评分条目 {item} 在 {sheet} 中不存在。{hint}",
    "rule.GC304": "部门 {name} 不在 town.yaml 的 departments 中。{hint}",
    "rule.GC347": "{name} 可修改的社区 {id} 不存在：communities/ 中没有这个编号的社区文件。{hint}",
    "rule.GC305": "资金渠道 {name} 不在 town.yaml 的 funding_channels 中。{hint}",
    "rule.GC306": "{stage}中条目 {item} 得 {score} 分，超过该条目分值 {points} 分。请更正得分。",
    "rule.GC307": "佐证材料 {file} 不存在（应放在 {folder} 下）。请放入文件或更正路径。{hint}",
    "rule.GC322": "{stage}中条目 {item} 得 {score} 分，不是评分步长 {step} 分的整数倍（{sheet} 的 score_step）。请改为 {below} 或 {above} 分。",
    "rule.GC323": "条目 {item} 的分值 {points} 分不是评分步长 {step} 分（score_step）的整数倍，该条目无法按步长评分。请调整分值或 score_step。",
    "rule.GC308": "佐证材料路径 {file} 不可用：{reason}。请写 data/evidence/<社区编号>/ 下的相对路径。",
    "rule.GC309": "{first}（{first_date}）早于{second}（{second_date}），先后顺序不对。请更正日期。",
    "rule.GC321": "{field}（{date}）不在申报年度 {year} 年内。请核对年份。",
    "rule.GC310.done_without_date": "项目 {id} 状态为已完成（done），但没有写实际完成日期 done_on。请补上日期。",
    "rule.GC310.date_without_done": "项目 {id} 写了实际完成日期 done_on，但状态是{status}。请把状态改为 done，或删除 done_on。",
    "rule.GC311": "报送日期 {date} 晚于截止日 {due}（迟 {days} 天）。如确为迟报，请在申请报告中说明原因。",
    "rule.GC312.sum": "各条目分值之和为 {sum} 分，与满分 {total} 分不符（各类：{parts}）。请调整分值或满分使两者一致。",
    "rule.GC312.pass_mark": "达标分数 {min_total} 分高于满分 {total} 分，没有社区能达标。请更正达标分数或满分。",
    "rule.GC312.required": "必达条目 {item} 的最低得分 {min_score} 分高于该条目分值 {points} 分，没有社区能达到。请更正最低得分。",
    "rule.GC312.category": "第 {category} 类的最低分 {min_points} 分高于该类分值 {points} 分，没有社区能达到。请更正 min_points。",
    "rule.GC313": "批次 {batch} 不是 town.yaml 中的目标年份（{years}）。请更正批次或增加该年度目标。",
    "rule.GC314": (
        "社区文件有 {count} 个，多于全镇城市社区总数 {denominator}。"
        "请更正 urban_communities 或删除多余的社区文件；在此之前不计算进度。"
    ),
    "rule.GC317": (
        "{field} 还是 gc init 写入的占位值“{value}”，请换成本镇的实际情况；"
        "在此之前 gc report、gc site 和 gc rollup 不生成材料。"
    ),
    "rule.GC315.reasons": "（{reasons}）",
    "rule.GC315": "{year} 年{stage}的结论写为{verdict}，但按评分（{total} 分）和达标规则应为{computed}{reasons}。正式结果以写明的结论为准；请核对结论或评分。",
    "rule.GC316": "条目 {item} 放在第 {category} 类下，但编号不以 {category}. 开头。请更正编号或移到对应类别。",
    "rule.GC319.district": "{year} 年有区级考评，但没有报送日期 submitted。请补上报送日期。",
    "rule.GC319.city": "{year} 年有市级抽样考评，但没有区级考评；市里只抽查区级初审通过的社区。请补上区级考评。",
    "rule.GC320": "{year} 年已报送的自测评分表缺少条目 {items}，未评条目按 0 分计。请补上（不得分写 0）。",
    "rule.GC330.due": "{stage}（{review_date}）给条目 {item} 的整改期限 {due} 早于考评日期。请更正期限或考评日期。",
    "rule.GC330.answer": "条目 {item} 的整改答复日期 {date} 早于提出整改的{stage}（{review_date}）。请更正答复日期，或把整改移到对应的考评下。",
    "rule.GC331": "{stage}要求整改的条目 {item} 有答复（{date}），但没有写整改情况 note。请写明做了什么。",
    "rule.GC332": "{year} 年{stage}的结论为需整改（rectify），但 rectifications 下没有列出要整改的条目。请列出条目、整改意见和期限，或更正结论。",
    "rule.GC333": "{year} 年自测评分表中条目 {item} 得 {score} 分，但没有附佐证材料（评分表要求：{asked}）。请在 evidence 下列出材料，或核对得分。",
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
    "rule.GC334": "{folder} 不属于任何社区：没有编号为 {id} 的社区文件。请删除这个目录，或改成社区的新编号。",
    "rule.GC333.many": "{year} 年自测评分表中条目 {items} 得分，但都没有附佐证材料（共 {count} 项，评分表对这些条目都要求了材料）。请在 evidence 下列出材料，或核对得分。",
    "field.start": "开工日期",
    "field.due": "计划完成日期",
    "field.done_on": "实际完成日期",
    "field.self_date": "自评日期",
    "field.submitted": "报送日期",
    "field.district_date": "区级考评日期",
    "field.city_date": "市级抽样日期",
    "evidence.absolute": "不能用绝对路径",
    "evidence.url": "不能用网址，请把文件本身放进佐证目录",
    "evidence.backslash": "请用 / 分隔目录，不要用 \\",
    "evidence.parent": "不能用 .. 跳出佐证目录",
    "evidence.outside": "指向数据目录以外",
    "rule.GC360": "年度评估的指标 {id} 不在 {year} 年度施行的评分表的 indicators 中。{listed}{hint}",
    "rule.GC360.listed": "评分表列出的指标：{ids}。",
    "rule.GC361": "{year} 年度已有一项年度评估（evaluation 第 {first} 项）：每年只能有一项。请合并，或更正年度。",
}

EN: dict[str, str | Plural] = {
    "rule.GC301": "Community id {id} differs from the file name {stem}.yaml. {fix}",
    "rule.GC301.either": "Change the id to {stem} or rename the file to {id}.yaml.",
    "rule.GC301.change_id": "Change the id to {stem} ({id}.yaml is another community's file, "
    "so the file cannot take that name).",
    "rule.GC301.rename": "Rename the file to {id}.yaml ({stem} cannot be a community id: ids "
    "are lower-case pinyin).",
    "rule.GC301.new_name": "{id}.yaml is another community's file and {stem} cannot be a "
    "community id (lower-case pinyin): give this community an unused id, as both its id "
    "and its file name.",
    "rule.GC302": "{what} is duplicated (already in {first}). Ids and names must be unique; "
    "remove or rename it.",
    "rule.GC303": "Criterion item {item} does not exist in {sheet}. {hint}",
    "rule.GC304": "Department {name} is not listed under departments in town.yaml. {hint}",
    "rule.GC347": "{name} may edit community {id}, which does not exist: no file in "
    "communities/ has that id. {hint}",
    "rule.GC305": "Funding channel {name} is not listed under funding_channels in town.yaml. "
    "{hint}",
    "rule.GC306": "{stage}: item {item} scored {score}, more than its {points} points. "
    "Correct the score.",
    "rule.GC307": "Evidence file {file} does not exist (expected under {folder}). Add the file "
    "or correct the path.{hint}",
    "rule.GC322": "{stage}: item {item} scored {score}, not a multiple of the score step {step} "
    "(score_step in {sheet}). Write {below} or {above}.",
    "rule.GC323": "Item {item} has {points} points, not a multiple of the score step {step} "
    "(score_step), so it cannot be scored by the step. Change its points or score_step.",
    "rule.GC308": "Evidence path {file} cannot be used: {reason}. Give a path relative to "
    "data/evidence/<id>/.",
    "rule.GC309": "The {first} ({first_date}) is before the {second} ({second_date}). Correct the date.",
    "rule.GC321": "The {field} ({date}) is not in the assessment year {year}. Check the year.",
    "rule.GC310.done_without_date": "Project {id} is done but has no done_on date. Add the date.",
    "rule.GC310.date_without_done": "Project {id} has a done_on date but its status is {status}. "
    "Set the status to done or remove done_on.",
    "rule.GC311": "Submitted on {date}, after the {due} deadline ({days} days late). If so, "
    "explain the delay in the application.",
    "rule.GC312.sum": "The items' points add up to {sum}, not the total {total} (by category: {parts}). Make them agree.",
    "rule.GC312.pass_mark": "The pass mark {min_total} is above the total {total}, so no community can pass. Correct one of them.",
    "rule.GC312.required": "Required item {item} asks for {min_score} points, more than its {points} points, so no community can reach it. Correct the minimum.",
    "rule.GC312.category": "Category {category} asks at least {min_points} points of its {points}: nobody can reach it. Correct min_points.",
    "rule.GC313": "Batch {batch} is not a target year in town.yaml ({years}). Correct the "
    "batch or add a target for that year.",
    "rule.GC317": (
        "{field} is still the placeholder gc init wrote, '{value}': replace it with the "
        "town's own; until then gc report, gc site and gc rollup make nothing."
    ),
    "rule.GC314": (
        "There are {count} community files, more than the town's {denominator} urban "
        "communities. Correct urban_communities or remove the extra files; progress is not "
        "computed until then."
    ),
    "rule.GC315.reasons": " ({reasons})",
    "rule.GC315": "The {stage} of {year} states the verdict {verdict}, but its scores ({total} points) give {computed} under the pass rule{reasons}. The stated verdict is taken as official; check the verdict or the scores.",
    "rule.GC316": "Item {item} is in category {category} but its id does not start with "
    "{category}. Correct the id or move the item.",
    "rule.GC319.district": "{year} has a district review but no submission date. Add the submission date.",
    "rule.GC319.city": "{year} has a city sample review but no district review; the city only samples communities the district passed. Add the district review.",
    "rule.GC320": "The {year} self-evaluation was submitted without items {items}; they count "
    "as 0. Add them (write 0 where nothing was earned).",
    "rule.GC330.due": "The {stage} ({review_date}) gives item {item} a rectification due date {due} before the review itself. Correct one of the dates.",
    "rule.GC330.answer": "The answer to the rectification of item {item} is dated {date}, before the {stage} ({review_date}) that asked for it. Correct the date, or move the rectification under its review.",
    "rule.GC331": "The answer ({date}) to the {stage}'s rectification of item {item} does not say what was done. Write it under note.",
    "rule.GC332": "The {stage} of {year} states the verdict rectify but lists no rectifications. List the items with a comment and a due date, or correct the verdict.",
    "rule.GC333": "The {year} self-evaluation scores item {item} at {score} but attaches no evidence (the criteria ask for: {asked}). List the files under evidence, or check the score.",
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
    "rule.GC334": "{folder} belongs to no community: there is no community file with the id {id}. Delete the folder, or rename it to the community's new id.",
    "rule.GC333.many": "The {year} self-evaluation scores items {items} but attaches no evidence to any of them ({count} items the criteria ask evidence for). List the files under evidence, or check the scores.",
    "field.start": "start date",
    "field.due": "due date",
    "field.done_on": "completion date",
    "field.self_date": "self-evaluation date",
    "field.submitted": "submission date",
    "field.district_date": "district review date",
    "field.city_date": "city review date",
    "evidence.absolute": "absolute paths are not allowed",
    "evidence.url": "a URL is not a file; put the file itself into the evidence folder",
    "evidence.backslash": "separate folders with /, not \\",
    "evidence.parent": ".. may not leave the evidence folder",
    "evidence.outside": "it leads outside the data folder",
    "rule.GC360": "Evaluation indicator {id} is not listed under indicators in the score "
    "sheet in force in {year}. {listed}{hint}",
    "rule.GC360.listed": "The sheet lists: {ids}. ",
    "rule.GC361": "There is already an annual evaluation of {year} (evaluation entry {first}): "
    "one a year. Merge them, or correct the year.",
}
