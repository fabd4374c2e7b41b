"""Cross-file rules: one module per topic, one function per code.

Each rule is a function decorated with ``@rule("GC3xx")`` (``rules/base.py``);
its docstring is the code's documentation in the registry (``codes.py``), shown
by ``gc explain``.  A new rule goes into the module of its topic, or a new module
listed here.
"""

from __future__ import annotations

from greencommunity.codes import Code, declared
from greencommunity.rules import (  # noqa: F401  (importing a module registers its rules)
    criteria_rules,
    dates,
    editions,
    evaluation,
    evidence,
    identity,
    references,
    reviews,
    scores,
    town_rules,
)
from greencommunity.rules.base import REGISTRY, Rule, run_rules

__all__ = ["REGISTRY", "Rule", "all_rules", "registry", "run_rules"]


def registry() -> dict[str, Code]:
    """Every diagnostic code, sorted: GC1xx and GC2xx of ``codes.py`` and the
    rules' GC3xx (declared by importing this package)."""
    return declared()


def all_rules() -> dict[str, Rule]:
    """Every registered rule by code."""
    return dict(sorted(REGISTRY.items()))
