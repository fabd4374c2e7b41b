"""Reference rules: every criterion item, department and funding channel named
in a file must exist in its score sheet (criteria.yaml, criteria/<year>.yaml)
or town.yaml."""

from __future__ import annotations

import difflib
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass

from greencommunity.core.rectifications import REVIEW_STAGES
from greencommunity.diagnostics import Diagnostic
from greencommunity.i18n import join, tr
from greencommunity.loading.document import Loc
from greencommunity.loading.slip_values import value_hint
from greencommunity.models import Community, Criteria
from greencommunity.rules.base import Context, Scope, rule


def _hint(name: str, known: list[str], taken: Collection[str] = ()) -> str:
    """The closest known name, unless *taken* already holds it (the other keys
    of the same map: following the hint would write that key twice), and what a
    Chinese input slip in *name* did (房管所、镇经发办 is one name, not two)."""
    free = [k for k in known if k not in taken] if taken else known
    close = difflib.get_close_matches(name, free, n=1, cutoff=0.5)
    hint = tr("schema.did_you_mean", name=close[0]) if close else ""
    return hint + value_hint(name)


def item_references(community: Community) -> Iterator[tuple[Loc, str, bool, Collection[str]]]:
    """Every place a community file names a criterion item: (loc, item id, is
    key, the items named beside it in the same list or map)."""
    for p_index, project in enumerate(community.plan):
        for i_index, item in enumerate(project.items):
            yield ("plan", p_index, "items", i_index), item, False, project.items
    for a_index, assessment in enumerate(community.assessments):
        base: Loc = ("assessments", a_index)
        if assessment.self is not None:
            for section in ("scores", "notes", "evidence"):
                named = getattr(assessment.self, section)
                for item in named:
                    yield (*base, "self", section, item), item, True, named
        for stage in REVIEW_STAGES:
            review = getattr(assessment, stage)
            if review is not None:
                for section in ("rectifications", "scores"):
                    named = getattr(review, section)
                    for item in named:
                        yield (*base, stage, section, item), item, True, named


@rule("GC303", scope=Scope.FILE)
def known_items(ctx: Context) -> Iterator[Diagnostic]:
    """引用的评分条目存在
    评分、说明、佐证和考评的整改要求中引用的评分条目编号必须在该年施行的评分表中存在；
    计划项目的条目须在某个评分表中存在；评分表达标规则中的必达条目、“n 项中至少 k 项”的
    条目和按条目否决的条目须在该评分表中存在。常见原因是条目编号写错或评分表改版后编号
    变了。按评分表更正编号。
    --
    Referenced criterion items exist
    Every criterion item named by a score, a note, an evidence list or a review's
    rectifications must exist in the score sheet in force for the year; a plan
    project's items in some score sheet; the items a sheet's pass rule names
    (required items, k of n, vetoes by item) in that sheet. Usually a typo or a
    renumbered score sheet. Correct the id to one in the score sheet.
    """
    dataset = ctx.dataset
    sheets = [loaded for loaded in dataset.criteria_files() if loaded.model is not None]
    if not sheets:
        return
    # Each sheet's items and name once, each year's sheet once: a data folder
    # names hundreds of thousands of items.
    items = {
        id(loaded): _items(loaded.model.items(), dataset.relative(loaded.doc.path))
        for loaded in sheets
        if loaded.model is not None
    }
    every = list(items.values())
    anywhere = _items((i for sheet in every for i in sheet.ids), join([s.name for s in every]))
    by_year: dict[int, _Items | None] = {}
    for doc, model in ctx.communities():
        for loc, item, is_key, beside in item_references(model):
            known = anywhere
            if loc[0] == "assessments":
                year = model.assessments[int(loc[1])].year
                if year not in by_year:
                    loaded = dataset.criteria_file_for(year)
                    by_year[year] = items.get(id(loaded)) if loaded is not None else None
                found = by_year[year]
                if found is None:
                    continue  # no sheet for the year (GC346), or one that did not load
                known = found
            if item not in known.ids:
                yield ctx.report(
                    doc,
                    loc,
                    "rule.GC303",
                    on_key=is_key,
                    item=item,
                    sheet=known.name,
                    hint=_hint(item, known.listed, beside),
                )
    for loaded in sheets:
        assert loaded.model is not None
        known = items[id(loaded)]
        at_least = loaded.model.pass_rule.at_least
        for loc, item in pass_rule_items(loaded.model):
            if item not in known.ids:
                # A k of n rule's items count once each: never suggest one it names.
                beside = at_least[int(loc[1])].items if loc[0] == "at_least" else ()
                yield ctx.report(
                    loaded.doc,
                    ("pass_rule", *loc),
                    "rule.GC303",
                    item=item,
                    sheet=known.name,
                    hint=_hint(item, known.listed, beside),
                )


@dataclass(frozen=True)
class _Items:
    """The item ids of a sheet (or of every sheet) and its name in messages."""

    ids: frozenset[str]
    listed: list[str]  # sorted, for "did you mean"
    name: str


