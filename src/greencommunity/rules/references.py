"""Reference rules: every criterion item, department and funding channel named
in a file must exist in criteria.yaml or town.yaml."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from greencommunity.diagnostics import Diagnostic
from greencommunity.i18n import tr
from greencommunity.loading.document import Loc
from greencommunity.loading.slips import value_hint
from greencommunity.models import Community
from greencommunity.rules.base import Context, Scope, rule


def _hint(name: str, known: list[str]) -> str:
    """The closest known name, and what a Chinese input slip in *name* did
    (房管所、镇经发办 is one name, not two)."""
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.5)
    hint = tr("schema.did_you_mean", name=close[0]) if close else ""
    return hint + value_hint(name)


def item_references(community: Community) -> Iterator[tuple[Loc, str, bool]]:
    """Every place a community file names a criterion item: (loc, item id, is key)."""
    for p_index, project in enumerate(community.plan):
        for i_index, item in enumerate(project.items):
            yield ("plan", p_index, "items", i_index), item, False
    for a_index, assessment in enumerate(community.assessments):
        base: Loc = ("assessments", a_index)
        if assessment.self is not None:
            for section in ("scores", "notes", "evidence"):
                for item in getattr(assessment.self, section):
                    yield (*base, "self", section, item), item, True
        for stage in ("district", "city"):
            review = getattr(assessment, stage)
            if review is not None:
                for section in ("rectifications", "scores"):
                    for item in getattr(review, section):
                        yield (*base, stage, section, item), item, True


@rule("GC303", scope=Scope.FILE)
def known_items(ctx: Context) -> Iterator[Diagnostic]:
    """引用的评分条目存在
    计划项目、评分、说明、佐证和考评的整改要求中引用的评分条目编号必须在 criteria.yaml 中存在，
    达标规则中的必达条目也一样。常见原因是条目编号写错或评分表改版后编号变了。
    按 criteria.yaml 更正编号。
    --
    Referenced criterion items exist
    Every criterion item named by a plan project, a score, a note, an evidence list,
    a review's rectifications or the pass rule's required items must exist in
    criteria.yaml. Usually a typo
    or a renumbered score sheet. Correct the id to one in criteria.yaml.
    """
    criteria = ctx.dataset.criteria_model
    if criteria is None:
        return
    known = sorted(criteria.items())
    for doc, model in ctx.communities():
        for loc, item, is_key in item_references(model):
            if item not in known:
                yield ctx.report(
                    doc, loc, "rule.GC303", on_key=is_key, item=item, hint=_hint(item, known)
                )
    assert ctx.dataset.criteria is not None
    for index, required in enumerate(criteria.pass_rule.required_items):
        if required.item not in known:
            yield ctx.report(
                ctx.dataset.criteria.doc,
                ("pass_rule", "required_items", index, "item"),
                "rule.GC303",
                item=required.item,
                hint=_hint(required.item, known),
            )


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
    if ctx.dataset.criteria and ctx.dataset.criteria.model:
        for c_index, category in enumerate(ctx.dataset.criteria.model.categories):
            for i_index, item in enumerate(category.items):
                if item.lead is not None and item.lead not in known:
                    yield ctx.report(
                        ctx.dataset.criteria.doc,
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
