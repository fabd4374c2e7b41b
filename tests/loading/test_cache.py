"""The cache: what a warm run says is what a cold run says, and a bad cache is never trusted.

Each test validates a data folder with problems of every layer (a syntax
error, a schema error, a one-file rule, a cross-file rule, an input slip), so
"the same diagnostics" covers every kind of entry.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from greencommunity.cli.app import app
from greencommunity.diagnostics import Diagnostic
from greencommunity.i18n import set_language
from greencommunity.loading import cache, dataset
from greencommunity.models import Community
from greencommunity.validation import validate
from tests.conftest import SHIPPED_DATA

runner = CliRunner()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The shipped data with one problem of each kind added."""
    root = tmp_path / "town" / "data"
    shutil.copytree(SHIPPED_DATA, root)
    communities = root / "communities"
    # A syntax error, and a schema error (an unknown key).
    (communities / "broken.yaml").write_text("id: broken\nname: [坏\n", encoding="utf-8")
    text = (communities / "songxin.yaml").read_text(encoding="utf-8")
    (communities / "songxin.yaml").write_text(text + "unknown_key: 1\n", encoding="utf-8")
    # A one-file rule (GC301, the id differs from the file name) and a
    # cross-file one (GC302, a name used twice).
    text = (communities / "longlian.yaml").read_text(encoding="utf-8")
    (communities / "copy.yaml").write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    where = tmp_path / "cache"
    monkeypatch.setenv(cache.DIR_VARIABLE, str(where))
    yield where


def _diagnostics(root: Path) -> list[Diagnostic]:
    """Through the cache, as the command line reads."""
    return validate(root, cache=True).diagnostics


def _cold(root: Path) -> list[Diagnostic]:
    return validate(root).diagnostics


def _cache_file(where: Path) -> Path:
    (found,) = where.glob("*.json")
    return found


def test_warm_says_what_cold_says(folder: Path, cache_dir: Path) -> None:
    cold = _cold(folder)
    assert {d.code for d in cold} >= {"GC102", "GC201", "GC301", "GC302"}
    assert _diagnostics(folder) == cold  # writes the cache
    assert _diagnostics(folder) == cold  # reads it


