"""Evidence rules: referenced files exist and stay inside the data folder, and
a scored item has some of the evidence criteria.yaml asks for."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from pathlib import Path

from greencommunity.diagnostics import Diagnostic, Severity
from greencommunity.figures import points
from greencommunity.i18n import join, tr
from greencommunity.loading.dataset import EVIDENCE_DIR
from greencommunity.loading.document import Loc
from greencommunity.loading.slip_values import value_hint
from greencommunity.loading.sources import FileSource, Place
from greencommunity.models import Community
from greencommunity.rules.base import Context, Scope, rule
from greencommunity.rules.reviews import rectifications

_WINDOWS_ABSOLUTE = re.compile(r"^[A-Za-z]:[\\/]|^\\\\")
# A URL (http://, file:///…) is not a file in the repository.
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def evidence_problem(community_id: str, reference: str, source: FileSource) -> str | None:
    """Why *reference* is not a usable evidence path of the community, as the
    catalog key of the reason, or None.  *source* is where the files live."""
    reason = _written_wrong(reference)
    if reason is None and source.locate(evidence_file(community_id, reference)) is Place.OUTSIDE:
        return "evidence.outside"
    return reason


def evidence_file(community_id: str, reference: str) -> str:
    """The evidence file *reference* of a community, relative to the data folder."""
    return f"{EVIDENCE_DIR}/{community_id}/{reference}"


def _written_wrong(reference: str) -> str | None:
    """Why the text of *reference* cannot be an evidence path, whatever the disk holds."""
    if reference.startswith("/"):
        return "evidence.absolute"
    # The patterns need a colon or a backslash; most paths have neither.
    if ":" in reference or "\\" in reference:
        if _WINDOWS_ABSOLUTE.match(reference):
            return "evidence.absolute"
        if _URL.match(reference):
            return "evidence.url"
        if "\\" in reference:
            return "evidence.backslash"
    if ".." in reference and ".." in reference.split("/"):
        return "evidence.parent"
    return None


def evidence_references(community: Community) -> Iterator[tuple[Loc, str]]:
    """Every evidence file a community file names: its self-evaluations' and its
    answers to rectifications'."""
    for loc, reference, _ in evidence_lists(community):
        yield loc, reference


def evidence_lists(community: Community) -> Iterator[tuple[Loc, str, list[str]]]:
    """``evidence_references``, each with the list it is in."""
    for a_index, assessment in enumerate(community.assessments):
        if assessment.self is None:
            continue
        for item_id, files in assessment.self.evidence.items():
            for f_index, reference in enumerate(files):
                loc = ("assessments", a_index, "self", "evidence", item_id, f_index)
                yield loc, reference, files
    for asked_at, _, _, _, asked in rectifications(community):
        if asked.answer is not None:
            answered = asked.answer.evidence
            for f_index, reference in enumerate(answered):
                yield (*asked_at, "answer", "evidence", f_index), reference, answered


@rule("GC307")
def evidence_exists(ctx: Context) -> Iterator[Diagnostic]:
    """佐证材料文件存在
    自测评分表和整改答复的 evidence 中列出的每个佐证材料文件都必须存在，路径相对于
    ``data/evidence/<社区编号>/``。文件名要与磁盘上的一致（包括大小写和扩展名）。
    把文件放到该目录下，或更正路径；该目录中有名字相近的文件时，提示会指出它。社区编号
    与文件名不一致时（GC301），不知道该找哪个目录，先不检查佐证材料。
    --
    Evidence files exist
    Every evidence file listed in a self-evaluation or an answer to a
    rectification must exist, relative to
    ``data/evidence/<community id>/``, with the exact name (case and extension).
    Put the file there or correct the path; the nearest name among the folder's
    files is suggested. While the id differs from the file
    name (GC301), the folder is unsure and evidence is not checked.
    """
    source = ctx.dataset.source
    for doc, model in ctx.communities():
        if model.id != doc.path.stem:
            continue  # GC301: one cause, not one more error per evidence file
        for loc, reference, beside in evidence_lists(model):
            # A path written wrong or leading outside is GC308's.
            if _written_wrong(reference) is not None:
                continue
            if source.locate(evidence_file(model.id, reference)) is Place.MISSING:
                folder = f"{EVIDENCE_DIR}/{model.id}"
                yield ctx.report(
                    doc,
                    loc,
                    "rule.GC307",
                    file=reference,
                    folder=f"{folder}/",
                    hint=_nearest(reference, folder, beside, source) + value_hint(reference),
                )


def _nearest(reference: str, folder: str, beside: list[str], source: FileSource) -> str:
    """ "Did you mean" the existing file of *folder* nearest to *reference*
    (台账-2O22.md for 台账-2022.md), never one the same list already names
    nor one that leads outside the data folder; "" when none is near."""
    listed = [
        name
        for name in source.files_below(folder)
        if name not in beside and not any(part.startswith(".") for part in name.split("/"))
    ]
    for close in difflib.get_close_matches(reference, listed, n=3, cutoff=0.6):
        if source.locate(f"{folder}/{close}") is Place.FILE:
            return tr("schema.did_you_mean", name=close)
    return ""


