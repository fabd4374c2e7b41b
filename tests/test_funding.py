"""The one funding roll-up: exact sums per channel, in town.yaml's order."""

from __future__ import annotations

from fractions import Fraction

from greencommunity.core.funding import by_channel, programme_funding
from tests.factories import make_community, make_town
from tests.test_deadlines import COMMUNITIES, _plan

TOWN = make_town(10)


def test_by_channel_in_town_order_without_funding_last() -> None:
    funding = programme_funding(TOWN, COMMUNITIES)
    assert [(f.channel, f.projects, f.budget, f.spent) for f in funding.lines] == [
        ("海绵城市建设", 1, Fraction(10), Fraction(4)),
        (None, 1, Fraction(11, 2), Fraction(0)),
    ]
    assert (funding.projects, funding.budget, funding.spent) == (2, Fraction(31, 2), Fraction(4))


def test_sums_are_exact() -> None:
    """0.1 + 0.2 is 0.3 in 万元, not 0.30000000000000004."""
    community = make_community(
        "c1",
        2022,
        plan=[
            _plan(id="a", budget=0.1, spent=0.1),
            _plan(id="b", budget=0.2, spent=0.2),
        ],
    )
    funding = by_channel(TOWN, community.plan)
    assert funding.budget == Fraction(3, 10)
    assert funding.lines[0].spent == Fraction(3, 10)


def test_cancelled_projects_count_only_if_they_spent_money() -> None:
    community = make_community(
        "c1",
        2022,
        plan=[
            _plan(id="a", status="cancelled", spent=0, done_on=None),
            _plan(id="b", status="cancelled", spent=2),
            _plan(id="c"),
        ],
    )
    funding = programme_funding(TOWN, [community])
    assert funding.projects == 2
    assert funding.spent == 6


def test_channel_order_follows_town_yaml() -> None:
    community = make_community(
        "c1",
        2022,
        plan=[
            _plan(id="a", funding="智慧城市建设"),
            _plan(id="b", funding=None),
            _plan(id="c", funding="海绵城市建设"),
        ],
    )
    channels = [line.channel for line in by_channel(TOWN, community.plan).lines]
    assert channels == ["海绵城市建设", "智慧城市建设", None]