def test_a_warm_run_parses_nothing(
    folder: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cold = _diagnostics(folder)

    def no_parsing(*args: object) -> None:
        raise AssertionError("parsed a file the cache holds")

    monkeypatch.setattr(dataset, "document_from_bytes", no_parsing)
    monkeypatch.setattr(Community, "model_validate", no_parsing)
    # The broken file has no entry: it is read again (and reported again) each time.
    (folder / "communities" / "broken.yaml").unlink()
    warm = _diagnostics(folder)
    assert warm == [d for d in cold if not d.path.endswith("/broken.yaml")]


def test_a_changed_file_is_read_again(folder: Path, cache_dir: Path) -> None:
    _diagnostics(folder)
    path = folder / "communities" / "songxin.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("unknown_key: 1\n", ""), "utf-8")
    warm = _diagnostics(folder)
    assert warm == _cold(folder)
    assert not any(d.code == "GC201" and "songxin" in d.path for d in warm)


def test_a_changed_town_finds_the_one_file_rules_again(folder: Path, cache_dir: Path) -> None:
    _diagnostics(folder)
    town = folder / "town.yaml"
    # Every community's projects name 镇规保办 as lead or partner somewhere; a
    # town without that department makes GC304 appear in community files.
    text = town.read_text(encoding="utf-8")
    assert "镇规保办" in text
    town.write_text(text.replace("镇规保办", "镇规划办"), encoding="utf-8")
    warm = _diagnostics(folder)
    assert warm == _cold(folder)
    assert any(d.code == "GC304" and "/communities/" in d.path for d in warm)


def test_a_new_year_sheet_finds_the_one_file_rules_again(folder: Path, cache_dir: Path) -> None:
    """criteria/2022.yaml without item 5.4: every 2022 score of 5.4 becomes
    GC303 (and 2021's stay valid), though no community file changed."""
    _diagnostics(folder)
    text = (folder / "criteria.yaml").read_text(encoding="utf-8")
    cut = text.index('      - id: "5.4"')
    (folder / "criteria").mkdir()
    (folder / "criteria" / "2022.yaml").write_text(
        text[:cut].replace("total: 100", "total: 96"), encoding="utf-8"
    )
    warm = _diagnostics(folder)
    assert warm == _cold(folder)
    unknown = [d for d in warm if d.code == "GC303" and "/communities/" in d.path]
    assert unknown and all("criteria/2022.yaml" in d.message for d in unknown)


def test_a_renamed_file_is_checked_under_its_new_name(folder: Path, cache_dir: Path) -> None:
    _diagnostics(folder)
    communities = folder / "communities"
    (communities / "copy.yaml").rename(communities / "longlian2.yaml")
    warm = _diagnostics(folder)
    assert warm == _cold(folder)
    assert any(d.code == "GC301" and d.path.endswith("longlian2.yaml") for d in warm)


def _damage(where: Path, how: str) -> None:
    path = _cache_file(where)
    stored = path.read_bytes()
    if how == "garbage":
        path.write_bytes(b"\x00\xff not json")
    elif how == "truncated":
        path.write_bytes(stored[: len(stored) // 2])
    else:
        document = json.loads(stored)
        if how == "foreign":
            document["environment"] = "another-gc"
        elif how == "future":
            document["format"] = cache.FORMAT + 1
        elif how == "bad entries":
            for key in document["entries"]:
                document["entries"][key] = [None, [[1, "x"]], [], "", []]
        elif how == "wrong model":
            for entry in document["entries"].values():
                if entry[0] is not None:
                    entry[0] = '{"id": 5}'
        path.write_text(json.dumps(document), encoding="utf-8")


@pytest.mark.parametrize(
    "how", ["garbage", "truncated", "foreign", "future", "bad entries", "wrong model"]
)
def test_a_damaged_cache_is_ignored_and_rebuilt(folder: Path, cache_dir: Path, how: str) -> None:
    cold = _diagnostics(folder)
    _damage(cache_dir, how)
    assert _diagnostics(folder) == cold
    rebuilt = json.loads(_cache_file(cache_dir).read_bytes())
    assert rebuilt["format"] == cache.FORMAT
    assert rebuilt["environment"] == cache.environment()
    assert _diagnostics(folder) == cold


def test_only_the_entries_used_are_kept(folder: Path, cache_dir: Path) -> None:
    _diagnostics(folder)
    before = set(json.loads(_cache_file(cache_dir).read_bytes())["entries"])
    (folder / "communities" / "songxin.yaml").unlink()
    _diagnostics(folder)
    after = set(json.loads(_cache_file(cache_dir).read_bytes())["entries"])
    assert len(after) == len(before) - 1


def test_messages_follow_the_language(folder: Path, cache_dir: Path) -> None:
    chinese = _diagnostics(folder)
    set_language("en")
    english = _diagnostics(folder)
    assert english == _cold(folder)
    assert [d.message for d in english] != [d.message for d in chinese]


def test_an_unwritable_cache_costs_only_time(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would be", encoding="utf-8")
    monkeypatch.setenv(cache.DIR_VARIABLE, str(blocker / "cache"))
    assert _diagnostics(folder) == _cold(folder)


# ------------------------------------------------------------------ command line


def test_beside_the_data_folder_by_default(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(cache.DIR_VARIABLE)
    result = runner.invoke(app, ["validate", "--data", str(folder)])
    assert result.exit_code == 1
    assert _cache_file(folder.parent / cache.DIR_NAME).is_file()


def test_no_cache_reads_and_writes_none(folder: Path, cache_dir: Path) -> None:
    result = runner.invoke(app, ["validate", "--no-cache", "--data", str(folder)])
    assert result.exit_code == 1
    assert not cache_dir.exists()
    again = runner.invoke(app, ["validate", "--data", str(folder)])
    assert again.stdout == result.stdout
    assert _cache_file(cache_dir).is_file()


@pytest.mark.slow
def test_concurrent_runs_never_corrupt_it(folder: Path, tmp_path: Path) -> None:
    env = {**os.environ, cache.DIR_VARIABLE: str(tmp_path / "shared")}
    command = [sys.executable, "-m", "greencommunity", "validate", "--data", str(folder)]
    runs = [
        subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(4)
    ]
    outputs = {run.communicate(timeout=120)[0] for run in runs}
    assert len(outputs) == 1
    json.loads(_cache_file(tmp_path / "shared").read_bytes())
    after = subprocess.run(command, env=env, capture_output=True, timeout=120, check=False)
    assert {after.stdout} == outputs


def test_a_file_read_on_past_its_slips_is_kept_whole(
    folder: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The five mistakes of one file, a full-width colon first: its entry keeps
    the slip, the schema's errors and the rules' findings on what was set
    aside, and a warm run gives them all again without parsing it."""
    five = Path(__file__).parents[1] / "corpus" / "files" / "five_mistakes.yaml"
    shutil.copyfile(five, folder / "communities" / "testcase.yaml")
    cold = _cold(folder)
    found = sorted((d.code, d.line, d.column) for d in cold if d.path.endswith("/testcase.yaml"))
    assert found == [
        ("GC102", 2, 5),
        ("GC201", 4, 1),
        ("GC204", 11, 10),
        ("GC303", 18, 9),
        ("GC304", 9, 11),
    ]
    assert _diagnostics(folder) == cold  # writes the cache
    (folder / "communities" / "broken.yaml").unlink()  # the one file read again each time
    cold = _cold(folder)

    def no_parsing(*args: object) -> None:
        raise AssertionError("parsed a file the cache holds")

    monkeypatch.setattr(dataset, "document_from_bytes", no_parsing)
    monkeypatch.setattr(Community, "model_validate", no_parsing)
    assert _diagnostics(folder) == cold


def test_a_model_made_past_errors_is_never_counted(folder: Path, cache_dir: Path) -> None:
    """The five mistakes' file has a model for the rules, cold and warm, but it
    is partial: not among the data counted (a diff's share, an import's file)."""
    five = Path(__file__).parents[1] / "corpus" / "files" / "five_mistakes.yaml"
    shutil.copyfile(five, folder / "communities" / "testcase.yaml")
    for _ in ("cold", "warm"):
        result = validate(folder, cache=True)
        assert result.dataset is not None
        [loaded] = [c for c in result.dataset.communities if c.doc.path.stem == "testcase"]
        assert loaded.model is not None and loaded.partial and loaded.sound is None
        assert "testcase" not in {c.id for c in result.dataset.community_models()}