@rule("GC308")
def evidence_inside(ctx: Context) -> Iterator[Diagnostic]:
    """佐证材料路径在数据目录内
    佐证材料路径必须是相对路径，用 ``/`` 分隔，且不能离开数据目录：不能以 ``/`` 或
    ``C:\\`` 开头，不能含 ``..``，也不能是指向数据目录外的符号链接。这样数据仓库在任何
    电脑上检出后都能找到同样的文件，报告也不会读取仓库外的文件。把文件复制到
    ``data/evidence/<社区编号>/`` 下并写相对路径。
    --
    Evidence paths stay inside the data folder
    Evidence paths must be relative, use ``/``, and stay inside the data folder: no
    leading ``/`` or ``C:\\``, no ``..``, no symlink leading outside. Then every
    checkout finds the same files and no report reads outside the repository. Copy
    the file under ``data/evidence/<community id>/`` and give its relative path.
    """
    source = ctx.dataset.source
    for doc, model in ctx.communities():
        for loc, reference in evidence_references(model):
            reason = evidence_problem(model.id, reference, source)
            if reason is not None:
                yield ctx.report(doc, loc, "rule.GC308", file=reference, reason=tr(reason))


@rule("GC333", Severity.WARNING, scope=Scope.FILE)
def scored_items_have_evidence(ctx: Context) -> Iterator[Diagnostic]:
    """得分条目附有佐证材料
    已报送的自测评分表中，得分（大于 0）的条目应至少附一份佐证材料：该年评分表中该
    条目的 evidence 列出了需提供的材料，而自测评分表 evidence 下该条目一份也没有。
    考评时没有佐证的得分往往不被认可。把材料放到 ``data/evidence/<社区编号>/`` 下并在
    evidence 中列出，或核对得分。评分表没有要求材料的条目、未报送的草稿不在此列。每份
    评分表只提示一次，列出所有这样的条目，位置在第一个条目。
    --
    Scored items have evidence
    In a submitted self-evaluation, an item scored above 0 should have at least
    one evidence file when the year's score sheet lists evidence for it: the sheet lists
    none for that item. A score without evidence is often not accepted by the
    reviewers. Put the files under ``data/evidence/<community id>/`` and list
    them under evidence, or check the score. Items the criteria ask no evidence
    for, and drafts not yet submitted, are not checked. Each sheet is warned
    once, listing every such item, at the first of them.
    """
    # The evidence each sheet asks for, once per sheet rather than per assessment.
    asked_by_sheet: dict[int, dict[str, list[str]]] = {}
    for doc, model in ctx.communities():
        for a_index, assessment in enumerate(model.assessments):
            sheet = assessment.self
            criteria = ctx.dataset.criteria_for(assessment.year)
            # A draft is still being put together, as for GC320.
            if sheet is None or assessment.submitted is None or criteria is None:
                continue
            asked = asked_by_sheet.get(id(criteria))
            if asked is None:
                asked = asked_by_sheet[id(criteria)] = {
                    i: item.evidence for i, item in criteria.items().items() if item.evidence
                }
            bare = [
                item_id
                for item_id, score in sheet.scores.items()
                if score > 0 and item_id in asked and not sheet.evidence.get(item_id)
            ]
            if not bare:
                continue
            # Once per sheet, at its first such item: a sheet freshly submitted
            # without evidence is one thing to do, not a warning per item.
            loc = ("assessments", a_index, "self", "scores", bare[0])
            if len(bare) == 1:
                yield ctx.report(
                    doc,
                    loc,
                    "rule.GC333",
                    year=assessment.year,
                    item=bare[0],
                    score=points(sheet.scores[bare[0]]),
                    asked=join(asked[bare[0]]),
                )
            else:
                yield ctx.report(
                    doc,
                    loc,
                    "rule.GC333.many",
                    year=assessment.year,
                    items=join(bare),
                    count=len(bare),
                )


@rule("GC334", Severity.WARNING)
def evidence_folder_has_a_community(ctx: Context) -> Iterator[Diagnostic]:
    """佐证材料目录属于某个社区
    ``evidence/`` 下的每个目录都应以一个社区文件的编号命名（``evidence/songxin/`` 对应
    ``communities/songxin.yaml``）。删除或改名社区文件时，它的佐证材料目录常被遗忘：
    这些材料再也没有评分表引用，却仍随仓库上报。请删除该目录，或把它改成社区的新编号。
    --
    Each evidence folder belongs to a community
    Each folder under ``evidence/`` is named for a community file's id
    (``evidence/songxin/`` for ``communities/songxin.yaml``). Deleting or renaming a
    community file often leaves its evidence folder behind: files no score sheet cites
    any more, still shipped with the repository. Delete the folder, or rename it to the
    community's new id.
    """
    dataset = ctx.dataset
    # A file that does not load still names its community: its folder is not an orphan.
    known = {Path(name).stem for name in dataset.community_files()}
    known |= {model.id for _, model in ctx.communities()}
    for name in dataset.source.folders_in(EVIDENCE_DIR):
        if name not in known:
            shown = dataset.source.show(dataset.root / EVIDENCE_DIR / name, dataset.base)
            message = tr("rule.GC334", folder=f"{EVIDENCE_DIR}/{name}/", id=name)
            yield ctx.code.at(shown, 1, 1, message)
