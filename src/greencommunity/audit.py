"""Who changed what, and whether their role allows it (``gc audit``).

Each commit of a walk (``loading/provenance.walk``) is compared with its
parents file by file and field by field (``core/diffing.field_changes``); each
changed field is attributed to the commit's person (the verified signer, else
the person of ``roles:`` whose e-mail the author gave) and checked against
what that person's role covers, by the roles in force before the commit.

Who covers what:

- ``town``: the community's profile, plan, submissions, self-evaluations, the
  answers to rectification requests (the community answers through the town),
  and town.yaml except ``roles:``;
- ``district``: the district review (verdict, scores, notes, vetoes,
  rectification requests and their closing), and ``roles:`` itself: a change of
  who may do what needs a district person, by the same attribution as any
  other field;
- ``city``: the city sample review, rectification requests included.

Before ``roles:`` exist (the commit that introduces them included: its parent
has none), changes are listed with ``allowed`` None: no rule is in force.
"""

from __future__ import annotations

from dataclasses import dataclass

from greencommunity.codes import (
    BAD_SIGNATURE,
    COMMUNITY_NOT_ALLOWED,
    NOT_IN_ROLES,
    ROLE_NOT_ALLOWED,
    UNSIGNED,
    Code,
)
from greencommunity.core.diffing import FieldPath, field_changes
from greencommunity.loading.dataset import Dataset
from greencommunity.loading.document import Document
from greencommunity.loading.provenance import Step, Walk
from greencommunity.models import Community
from greencommunity.models.town import Person, Role

# Where a change is, beyond the review stages: an assessment's ``submitted``,
# the plan, the rest of a community file, town.yaml and its roles.
SUBMITTED, PLAN, PROFILE, TOWN, ROLES = "submitted", "plan", "profile", "town", "roles"
REVIEWS: tuple[str, ...] = ("district", "city")
STAGE_ROLE: dict[str, Role] = {
    PROFILE: "town",
    PLAN: "town",
    SUBMITTED: "town",
    "self": "town",
    "district": "district",
    "city": "city",
    TOWN: "town",
    ROLES: "district",
}
# With --require-signed these need a verified signature: the reviews, and who may write them.
SIGNED_STAGES = frozenset({*REVIEWS, ROLES})


@dataclass(frozen=True)
class Place:
    """Where a field is: the file, its community, year, stage, the field's path
    inside the stage, and its path in the file (for a line number)."""

    path: str  # the file as the diagnostics show it
    community: str | None
    year: int | None
    stage: str
    field: tuple[str | int, ...]
    line: int  # of the field in the commit's file (of what holds it, when removed)
    column: int


@dataclass(frozen=True)
class AuditChange:
    step: Step
    place: Place
    before: str | None
    after: str | None
    person: Person | None
    allowed: bool | None  # None: no roles: in force
    code: Code | None  # why it is not allowed

    @property
    def field(self) -> str:
        return ".".join(str(p) for p in self.place.field)

    @property
    def signer(self) -> Person | None:
        return self.step.signature.signer


@dataclass(frozen=True)
class AuditResult:
    changes: tuple[AuditChange, ...]
    commits: int  # commits walked
    require_signed: bool

    @property
    def violations(self) -> tuple[AuditChange, ...]:
        return tuple(c for c in self.changes if c.allowed is False)


def role_for(stage: str, field: FieldPath) -> Role:
    """The role that may change *field* of *stage*."""
    if stage in REVIEWS and field[:1] == ("rectifications",) and field[2:3] == ("answer",):
        return "town"
    return STAGE_ROLE[stage]


def _loc(model: object, path: FieldPath) -> tuple[str | int, ...]:
    """*path* (list entries by key) as the file's path (list entries by position)."""
    loc: list[str | int] = []
    current: object = model
    for part in path:
        if isinstance(current, list):
            index = next(
                (
                    i
                    for i, entry in enumerate(current)
                    if any(getattr(entry, k, None) == part for k in ("year", "id", "email", "name"))
                ),
                None,
            )
            if index is None:
                break
            loc.append(index)
            current = current[index]
        elif isinstance(current, dict):
            loc.append(str(part))
            current = current.get(str(part))
        else:
            loc.append(str(part))
            current = getattr(current, str(part), None)
    return tuple(loc)


