"""Reproducible builds and provenance on every output, from a real data repository.

The same data commit, options and gc version give byte-identical files in
every format and the same site, whatever the machine's zone and the hour (two
builds in other processes, a minute apart on their clocks, in UTC+14 and
UTC-12); every file says what it was made from, on paper and in its
metadata, and says "含未提交的修改" when the data folder has uncommitted edits.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
import openpyxl
import pytest

from greencommunity.cli.app import app
from greencommunity.core import years
from greencommunity.documents.kinds import KINDS
from greencommunity.provenance import of
from tests.documents.helpers import pdf_fields, pdf_info, pdf_text, require_weasyprint, shipped
from tests.git.conftest import GitData, make_repo, shared

# Every document kind in every format it has, signed on the same day: the
# day of the submission, when no annual evaluation exists yet (the first is
# filed on 2022-12-20), so the evaluation kind is left out here.
DATE = "2022-10-30"
BUILDS: list[tuple[str, ...]] = [
    (kind.name, fmt, *(("jiayu",) if kind.scope == "community" else ()))
    for kind in KINDS.values()
    if kind.every != "evaluations"
    for fmt in kind.formats
]
# A process whose clock is *shift* seconds ahead, in the zone TZ names.
SHIFTED = (
    "import sys, time; real = time.time; time.time = lambda: real() + {shift}; "
    "sys.argv = ['gc', *sys.argv[1:]]; from greencommunity.cli.entry import main; main()"
)


def _gc(args: list[str], *, zone: str = "Asia/Shanghai", shift: int = 0) -> None:
    env = {**os.environ, "TZ": zone, "GC_WORKERS": "1"}
    env.pop(years.EPOCH_VARIABLE, None)
    done = subprocess.run(
        [sys.executable, "-c", SHIFTED.format(shift=shift), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def _build(data: Path, out: Path, *, zone: str, shift: int, kinds: list[tuple[str, ...]]) -> None:
    for kind, fmt, *communities in kinds:
        folder = out / f"{kind}-{fmt}"
        options = ["--data", str(data), "--date", DATE, "--format", fmt, "-o", str(folder)]
        _gc(["report", kind, *communities, *options], zone=zone, shift=shift)
    _gc(["site", "--data", str(data), "-o", str(out / "site")], zone=zone, shift=shift)


def _files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


@pytest.fixture(scope="module")
def committed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GitData]:
    yield from shared(make_repo(tmp_path_factory.mktemp("reproducible")))


@pytest.mark.slow
def test_two_builds_in_other_zones_a_minute_apart_are_the_same_bytes(
    committed: GitData, tmp_path: Path
) -> None:
    require_weasyprint()
    _build(committed.data, tmp_path / "east", zone="Pacific/Kiritimati", shift=0, kinds=BUILDS)
    _build(committed.data, tmp_path / "west", zone="Etc/GMT+12", shift=61, kinds=BUILDS)
    east, west = _files(tmp_path / "east"), _files(tmp_path / "west")
    suffixes = {name.rsplit(".", 1)[-1] for name in east}
    assert {"md", "html", "pdf", "docx", "xlsx", "js", "json"} <= suffixes
    assert sorted(east) == sorted(west)
    assert [name for name in sorted(east) if east[name] != west[name]] == []


# ------------------------------------------------------------- what each file says


def _words(repo: GitData, day: dt.date) -> str:
    sheet = shipped().criteria.criteria_for(2022)
    return of(repo.data, years.Day(day, asked=True)).for_criteria(sheet).words()


def _said(path: Path) -> tuple[str, str]:
    """(what *path* shows a reader, what its metadata say) of a written file."""
    suffix = path.suffix
    if suffix == ".md":
        return path.read_text(encoding="utf-8").splitlines()[-1], ""
    if suffix == ".html":
        text = path.read_text(encoding="utf-8")
        line = re.search(r'<p class="provenance">(.*?)</p>', text)
        meta = re.search(r'<meta name="description" content="(.*?)">', text)
        assert line is not None and meta is not None, path
        return line.group(1), meta.group(1)
    if suffix == ".pdf":
        xmp = pdf_info(path, "-meta")
        assert pdf_fields(path)["Subject"] in xmp
        return pdf_text(path), pdf_fields(path)["Subject"]
    if suffix == ".docx":
        word = docx.Document(str(path))
        return word.paragraphs[-1].text, word.core_properties.comments
    if suffix == ".xlsx":
        book = openpyxl.load_workbook(path)
        sheet = book.worksheets[0]
        cells = [str(c) for row in sheet.iter_rows(values_only=True) for c in row if c]
        return cells[-1], book.properties.description or ""
    raise AssertionError(path)


@pytest.mark.slow
@pytest.mark.parametrize("dirty", [False, True], ids=["committed", "uncommitted"])
def test_every_format_says_what_it_was_made_from(
    repo: GitData, tmp_path: Path, dirty: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    require_weasyprint()
    monkeypatch.delenv(years.EPOCH_VARIABLE, raising=False)
    if dirty:
        repo.edit("communities/xiangjia.yaml", lambda t: t + "# 待核对\n")
    words = _words(repo, dt.date(2022, 10, 30))
    assert repo.head()[:8] in words
    assert ("含未提交的修改" in words) is dirty
    runner = CliRunner()
    # The submission is made from uncommitted data only when asked (test_verify).
    allowed = ["--allow-dirty"] if dirty else []
    for kind, fmt, *communities in BUILDS:
        out = tmp_path / f"{kind}-{fmt}"
        args = ["report", kind, *communities, "--data", str(repo.data), "--date", DATE]
        result = runner.invoke(app, [*args, "--format", fmt, "-o", str(out), *allowed])
        assert result.exit_code == 0, result.output
        for path in sorted(out.iterdir()):
            if path.name == "manifest.json":
                continue  # it records the files, and says nothing on paper
            shown, meta = _said(path)
            if path.suffix == ".pdf":
                assert re.sub(r"\s+", "", words) in shown, path
            else:
                assert shown == words, path
            assert meta in ("", words), path
    site = tmp_path / "site"
    assert runner.invoke(app, ["site", "--data", str(repo.data), "-o", str(site)]).exit_code == 0
    pages = sorted(site.rglob("*.html"))
    assert pages
    for page in pages:
        # The site speaks as of the day it is built: the same words, that day.
        shown, meta = _said(page)
        assert shown == meta
        assert repo.head()[:8] in shown and "数据截至生成之日" in shown
        assert ("含未提交的修改" in shown) is dirty


@pytest.mark.slow
def test_office_and_pdf_dates_are_the_commit_time_or_source_date_epoch(
    committed: GitData, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    require_weasyprint()
    runner = CliRunner()
    committed_at = dt.datetime.fromisoformat(committed.git("log", "-1", "--format=%cI").strip())
    epoch_time = dt.datetime(2022, 10, 30, tzinfo=dt.UTC)
    for epoch, expected in [(None, committed_at), ("1667088000", epoch_time)]:
        if epoch is None:
            monkeypatch.delenv(years.EPOCH_VARIABLE, raising=False)
        else:
            monkeypatch.setenv(years.EPOCH_VARIABLE, epoch)
        utc = expected.astimezone(dt.UTC).replace(tzinfo=None)
        out = tmp_path / (epoch or "commit")
        for fmt in ("pdf", "docx", "xlsx"):
            args = ["report", "summary", "--data", str(committed.data), "--date", DATE]
            result = runner.invoke(app, [*args, "--format", fmt, "-o", str(out)])
            assert result.exit_code == 0, result.output
        word = docx.Document(str(out / "2022-summary.docx")).core_properties
        assert word.created == word.modified == expected
        book = openpyxl.load_workbook(out / "2022-summary.xlsx").properties
        assert book.created == book.modified == utc
        for name in ("2022-summary.docx", "2022-summary.xlsx"):
            with zipfile.ZipFile(out / name) as archive:
                # Zip keeps even seconds only.
                second = utc.second - utc.second % 2
                dated = (utc.year, utc.month, utc.day, utc.hour, utc.minute, second)
                assert {i.date_time for i in archive.infolist()} == {dated}
        xmp = pdf_info(out / "2022-summary.pdf", "-meta")
        assert f"<xmp:CreateDate>{expected.isoformat()}</xmp:CreateDate>" in xmp
    monkeypatch.setenv(years.EPOCH_VARIABLE, "tomorrow")
    result = runner.invoke(app, ["report", "summary", "--data", str(committed.data)])
    assert result.exit_code == 2
    assert "SOURCE_DATE_EPOCH" in result.output
