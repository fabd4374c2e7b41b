"""``gc audit``: who changed each verdict, score, review and plan, and whether
their role allows it — for people (text) and machines (json, github, sarif);
and, with ``--community``, who recorded each sheet of one community."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from greencommunity import codes, formats, labels
from greencommunity.codes import Code
from greencommunity.diagnostics import Diagnostic
from greencommunity.i18n import join, tr, trn
from greencommunity.output import MAX_SHOWN, jsonout, layout, sarif
from greencommunity.output.validate import workflow_commands

if TYPE_CHECKING:
    from rich.console import RenderableType

    from greencommunity.audit import AuditChange, AuditResult, Place
    from greencommunity.loading.provenance import Record, RecordKey
    from greencommunity.output import Rendered

# Stages that are not a sheet (the sheets' words are labels.stage).
STAGE: dict[str, str] = {
    "submitted": "audit.stage.submitted",
    "plan": "audit.stage.plan",
    "profile": "audit.stage.profile",
    "town": "audit.stage.town",
    "roles": "audit.stage.roles",
}
# Why a change is not allowed: the code's message.
MESSAGE: dict[Code, str] = {
    codes.ROLE_NOT_ALLOWED: "audit.role",
    codes.COMMUNITY_NOT_ALLOWED: "audit.community",
    codes.NOT_IN_ROLES: "audit.not_in_roles",
    codes.UNSIGNED: "audit.unsigned",
    codes.BAD_SIGNATURE: "audit.bad_signature",
}


@dataclass(frozen=True)
class AuditReport:
    result: AuditResult
    data: Path  # the data folder (SARIF's paths are relative to its repository)


@dataclass(frozen=True)
class RecordsReport:
    community: str
    records: Mapping[RecordKey, Record]
    verdicts: Mapping[RecordKey, str | None]  # each sheet's written verdict


def stage(value: str) -> str:
    return labels.stage(value) if value in labels.STAGE else tr(STAGE[value])


def where(place: Place) -> str:
    """佳煌 2022 年区级初审, town.yaml …"""
    if place.community is None:
        return stage(place.stage)
    if place.year is None:
        return tr("audit.where.community", community=place.community, stage=stage(place.stage))
    return tr(
        "audit.where.sheet",
        community=place.community,
        year=place.year,
        stage=stage(place.stage),
    )


def _value(value: str | None) -> str:
    return tr("audit.none") if value is None else value


def who(change: AuditChange) -> str:
    """The person the change is attributed to, as the text view names them."""
    person = change.person
    if person is not None:
        return tr("audit.person", name=person.name, email=person.email)
    return tr("audit.person", name=change.step.author, email=change.step.email)


def message(change: AuditChange) -> str:
    code = change.code
    assert code is not None
    person = change.person
    place = change.place
    params: dict[str, object] = {
        "commit": change.step.short,
        "who": who(change),
        "where": where(place),
        "field": change.field,
        "before": _value(change.before),
        "after": _value(change.after),
    }
    if code is codes.ROLE_NOT_ALLOWED:
        assert person is not None
        from greencommunity.audit import role_for

        params |= {
            "role": labels.role(person.role),
            "needed": labels.role(role_for(place.stage, place.field)),
        }
    elif code is codes.COMMUNITY_NOT_ALLOWED:
        assert person is not None
        params["communities"] = join(list(person.communities))
    elif code is codes.UNSIGNED:
        params["status"] = labels.signature(change.step.signature.status)
    return tr(MESSAGE[code], **params)


def diagnostics(result: AuditResult) -> list[Diagnostic]:
    """Each violation as a diagnostic at the field's line in the commit's file."""
    out = []
    for change in result.violations:
        code: Code | None = change.code
        assert code is not None
        place = change.place
        out.append(code.at(place.path, place.line, place.column, message(change)))
    return out


def _mark(change: AuditChange) -> str:
    if change.allowed is None:
        return tr("audit.mark.unchecked")
    if change.allowed:
        return tr("audit.mark.allowed")
    assert change.code is not None
    return change.code.id


def summary(result: AuditResult) -> str:
    commits = trn("audit.count.commits", result.commits)
    changes = trn("audit.count.changes", len(result.changes))
    if result.violations:
        return tr(
            "audit.summary_failed",
            commits=commits,
            changes=changes,
            violations=trn("audit.count.violations", len(result.violations)),
        )
    return tr("audit.summary_ok", commits=commits, changes=changes)


def text(report: AuditReport) -> RenderableType:
    """A table of the changes, the violations with their codes, a summary."""
    from rich.console import Group
    from rich.text import Text

    result = report.result
    parts: list[RenderableType] = []
    if result.changes:
        table = layout.table(show_edge=False)
        for key in (
            "audit.col.commit",
            "audit.col.person",
            "audit.col.where",
            "audit.col.field",
            "audit.col.change",
            "audit.col.result",
        ):
            table.add_column(tr(key))
        for change in result.changes[:MAX_SHOWN]:
            signed = tr("audit.signed_mark") if change.step.signature.verified else ""
            table.add_row(
                f"{change.step.short} {change.step.time.date().isoformat()}",
                who(change) + signed,
                where(change.place),
                change.field,
                tr("audit.arrow", before=_value(change.before), after=_value(change.after)),
                _mark(change),
            )
        parts.append(table)
        hidden = len(result.changes) - MAX_SHOWN
        if hidden > 0:
            parts.append(Text(trn("audit.more_not_shown", hidden), style="bold"))
    for d in diagnostics(result):
        line = Text()
        line.append(d.place, style="bold")
        line.append(": ")
        line.append(f"{labels.severity(d.severity)} {d.code}", style="bold red")
        line.append(f" {d.message}")
        parts.append(line)
    style = "bold red" if result.violations else "bold green"
    parts.append(Text(summary(result), style=style))
    return Group(*parts)


def _change_json(change: AuditChange) -> dict[str, object]:
    signer = change.signer
    return {
        "commit": change.step.commit,
        "author": change.step.author,
        "email": change.step.email,
        "signer": signer.email if signer is not None else None,
        "signed": change.step.signature.verified,
        "community": change.place.community,
        "year": change.place.year,
        "stage": change.place.stage,
        "field": change.field,
        "before": change.before,
        "after": change.after,
        "allowed": change.allowed,
    }


def json(report: AuditReport) -> str:
    """``changes`` (one object per changed field) and ``violations`` (a count): the contract."""
    result = report.result
    return jsonout.dumps(
        {
            "changes": [_change_json(c) for c in result.changes],
            "violations": len(result.violations),
        }
    )


def github(report: AuditReport) -> str:
    """One ``::error`` line per violation, at the field in the commit's file."""
    return workflow_commands(diagnostics(report.result))


