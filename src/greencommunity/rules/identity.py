"""Identity rules: file names, ids and names that must be unique."""

from __future__ import annotations

from collections.abc import Iterator

from greencommunity.diagnostics import Diagnostic
from greencommunity.i18n import tr
from greencommunity.loading.sources import YAML_SUFFIXES
from greencommunity.models.types import is_community_id, is_ssh_key
from greencommunity.rules.base import Context, rule


@rule("GC301")
def id_matches_file_name(ctx: Context) -> Iterator[Diagnostic]:
    """社区编号与文件名一致
    社区文件中的 ``id`` 必须与文件名一致：``communities/songxin.yaml`` 的 id 应为
    ``songxin``。其他文件和报告都用 id 引用社区，文件名与 id 不一致时无法确定以哪个为准。
    修改文件名或 id，使两者相同；提示只给不会造成新错误的改法（复制的文件不会被建议改名为
    另一个社区已有的文件）。
    --
    Community id equals the file name
    A community file's ``id`` must equal its file name: ``communities/songxin.yaml``
    has id ``songxin``. Other files and reports refer to communities by id, so a
    mismatch leaves it unclear which is meant. Rename the file or change the id;
    only a change that makes no new error is suggested (a copied file is never
    told to take the name of another community's file).
    """
    source = ctx.dataset.source
    for doc, model in ctx.communities():
        if model.id == doc.path.stem:
            continue
        # Renaming onto another community's file, or taking an id that is no
        # id (a file named "华沁 copy.yaml"), would only make another error.
        taken = any(
            source.exists(doc.path.with_name(model.id + suffix)) for suffix in YAML_SUFFIXES
        )
        usable = is_community_id(doc.path.stem)
        fix = _FIXES[(usable, not taken)]
        yield ctx.report(
            doc,
            ("id",),
            "rule.GC301",
            id=model.id,
            stem=doc.path.stem,
            fix=tr(fix, id=model.id, stem=doc.path.stem),
        )


# (the file's name is a usable id, the id is a free file name) → how to fix.
_FIXES = {
    (True, True): "rule.GC301.either",
    (True, False): "rule.GC301.change_id",
    (False, True): "rule.GC301.rename",
    (False, False): "rule.GC301.new_name",
}


@rule("GC302")
def unique(ctx: Context) -> Iterator[Diagnostic]:
    """编号和名称不重复
    同一类事物的编号或名称必须唯一：社区名称、项目编号（同一社区内）、申报年度（同一社区内）、
    部门名称、资金渠道名称、目标年度、评分类别和条目编号，以及 roles 中各人的邮箱和签名公钥
    （一人一个邮箱，一把公钥只属于一人，否则提交无法对应到人）。重复时引用会指向不确定的对象。
    删除或合并重复的一项。
    --
    Ids and names are unique
    Ids and names must be unique within their kind: community names, project ids
    (within a community), assessment years (within a community), department and
    funding channel names, target years, category and item ids, and the e-mail
    addresses and signing keys of town.yaml's roles (one address per person, a
    key belongs to one person, or a commit cannot be told whose it is). A
    duplicate makes references ambiguous. Remove or merge the duplicate.
    """
    names: dict[str, str] = {}
    for doc, model in ctx.communities():
        if model.name in names:
            yield ctx.report(doc, ("name",), "rule.GC302", what=model.name, first=names[model.name])
        else:
            names[model.name] = doc.display
        seen_projects: set[str] = set()
        for index, project in enumerate(model.plan):
            if project.id in seen_projects:
                yield ctx.report(
                    doc, ("plan", index, "id"), "rule.GC302", what=project.id, first=doc.display
                )
            seen_projects.add(project.id)
        seen_years: set[int] = set()
        for index, assessment in enumerate(model.assessments):
            if assessment.year in seen_years:
                yield ctx.report(
                    doc,
                    ("assessments", index, "year"),
                    "rule.GC302",
                    what=assessment.year,
                    first=doc.display,
                )
            seen_years.add(assessment.year)
    if ctx.dataset.town and ctx.dataset.town.model:
        town, doc = ctx.dataset.town.model, ctx.dataset.town.doc
        groups: list[tuple[str, list[str]]] = [
            ("departments", [d.name for d in town.departments]),
            ("funding_channels", [f.name for f in town.funding_channels]),
            ("targets", [str(t.year) for t in town.targets]),
            ("phases", [p.name for p in town.phases]),
        ]
        for section, values in groups:
            seen: set[str] = set()
            for index, value in enumerate(values):
                if value in seen:
                    field = "year" if section == "targets" else "name"
                    yield ctx.report(
                        doc, (section, index, field), "rule.GC302", what=value, first=doc.display
                    )
                seen.add(value)
        emails: set[str] = set()
        keys: set[str] = set()
        for index, person in enumerate(town.roles):
            email = person.email.casefold()
            if email in emails:
                yield ctx.report(
                    doc,
                    ("roles", index, "email"),
                    "rule.GC302",
                    what=person.email,
                    first=doc.display,
                )
            emails.add(email)
            for k_index, key in enumerate(person.keys):
                # An SSH key is its type and base64; the comment after them is free.
                same = " ".join(key.split()[:2]) if is_ssh_key(key) else key.strip()
                if same in keys:
                    shown = same[:40] + "…"
                    yield ctx.report(
                        doc,
                        ("roles", index, "keys", k_index),
                        "rule.GC302",
                        what=shown,
                        first=doc.display,
                    )
                keys.add(same)
    for loaded in ctx.dataset.criteria_files():
        if loaded.model is None:
            continue
        criteria, doc = loaded.model, loaded.doc
        seen_vetoes: set[str] = set()
        for v_index, veto in enumerate(criteria.pass_rule.vetoes):
            if veto.id in seen_vetoes:
                yield ctx.report(
                    doc,
                    ("pass_rule", "vetoes", v_index, "id"),
                    "rule.GC302",
                    what=veto.id,
                    first=doc.display,
                )
            seen_vetoes.add(veto.id)
        seen_categories: set[int] = set()
        seen_items: set[str] = set()
        for c_index, category in enumerate(criteria.categories):
            if category.id in seen_categories:
                yield ctx.report(
                    doc,
                    ("categories", c_index, "id"),
                    "rule.GC302",
                    what=category.id,
                    first=doc.display,
                )
            seen_categories.add(category.id)
            for i_index, item in enumerate(category.items):
                if item.id in seen_items:
                    yield ctx.report(
                        doc,
                        ("categories", c_index, "items", i_index, "id"),
                        "rule.GC302",
                        what=item.id,
                        first=doc.display,
                    )
                seen_items.add(item.id)
