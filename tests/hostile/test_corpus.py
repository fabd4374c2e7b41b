"""The hostile corpus: broken and malicious files, each with its expected outcome.

Every file in ``files/`` is placed as a community file in a copy of the shipped
data.  Validation must find exactly the expected codes, at positions inside the
file; every other command must finish with a contract exit code (0, 1 or 2) and
never a traceback.
"""

from __future__ import annotations

import json
import os
import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from greencommunity.cli.app import app
from greencommunity.validation import validate
from greencommunity.yamlio import MAX_FILE_BYTES

HERE = Path(__file__).parent
FILES = HERE / "files"
EXPECTED: dict[str, dict[str, object]] = tomllib.loads(
    (HERE / "expected.toml").read_text(encoding="utf-8")
)
runner = CliRunner()
PWNED = Path("/tmp/gc-hostile-pwned")


def _place(data: Path, raw: bytes) -> Path:
    target = data / "communities" / "testcase.yaml"
    target.write_bytes(raw)
    return target


def _inside(raw: bytes, line: int, column: int) -> bool:
    text = raw.decode("utf-8", errors="replace").replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    return 1 <= line <= len(lines) and 1 <= column <= len(lines[line - 1]) + 1


def test_corpus_is_complete() -> None:
    on_disk = sorted(p.name for p in FILES.iterdir())
    assert on_disk == sorted(EXPECTED)
    assert len(on_disk) >= 40


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_validate_finds_exactly_the_expected_codes(name: str, data_copy: Path) -> None:
    raw = (FILES / name).read_bytes()
    target = _place(data_copy, raw)
    result = validate(data_copy, [target])
    expected = EXPECTED[name]
    assert sorted({d.code for d in result.diagnostics}) == expected["codes"]
    if result.diagnostics:
        first = result.diagnostics[0]
        assert f"{first.line}:{first.column}" == expected["at"]
    for diagnostic in result.diagnostics:
        assert _inside(raw, diagnostic.line, diagnostic.column), diagnostic
        assert diagnostic.message.strip()
    assert not PWNED.exists()


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_command_survives(name: str, data_copy: Path) -> None:
    _place(data_copy, (FILES / name).read_bytes())
    data = str(data_copy)
    validated = runner.invoke(app, ["validate", "--data", data, "--format", "json"])
    assert validated.exit_code in (0, 1), validated.output
    json.loads(validated.output)
    for args in (
        ["progress", "--data", data, "--year", "2022", "--format", "json"],
        ["score", "testcase", "--data", data, "--year", "2022"],
        ["status", "--data", data, "--as-of", "2022-11-01"],
    ):
        result = runner.invoke(app, args)
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            args,
            result.exception,
        )
        assert result.exit_code in (0, 1, 2), (args, result.output)
    assert not PWNED.exists()


def test_file_over_the_size_limit(data_copy: Path) -> None:
    raw = b"id: testcase\nname: '" + b"x" * MAX_FILE_BYTES + b"'\nbatch: 2022\n"
    target = _place(data_copy, raw)
    [diagnostic] = validate(data_copy, [target]).diagnostics
    assert (diagnostic.code, diagnostic.line, diagnostic.column) == ("GC107", 1, 1)


def test_symlinked_community_file_leaving_the_data_folder(data_copy: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.yaml"
    secret.write_text("id: testcase\nname: 外部\nbatch: 2022\n", encoding="utf-8")
    link = data_copy / "communities" / "testcase.yaml"
    link.symlink_to(secret)
    [diagnostic] = validate(data_copy, [link]).diagnostics
    assert diagnostic.code == "GC109"


def test_evidence_symlink_leaving_the_data_folder(data_copy: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.jpg"
    outside.write_bytes(b"x")
    folder = data_copy / "evidence" / "testcase"
    folder.mkdir(parents=True)
    (folder / "photo.jpg").symlink_to(outside)
    target = _place(
        data_copy,
        (
            "id: testcase\nname: 测试居委会\nbatch: 2022\nassessments:\n  - year: 2022\n"
            "    self:\n      date: 2022-10-01\n      scores: {'1.1': 1}\n"
            "      evidence: {'1.1': [photo.jpg]}\n"
        ).encode(),
    )
    codes = [(d.code, d.line) for d in validate(data_copy, [target]).diagnostics]
    assert codes == [("GC308", 9)]


def test_directory_named_like_a_community_file(data_copy: Path) -> None:
    folder = data_copy / "communities" / "testcase.yaml"
    folder.mkdir()
    [diagnostic] = validate(data_copy, [folder]).diagnostics
    assert diagnostic.code == "GC109"


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A git repository holding the shipped data, committed once for all cases."""
    import shutil
    import subprocess

    root = tmp_path_factory.mktemp("hostile-repo")
    shutil.copytree(HERE.parents[1] / "data", root / "data")
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.invalid",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.invalid",
    }
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "shipped data"]):
        subprocess.run(["git", "-C", str(root), *args], check=True, env=env)
    return root


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_reports_and_diff_survive(name: str, repo: Path, tmp_path: Path) -> None:
    target = _place(repo / "data", (FILES / name).read_bytes())
    data = str(repo / "data")
    try:
        commands = [
            ["diff", "--data", data, "--format", "json"],
            ["diff", "--data", data, "--format", "markdown"],
            [
                "report",
                "application",
                "testcase",
                "--data",
                data,
                "--year",
                "2022",
                "--format",
                "html",
                "--output",
                str(tmp_path / "a"),
            ],
            [
                "report",
                "summary",
                "--data",
                data,
                "--year",
                "2022",
                "--format",
                "md",
                "--output",
                str(tmp_path / "s"),
            ],
        ]
        for args in commands:
            result = runner.invoke(app, args)
            crashed = result.exception is not None and not isinstance(result.exception, SystemExit)
            assert not crashed, (args, result.exception)
            assert result.exit_code in (0, 1, 2), (args, result.output)
            if args[0] == "diff" and args[-1] == "json":
                assert result.exit_code in (0, 1), result.output
                json.loads(result.output)
        # Nothing half-written: every file the reports left is complete.
        for written in tmp_path.rglob("*"):
            assert not written.name.endswith(".tmp"), written
    finally:
        target.unlink()
    assert not PWNED.exists()
