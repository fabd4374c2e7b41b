"""Pydantic models: the single definition of every data file format."""

from pydantic import BaseModel

from greencommunity.models.community import Community
from greencommunity.models.criteria import Criteria
from greencommunity.models.town import Town

# Each kind of data file and its model: the JSON Schemas (schema.py), the
# files validation checked (loading/dataset.py) and the reports by kind.
KINDS: dict[str, type[BaseModel]] = {
    "town": Town,
    "criteria": Criteria,
    "community": Community,
}

__all__ = ["KINDS", "Community", "Criteria", "Town"]