def _items(ids: Iterable[str], name: str) -> _Items:
    chosen = frozenset(ids)
    return _Items(chosen, sorted(chosen), name)


def pass_rule_items(criteria: Criteria) -> Iterator[tuple[Loc, str]]:
    """The items a sheet's pass rule names, each at its place under pass_rule:
    those that must exist (GC303) and must not be deducted (GC344)."""
    rule = criteria.pass_rule
    for index, required in enumerate(rule.required_items):
        yield ("required_items", index, "item"), required.item
    for index, at_least in enumerate(rule.at_least):
        for position, item in enumerate(at_least.items):
            yield ("at_least", index, "items", position), item
    for index, veto in enumerate(rule.vetoes):
        if veto.item is not None:
            yield ("vetoes", index, "item"), veto.item


@rule("GC304", scope=Scope.FILE)
def known_departments(ctx: Context) -> Iterator[Diagnostic]:
    """部门是 town.yaml 中的部门
    计划项目的牵头部门（lead）和配合部门（partners）、评分条目的牵头部门，必须是
    town.yaml 的 departments 中列出的名称（如 镇规保办、房管所）。名称要一字不差，
    以便按部门汇总逾期项目。按 town.yaml 更正名称，或在 town.yaml 中补充该部门。
    --
    Departments are those of town.yaml
    A project's lead and partner departments, and a criterion item's lead, must be
    names listed under departments in town.yaml (e.g. 镇规保办), character for
    character, so that overdue projects can be grouped by department. Correct the
    name, or add the department to town.yaml.
    """
    town = ctx.dataset.town_model
    if town is None:
        return
    known = [d.name for d in town.departments]
    for doc, model in ctx.communities():
        for p_index, project in enumerate(model.plan):
            names: list[tuple[Loc, str]] = [(("plan", p_index, "lead"), project.lead)]
            names += [(("plan", p_index, "partners", i), n) for i, n in enumerate(project.partners)]
            for loc, name in names:
                if name not in known:
                    yield ctx.report(doc, loc, "rule.GC304", name=name, hint=_hint(name, known))
    for loaded in ctx.dataset.criteria_files():
        if loaded.model is None:
            continue
        for c_index, category in enumerate(loaded.model.categories):
            for i_index, item in enumerate(category.items):
                if item.lead is not None and item.lead not in known:
                    yield ctx.report(
                        loaded.doc,
                        ("categories", c_index, "items", i_index, "lead"),
                        "rule.GC304",
                        name=item.lead,
                        hint=_hint(item.lead, known),
                    )


@rule("GC305", scope=Scope.FILE)
def known_funding(ctx: Context) -> Iterator[Diagnostic]:
    """资金渠道是 town.yaml 中的渠道
    计划项目的资金渠道（funding）必须是 town.yaml 的 funding_channels 中列出的名称，
    如 城镇老旧小区改造、海绵城市建设。没有专项资金的项目可以不写 funding。
    按 town.yaml 更正名称，或在 town.yaml 中补充该渠道。
    --
    Funding channels are those of town.yaml
    A project's funding channel must be a name listed under funding_channels in
    town.yaml. Leave funding out for a project without dedicated funds. Correct the
    name, or add the channel to town.yaml.
    """
    town = ctx.dataset.town_model
    if town is None:
        return
    known = [f.name for f in town.funding_channels]
    for doc, model in ctx.communities():
        for p_index, project in enumerate(model.plan):
            if project.funding is not None and project.funding not in known:
                yield ctx.report(
                    doc,
                    ("plan", p_index, "funding"),
                    "rule.GC305",
                    name=project.funding,
                    hint=_hint(project.funding, known),
                )


@rule("GC347")
def known_role_communities(ctx: Context) -> Iterator[Diagnostic]:
    """roles 中的社区存在
    town.yaml 的 roles 中，某人的 communities（只可修改的社区）必须是 communities/ 中某个
    社区文件的编号。写错的编号不会让那个人多一份权限，只会让他无法修改本应负责的社区，gc audit
    会把他的修改报为越权。按社区文件更正编号。
    --
    Communities named in roles exist
    The communities a person of town.yaml's roles may edit must be ids of files
    in communities/. A misspelt id gives nobody more rights; it keeps the person
    from the community meant, and gc audit reports their changes to it. Correct
    the id to a community file's.
    """
    loaded = ctx.dataset.town
    if loaded is None or loaded.model is None:
        return
    known = sorted(model.id for _, model in ctx.communities())
    ids = set(known)
    for index, person in enumerate(loaded.model.roles):
        for c_index, community in enumerate(person.communities):
            if community not in ids:
                yield ctx.report(
                    loaded.doc,
                    ("roles", index, "communities", c_index),
                    "rule.GC347",
                    id=community,
                    name=person.name,
                    hint=_hint(community, known),
                )
