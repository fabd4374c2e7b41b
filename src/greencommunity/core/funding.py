"""Money by funding channel: the one roll-up, exact, for ``gc status`` and the
application report alike.  Amounts are in 万元, summed as exact fractions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from greencommunity.figures import exact
from greencommunity.models import Community, Town
from greencommunity.models.community import Project, ProjectStatus


@dataclass(frozen=True)
class FundingLine:
    channel: str | None  # None: projects without dedicated funding
    projects: int
    budget: Fraction
    spent: Fraction


@dataclass(frozen=True)
class Funding:
    lines: tuple[FundingLine, ...]

    @property
    def projects(self) -> int:
        return sum(line.projects for line in self.lines)

    @property
    def budget(self) -> Fraction:
        return sum((line.budget for line in self.lines), Fraction(0))

    @property
    def spent(self) -> Fraction:
        return sum((line.spent for line in self.lines), Fraction(0))


def by_channel(town: Town, projects: Sequence[Project]) -> Funding:
    """*projects* summed per funding channel, in town.yaml's order of channels;
    a channel town.yaml does not list (rule GC305) after them, projects without
    dedicated funding last."""
    sums: dict[str | None, tuple[int, Fraction, Fraction]] = {}
    for project in projects:
        count, budget, spent = sums.get(project.funding, (0, Fraction(0), Fraction(0)))
        sums[project.funding] = (
            count + 1,
            budget + exact(project.budget or 0),
            spent + exact(project.spent or 0),
        )
    order = {c.name: i for i, c in enumerate(town.funding_channels)}

    def key(channel: str | None) -> tuple[int, str]:
        if channel is None:
            return (len(order) + 1, "")
        return (order.get(channel, len(order)), channel)

    return Funding(
        tuple(
            FundingLine(channel, count, budget, spent)
            for channel, (count, budget, spent) in sorted(sums.items(), key=lambda kv: key(kv[0]))
        )
    )


def programme_funding(town: Town, communities: Sequence[Community]) -> Funding:
    """The whole plan's money: every project of every community, except
    cancelled projects that spent nothing."""
    projects = [
        p
        for c in communities
        for p in c.plan
        if not (p.status is ProjectStatus.CANCELLED and not p.spent)
    ]
    return by_channel(town, projects)
