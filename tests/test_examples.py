"""The example score sheets under examples/criteria/: each folder's data set is
validated, scored and rendered through the command line, and every output is
compared with the folder's golden files.

Data-driven: a folder holds ``data/`` (town.yaml, its criteria, communities)
and ``golden/``, whose file names say what to run:

- ``validate.txt``: ``gc validate``;
- ``progress-<year>.json``: ``gc progress --year <year> --format json``;
- ``score-<id>.txt``: ``gc score <id>`` (every community with an assessment has one);
- ``<kind>-<id>.md``: ``gc report <kind> <id>``, a document in Markdown.

``GC_UPDATE_GOLDEN=1`` rewrites the golden files: review the diff.  Documents
are made from a copy of the data outside git, so that the line saying what
they were computed from reads "不在 git 中" on every commit.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from greencommunity.authoring.formatting import Outcome, format_files
from greencommunity.cli.app import app
from greencommunity.validation import validate

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples" / "criteria"
SCHEMAS = REPO / "schemas"
FOLDERS = sorted(p for p in EXAMPLES.iterdir() if (p / "data" / "town.yaml").is_file())
runner = CliRunner()


def _command(golden: Path, data: Path) -> list[str]:
    """The gc command line a golden file's name stands for."""
    name, kind = golden.stem, golden.suffix
    common = ["--no-cache", "--data", str(data)]
    if name == "validate":
        return ["validate", *common]
    head, _, rest = name.partition("-")
    if head == "progress" and kind == ".json":
        return ["progress", *common, "--year", rest, "--format", "json"]
    if head == "score" and kind == ".txt":
        return ["score", *common, rest]
    if kind == ".md":
        return ["report", *common, head, rest]
    raise AssertionError(f"{golden}: no command for this name")


CASES = [(folder, golden) for folder in FOLDERS for golden in sorted((folder / "golden").iterdir())]


def test_there_are_two_example_sheets_beside_the_shipped_one() -> None:
    assert [f.name for f in FOLDERS] == ["checklist", "hundred-points"]


@pytest.mark.parametrize(("folder", "golden"), CASES, ids=[f"{f.name}/{g.name}" for f, g in CASES])
def test_output_matches_golden(folder: Path, golden: Path, tmp_path: Path) -> None:
    data = folder / "data"
    if golden.suffix == ".md":
        data = Path(shutil.copytree(data, tmp_path / "data"))
    result = runner.invoke(app, _command(golden, data))
    assert result.exit_code == 0, result.output
    if os.environ.get("GC_UPDATE_GOLDEN") == "1":
        golden.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("folder", FOLDERS, ids=[f.name for f in FOLDERS])
def test_each_example_validates_is_laid_out_and_is_scored_whole(folder: Path) -> None:
    data = folder / "data"
    assert validate(data).diagnostics == []
    laid_out = format_files([data], check=True)
    assert {f.outcome for f in laid_out.files} == {Outcome.UNCHANGED}
    checked = validate(data).checked()
    assert checked is not None
    scored = {c.id for c in checked.communities if c.assessments}
    goldens = {p.stem.removeprefix("score-") for p in (folder / "golden").glob("score-*.txt")}
    assert goldens == scored
    assert (folder / "golden" / "validate.txt").is_file()
    assert list((folder / "golden").glob("progress-*.json"))
    assert list((folder / "golden").glob("*.md"))


@pytest.mark.parametrize("folder", FOLDERS, ids=[f.name for f in FOLDERS])
def test_each_data_file_points_at_its_schema(folder: Path) -> None:
    """Editors check the examples as they check data/: the modeline of each file
    leads to the repository's schema of its kind."""
    data = folder / "data"
    files = [(data / "town.yaml", "town"), (data / "criteria.yaml", "criteria")]
    files += [(p, "community") for p in sorted((data / "communities").glob("*.yaml"))]
    for path, kind in files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        target = first.removeprefix("# yaml-language-server: $schema=")
        assert target != first, path
        assert (path.parent / target).resolve() == SCHEMAS / f"{kind}.schema.json", path
