"""The committed JSON Schemas are generated from the models and never drift."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from ruamel.yaml import YAML

from greencommunity.schema import KINDS, file_name, schema_text

REPO = Path(__file__).resolve().parent.parent
SCHEMAS = REPO / "schemas"
DATA = REPO / "data"


@pytest.mark.parametrize("kind", list(KINDS))
def test_committed_schema_matches_models(kind: str) -> None:
    committed = (SCHEMAS / file_name(kind)).read_text(encoding="utf-8")
    assert committed == schema_text(kind), "run `make schemas` and commit the result"


def _modeline(path: Path) -> str:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
    assert match, f"{path} lacks the yaml-language-server modeline"
    return match.group(1)


def _data_files() -> list[tuple[Path, str]]:
    files = [(DATA / "town.yaml", "town"), (DATA / "criteria.yaml", "criteria")]
    files += [(p, "community") for p in sorted((DATA / "communities").glob("*.yaml"))]
    return files


@pytest.mark.parametrize(("path", "kind"), _data_files(), ids=lambda v: getattr(v, "name", v))
def test_shipped_files_point_at_their_schema_and_satisfy_it(path: Path, kind: str) -> None:
    target = (path.parent / _modeline(path)).resolve()
    assert target == (SCHEMAS / file_name(kind)).resolve()
    schema = json.loads(target.read_text(encoding="utf-8"))
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    # Editors see dates as strings, as the schema declares.
    jsonschema.validate(json.loads(json.dumps(data, default=str)), schema)