def _community_place(doc: Document, model: Community, field: FieldPath) -> Place:
    line, column = doc.position(_loc(model, field))
    if field[0] == "assessments" and len(field) >= 3:
        stage = str(field[2])
        inner = field[3:] if stage != SUBMITTED else (SUBMITTED,)
        return Place(doc.display, model.id, int(field[1]), stage, inner, line, column)
    if field[0] == "plan":
        return Place(doc.display, model.id, None, PLAN, field[1:], line, column)
    return Place(doc.display, model.id, None, PROFILE, field, line, column)


def _town_place(doc: Document, model: object, field: FieldPath) -> Place:
    line, column = doc.position(_loc(model, field))
    stage = ROLES if field[0] == "roles" else TOWN
    inner = field[1:] if stage == ROLES else field
    return Place(doc.display, None, None, stage, inner, line, column)


def _communities(dataset: Dataset | None) -> dict[str, tuple[Document, Community]]:
    if dataset is None:
        return {}
    return {c.model.id: (c.doc, c.model) for c in dataset.communities if c.model is not None}


def _town(dataset: Dataset | None) -> tuple[Document, object] | None:
    if dataset is None or dataset.town is None or dataset.town.model is None:
        return None
    return dataset.town.doc, dataset.town.model


def _field_changes(step: Step) -> list[tuple[Place, str | None, str | None]]:
    """Each field the commit changed.  A merge changed only what differs from
    every parent: what a branch brought is the branch's commits'."""
    after = _communities(step.after)
    befores = [_communities(b) for b in step.before] or [{}]
    found: list[tuple[Place, str | None, str | None]] = []
    for cid in sorted({*after, *befores[0]}):
        new = after.get(cid)
        old = befores[0].get(cid)
        others = [b.get(cid) for b in befores[1:]]
        shown = new or old
        assert shown is not None
        doc, model = shown
        for change in field_changes(old[1] if old else None, new[1] if new else None):
            if any(_value(o[1] if o else None, change.what) == change.after for o in others):
                continue
            found.append((_community_place(doc, model, change.what), change.before, change.after))
    town_after, town_before = _town(step.after), _town(step.before[0] if step.before else None)
    others_town = [_town(b) for b in step.before[1:]]
    shown_town = town_after or town_before
    if shown_town is not None:
        for change in field_changes(
            town_before[1] if town_before else None, town_after[1] if town_after else None
        ):
            if any(_value(o[1] if o else None, change.what) == change.after for o in others_town):
                continue
            place = _town_place(shown_town[0], shown_town[1], change.what)
            found.append((place, change.before, change.after))
    return found


def _value(model: object | None, what: FieldPath) -> str | None:
    from greencommunity.core.diffing import recorded_fields

    return recorded_fields(model).get(what) if model is not None else None


def _verdict(step: Step, place: Place, require_signed: bool) -> tuple[bool | None, Code | None]:
    if step.roles is None:
        return None, None
    if step.signature.bad:
        return False, BAD_SIGNATURE
    person = step.person()
    if person is None:
        return False, NOT_IN_ROLES
    if person.role != role_for(place.stage, place.field):
        return False, ROLE_NOT_ALLOWED
    if (
        place.community is not None
        and person.communities
        and place.community not in person.communities
    ):
        return False, COMMUNITY_NOT_ALLOWED
    if require_signed and place.stage in SIGNED_STAGES and not step.signature.verified:
        return False, UNSIGNED
    return True, None


def audit(
    walked: Walk, *, require_signed: bool = False, community: str | None = None
) -> AuditResult:
    """Every field the walk's commits changed, attributed and checked."""
    changes: list[AuditChange] = []
    for step in walked.steps:
        for place, before, after in _field_changes(step):
            if community is not None and place.community != community:
                continue
            allowed, code = _verdict(step, place, require_signed)
            changes.append(AuditChange(step, place, before, after, step.person(), allowed, code))
    return AuditResult(tuple(changes), len(walked.steps), require_signed)
