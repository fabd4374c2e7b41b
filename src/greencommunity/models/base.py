from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Strict(BaseModel):
    """Base of every file model: unknown keys are errors, so a typo never passes."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)
