"""``gc new``: a community file to fill in, valid as soon as it exists.

Every section is present with a short comment per field; the plan is empty,
with a commented example project; the assessment of the batch year has its
self-assessment sheet commented out, one line per item of the town's score
sheet, ready to be filled in, and an example of its evidence list.  The file
is laid out as ``gc fmt`` would.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from greencommunity import atomic, figures
from greencommunity.authoring import template
from greencommunity.authoring.errors import AuthoringError
from greencommunity.codes import BAD_ID
from greencommunity.i18n import join, tr
from greencommunity.loading.dataset import COMMUNITIES_DIR, load_dataset
from greencommunity.loading.document import display_path
from greencommunity.loading.values import describe
from greencommunity.models import Criteria
from greencommunity.models.types import CommunityId

_ID = TypeAdapter(CommunityId)
# An item's title in the commented score line is cut here: the line is a
# reminder of what the item is, the sheet itself holds the whole text.
TITLE_WIDTH = 24
SCORE_LINE = '    #     "{id}":  # {title}（{points} 分）'
SCORE_EXAMPLE = '    #     "1.1": 4'
EVIDENCE_LINE = '    #     "{id}": [{files}]'
# Files of the evidence example: the first materials the sheet asks for.
EVIDENCE_SHOWN = 2
EVIDENCE_EXAMPLE = "议事会会议记录"


@dataclass(frozen=True)
class NewCommunity:
    path: Path
    community_id: str
    name: str
    batch: int


def check_id(community_id: str) -> str:
    """*community_id* when it keeps the id rule of the community model (the one
    rule: ``models.types.CommunityId``), else the rule it breaks."""
    try:
        return _ID.validate_python(community_id)
    except ValidationError:
        # The model's own words for the rule, and its code (gc explain names it).
        problem = tr("schema.gc_community_id", field="gc new", value=describe(community_id))
        raise AuthoringError("new.bad_id", problem=problem, code=BAD_ID.id) from None


def community_text(community_id: str, name: str, batch: int, criteria: Criteria | None) -> str:
    """The new file's text; the score lines list *criteria*'s items when known."""
    return template.render(
        "new-community.yaml.tmpl",
        id=community_id,
        name=name,
        name_value=template.yaml_value(name),
        batch=str(batch),
        score_lines=_score_lines(criteria),
        evidence_line=_evidence_line(criteria, batch),
    )


def create(data_dir: Path, community_id: str, name: str, batch: int) -> NewCommunity:
    """Write ``communities/<id>.yaml`` in *data_dir*; refuse what would not validate."""
    community_id = check_id(community_id)
    checked = template.one_line(name)
    if checked is None:
        raise AuthoringError("new.bad_name")
    name = checked
    folder = data_dir / COMMUNITIES_DIR
    path = folder / f"{community_id}.yaml"
    for existing in (path, path.with_suffix(".yml")):
        if existing.exists():
            raise AuthoringError("new.exists", path=display_path(existing))
    dataset = load_dataset(data_dir)
    town = dataset.town_model
    if town is not None and batch not in (years := [t.year for t in town.targets]):
        raise AuthoringError(
            "new.batch_not_target", batch=batch, years=join([str(year) for year in years])
        )
    taken = {c.name: c.id for c in dataset.community_models()}
    if name in taken:
        raise AuthoringError("new.name_taken", name=name, other=taken[name])
    # Its first sheet is scored by the criteria in force in its batch's year.
    criteria = dataset.criteria_for(batch)
    atomic.write_text(path, community_text(community_id, name, batch, criteria))
    return NewCommunity(path, community_id, name, batch)


def _score_lines(criteria: Criteria | None) -> str:
    if criteria is None:
        return SCORE_EXAMPLE
    return "\n".join(
        SCORE_LINE.format(
            id=item.id, title=_shorten(item.title), points=figures.points(item.points)
        )
        for item in criteria.items().values()
    )


def _evidence_line(criteria: Criteria | None, batch: int) -> str:
    """The evidence example: the first item the sheet asks materials for, with
    a file for each of the first of them (a GC333 warning otherwise awaits
    every scored item that lists none)."""
    items = list(criteria.items().values()) if criteria is not None else []
    asking = next((item for item in items if item.evidence), None)
    item_id = asking.id if asking else items[0].id if items else "1.1"
    asked = asking.evidence[:EVIDENCE_SHOWN] if asking else [EVIDENCE_EXAMPLE]
    files = ", ".join(_in_brackets(f"{name}-{batch}.pdf") for name in asked)
    return EVIDENCE_LINE.format(id=item_id, files=files)


def _in_brackets(value: str) -> str:
    """*value* as an entry of a bracketed list, where , [ ] { } end a plain one."""
    written = template.yaml_value(value)
    if written[0] not in "\"'" and any(char in written for char in ",[]{}"):
        return json.dumps(value, ensure_ascii=False)
    return written


def _shorten(title: str) -> str:
    return title if len(title) <= TITLE_WIDTH else title[: TITLE_WIDTH - 1] + "…"
