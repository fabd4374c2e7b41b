"""Review-loop rules: what a review asks to rectify, and the community's answers.

Each depends on the community file alone (with criteria.yaml), never on
today's date: whether a rectification is overdue is ``gc status``'s question.
An item a rectification names must exist in criteria.yaml (GC303); answers'
evidence files must exist and stay inside the data folder (GC307, GC308).
"""

from __future__ import annotations

from collections.abc import Iterator

from greencommunity import labels
from greencommunity.core.rectifications import REVIEW_STAGES
from greencommunity.diagnostics import Diagnostic
from greencommunity.loading.document import Loc
from greencommunity.models import Community
from greencommunity.models.community import Rectification, Review, Verdict
from greencommunity.rules.base import Context, Scope, rule


def reviews(community: Community) -> Iterator[tuple[Loc, int, str, Review]]:
    """Every district and city review: (its place, its year, its stage, itself)."""
    for index, assessment in enumerate(community.assessments):
        for stage in REVIEW_STAGES:
            review: Review | None = getattr(assessment, stage)
            if review is not None:
                yield ("assessments", index, stage), assessment.year, stage, review


def rectifications(
    community: Community,
) -> Iterator[tuple[Loc, str, str, Review, Rectification]]:
    """Every rectification: (its place, its item, the stage, its review, itself)."""
    for base, _, stage, review in reviews(community):
        for item, asked in review.rectifications.items():
            yield (*base, "rectifications", item), item, stage, review, asked


@rule("GC330", scope=Scope.FILE)
def rectification_after_review(ctx: Context) -> Iterator[Diagnostic]:
    """整改期限和答复在考评之后
    考评要求整改的条目，整改期限（due）不能早于考评日期，社区的答复日期（answer 的
    date）也不能早于考评日期：先有考评提出的整改要求，才有整改和答复。日期颠倒通常是
    录入错误，或把整改写到了另一次考评下。更正日期，或把整改移到对应的考评下。
    --
    Rectification due dates and answers come after the review
    A rectification's due date cannot be before the review that asks for it,
    nor can the community's answer (the answer's date): the review asks first,
    then the community rectifies and answers. Reversed dates are usually a typing
    error, or a rectification written under the wrong review. Correct the date,
    or move the rectification to its review.
    """
    for doc, model in ctx.communities():
        for loc, item, stage, review, asked in rectifications(model):
            if asked.due < review.date:
                yield ctx.report(
                    doc,
                    (*loc, "due"),
                    "rule.GC330.due",
                    stage=labels.stage(stage),
                    review_date=review.date,
                    item=item,
                    due=asked.due,
                )
            if asked.answer is not None and asked.answer.date < review.date:
                yield ctx.report(
                    doc,
                    (*loc, "answer", "date"),
                    "rule.GC330.answer",
                    stage=labels.stage(stage),
                    review_date=review.date,
                    item=item,
                    date=asked.answer.date,
                )


@rule("GC331", scope=Scope.FILE)
def answer_says_what_was_done(ctx: Context) -> Iterator[Diagnostic]:
    """整改答复写明做了什么
    社区对整改的答复（answer）必须在 note 中写明整改情况：做了什么、何时完成。只有日期
    或只有佐证材料的答复，区里无法复核，也无法写进报告。补写 note，佐证材料放在
    evidence 下。
    --
    An answer says what was done
    The community's answer to a rectification must say under note what was done
    and when. An answer with only a date or only evidence files cannot be
    checked by the reviewers nor shown in the documents. Write the note; list
    the evidence under evidence.
    """
    for doc, model in ctx.communities():
        for loc, item, stage, _, asked in rectifications(model):
            answer = asked.answer
            if answer is not None and not answer.note:
                yield ctx.report(
                    doc,
                    (*loc, "answer"),
                    "rule.GC331",
                    on_key=True,
                    stage=labels.stage(stage),
                    item=item,
                    date=answer.date,
                )


@rule("GC332", scope=Scope.FILE)
def rectify_lists_items(ctx: Context) -> Iterator[Diagnostic]:
    """需整改的结论列出整改条目
    结论为需整改（verdict: rectify）的考评必须在 rectifications 下列出要整改的条目，
    每条写整改意见（comment）和期限（due）。否则社区不知道改什么，gc status 也无法
    跟踪整改。列出条目，或更正结论。
    --
    A verdict of rectify lists the items
    A review whose verdict is rectify (需整改) must list the items to rectify
    under rectifications, each with a comment and a due date; otherwise the
    community does not know what to do and gc status cannot follow it up. List
    the items, or correct the verdict.
    """
    for doc, model in ctx.communities():
        for base, year, stage, review in reviews(model):
            if review.verdict is Verdict.RECTIFY and not review.rectifications:
                yield ctx.report(
                    doc,
                    (*base, "verdict"),
                    "rule.GC332",
                    stage=labels.stage(stage),
                    year=year,
                )
