"""Pydantic models: the single definition of every data file format."""

from greencommunity.models.community import Community
from greencommunity.models.criteria import Criteria
from greencommunity.models.town import Town

__all__ = ["Community", "Criteria", "Town"]