def sarif_log(report: AuditReport) -> str:
    """SARIF 2.1.0: one result per violation, the GC5xx rules among gc's."""
    return sarif.log(diagnostics(report.result), report.data)


FORMATS: dict[str, Callable[[AuditReport], Rendered]] = {
    formats.TEXT: text,
    formats.JSON: json,
    formats.GITHUB: github,
    formats.SARIF: sarif_log,
}


# ------------------------------------------------------------------ --community


def _rows(report: RecordsReport) -> list[tuple[RecordKey, Record | None]]:
    keys = sorted(report.verdicts, key=lambda k: (k[1], list(labels.STAGE).index(k[2])))
    return [(key, report.records.get(key)) for key in keys]


def records_text(report: RecordsReport) -> RenderableType:
    """Each sheet of the community: its verdict, who recorded it, when, where."""
    from rich.console import Group
    from rich.text import Text

    rows = _rows(report)
    if not rows:
        return Text(tr("audit.records.none", community=report.community))
    table = layout.table(
        title=tr("audit.records.title", community=report.community), show_edge=False
    )
    for key in (
        "audit.col.year",
        "audit.col.stage",
        "audit.col.verdict",
        "audit.col.person",
        "audit.col.date",
        "audit.col.commit",
        "audit.col.signed",
    ):
        table.add_column(tr(key))
    for (_, year, sheet), record in rows:
        verdict = report.verdicts[(report.community, year, sheet)]
        shown = labels.verdict(verdict) if verdict is not None else tr("audit.none")
        if record is None:
            table.add_row(str(year), stage(sheet), shown, tr("audit.records.unknown"), "", "", "")
            continue
        table.add_row(
            str(year),
            stage(sheet),
            shown,
            tr("audit.person", name=record.name, email=record.email),
            record.day.isoformat(),
            record.short,
            tr("audit.yes") if record.signed else tr("audit.no"),
        )
    return Group(table)


def records_json(report: RecordsReport) -> str:
    return jsonout.dumps(
        {
            "community": report.community,
            "records": [
                {
                    "year": year,
                    "stage": sheet,
                    "verdict": report.verdicts[(report.community, year, sheet)],
                    "name": record.name if record else None,
                    "email": record.email if record else None,
                    "date": record.day.isoformat() if record else None,
                    "commit": record.commit if record else None,
                    "signed": record.signed if record else False,
                }
                for (_, year, sheet), record in _rows(report)
            ],
        }
    )


RECORD_FORMATS: dict[str, Callable[[RecordsReport], Rendered]] = {
    formats.TEXT: records_text,
    formats.JSON: records_json,
}
