"""Rules on a community file against the score sheet of each assessment's
year: a sheet is in force for the year, and the vetoes a sheet records are
that sheet's.

Both depend on the community file and the criteria files alone (every one of
them: which is in force for a year depends on which years have a file), so
they are ``Scope.FILE`` rules, cached with the file (``validation._rules_context``
puts every criteria file into the cache context).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from greencommunity import labels
from greencommunity.core.status import STAGES
from greencommunity.diagnostics import Diagnostic
from greencommunity.i18n import join, tr
from greencommunity.loading.dataset import CRITERIA_DIR, CRITERIA_FILE
from greencommunity.rules.base import Context, Scope, rule


@rule("GC343", scope=Scope.FILE)
def known_vetoes(ctx: Context) -> Iterator[Diagnostic]:
    """记录的否决项在评分表中
    自评或考评的 vetoes 下记录的一票否决情形，必须是该年度施行的评分表 pass_rule.vetoes 中
    列出的编号。否则工具不知道适用哪一条，这条否决不会计入结果。按评分表更正编号，或在评分表
    中补上该否决项。
    --
    Recorded vetoes are on the score sheet
    A veto recorded under ``vetoes`` of a self-evaluation or a review must be an
    id listed under ``pass_rule.vetoes`` of the score sheet in force for the
    year. Otherwise gc cannot tell which veto applies, and it is not counted.
    Correct the id, or add the veto to the score sheet.
    """
    for doc, model in ctx.communities():
        for a_index, assessment in enumerate(model.assessments):
            criteria = ctx.dataset.criteria_for(assessment.year)
            if criteria is None:
                continue  # no sheet for the year (GC346), or one that did not load
            known = [veto.id for veto in criteria.pass_rule.vetoes]
            for stage in STAGES:
                sheet = getattr(assessment, stage)
                if sheet is None:
                    continue
                for veto in sheet.vetoes:
                    if veto in known:
                        continue
                    close = difflib.get_close_matches(veto, known, n=1, cutoff=0.5)
                    yield ctx.report(
                        doc,
                        ("assessments", a_index, stage, "vetoes", veto),
                        "rule.GC343",
                        on_key=True,
                        veto=veto,
                        year=assessment.year,
                        stage=labels.stage(stage),
                        known=join(known) if known else tr("rule.GC343.none"),
                        hint=tr("schema.did_you_mean", name=close[0]) if close else "",
                    )


@rule("GC346", scope=Scope.FILE)
def sheet_in_force(ctx: Context) -> Iterator[Diagnostic]:
    """申报年度有施行的评分表
    每个申报年度都要有施行的评分表：criteria/ 中不晚于该年的年份文件，或 criteria.yaml（在
    第一个年份文件之前的年度施行）。只有 criteria/2022.yaml 时，2021 年的申报无法评分。
    补上该年的评分表（如 criteria/2021.yaml 或 criteria.yaml），或更正申报年度。
    --
    Each assessment year has a score sheet in force
    Every assessment year needs a sheet in force: a file of criteria/ named for
    that year or an earlier one, or criteria.yaml (in force before the first
    year file). With criteria/2022.yaml alone, a 2021 assessment cannot be
    scored. Add that year's sheet (criteria/2021.yaml or criteria.yaml), or
    correct the year.
    """
    years = [year for year, _ in ctx.dataset.criteria_years]
    if ctx.dataset.root / CRITERIA_FILE in ctx.dataset.files or not years:
        return  # criteria.yaml covers every year (loaded or not); no sheet at all is GC109
    for doc, model in ctx.communities():
        for a_index, assessment in enumerate(model.assessments):
            if assessment.year < years[0]:
                yield ctx.report(
                    doc,
                    ("assessments", a_index, "year"),
                    "rule.GC346",
                    year=assessment.year,
                    first=f"{CRITERIA_DIR}/{years[0]}.yaml",
                    file=CRITERIA_FILE,
                )
