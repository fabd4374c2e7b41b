"""Who took part in a year: communities on file, with a self-evaluation, or
that submitted.  Pure functions over the models; always in batch, then id order."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from greencommunity.models import Community
from greencommunity.models.community import Assessment


def in_order(communities: Sequence[Community]) -> list[Community]:
    """Batch, then id: the order of every list of communities the tool shows."""
    return sorted(communities, key=lambda c: (c.batch, c.id))


def on_file(communities: Sequence[Community], year: int) -> list[Community]:
    """Communities with an assessment entry for *year* (submitted or not)."""
    return in_order([c for c in communities if c.assessment(year) is not None])


def applicants(
    communities: Sequence[Community], year: int, as_of: dt.date | None = None
) -> list[Community]:
    """Communities with a self-evaluation for *year* (made by *as_of*, if given)."""
    return in_order(
        [
            c
            for c in communities
            if (a := c.assessment(year)) is not None
            and a.self is not None
            and (as_of is None or a.self.date <= as_of)
        ]
    )


def submitted_by(assessment: Assessment | None, as_of: dt.date | None = None) -> bool:
    """The application was submitted (has a date), by *as_of* if given."""
    sent = assessment.submitted if assessment is not None else None
    return sent is not None and (as_of is None or sent <= as_of)


def submitted(
    communities: Sequence[Community], year: int, as_of: dt.date | None = None
) -> list[Community]:
    """Communities whose application for *year* was submitted (by *as_of*, if given)."""
    return in_order([c for c in communities if submitted_by(c.assessment(year), as_of)])


def applied_by(community: Community, year: int, as_of: dt.date | None = None) -> bool:
    """The community took part by *year*: it submitted an application (or was
    reviewed, which needs one) in *year* or before, by *as_of* if given."""

    def known(day: dt.date | None) -> bool:
        return day is not None and (as_of is None or day <= as_of)

    return any(
        a.year <= year
        and (
            known(a.submitted)
            or (a.district is not None and known(a.district.date))
            or (a.city is not None and known(a.city.date))
        )
        for a in community.assessments
    )


class UnknownCommunityError(LookupError):
    """No community answers to *token*; ``known`` lists (id, name) of those that exist."""

    def __init__(self, token: str, known: Sequence[tuple[str, str]]) -> None:
        super().__init__(token)
        self.token = token
        self.known = tuple(known)


def find_community(token: str, communities: Sequence[Community]) -> Community:
    """A community by id (songxin), full name (崧鑫居委会) or short name (崧鑫)."""
    wanted = token.strip()
    for community in communities:
        if wanted in (community.id, community.name):
            return community
    short = [c for c in communities if c.name.removesuffix("居委会") == wanted]
    if len(short) == 1:
        return short[0]
    known = sorted((c.id, c.name) for c in communities)
    raise UnknownCommunityError(token, known)
