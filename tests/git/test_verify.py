"""An official package: gc report submission writes manifest.json and refuses
uncommitted data; gc verify checks a package against its manifest and, with
--data, against the package made again from the commit it names."""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from greencommunity import __version__
from greencommunity.cli.app import app
from greencommunity.core import years
from tests.documents.helpers import require_weasyprint
from tests.git.conftest import GitData, make_repo, shared

runner = CliRunner()
OPTIONS = ("--year", "2022", "--date", "2022-10-30")


def _submission(repo: GitData, out: Path, fmt: str = "html", *extra: str) -> Result:
    args = ["report", "submission", "--data", str(repo.data), *OPTIONS, "--format", fmt]
    return runner.invoke(app, [*args, "-o", str(out), *extra])


def _verify(folder: Path, *extra: str) -> Result:
    return runner.invoke(app, ["verify", str(folder), *extra])


@pytest.fixture(scope="module")
def committed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GitData]:
    yield from shared(make_repo(tmp_path_factory.mktemp("verify")))


@pytest.fixture(scope="module")
def package(committed: GitData, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 2022 submission in HTML, made once; tests change copies of it."""
    out = tmp_path_factory.mktemp("package") / "2022"
    result = _submission(committed, out)
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture
def copy(package: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(package, tmp_path / "copy"))


def test_the_manifest_lists_every_file_with_its_hash(committed: GitData, package: Path) -> None:
    manifest = json.loads((package / "manifest.json").read_text(encoding="utf-8"))
    files = sorted(p.name for p in package.iterdir() if p.name != "manifest.json")
    assert [f["path"] for f in manifest["files"]] == files
    for listed in manifest["files"]:
        data = (package / listed["path"]).read_bytes()
        assert listed["sha256"] == hashlib.sha256(data).hexdigest()
        assert listed["size"] == len(data)
    assert manifest["data"] == {"commit": committed.head(), "path": "data", "uncommitted": []}
    assert manifest["criteria_fingerprint"].startswith("sha256:")
    assert manifest["gc_version"] == __version__
    assert manifest["as_of"] == manifest["date"] == "2022-10-30"
    assert manifest["command"] == (
        "gc report submission --year 2022 --date 2022-10-30 --format html"
    )


def test_an_untouched_package_passes(committed: GitData, package: Path) -> None:
    result = _verify(package)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{package} 与清单一致：13 个文件，数据版本 {committed.head()[:8]}。\n"
    rebuilt = _verify(package, "--data", str(committed.top))
    assert rebuilt.exit_code == 0, rebuilt.output
    assert rebuilt.stdout.endswith(
        f"按提交 {committed.head()[:8]} 重新生成，与材料包逐字节相同。\n"
    )


def test_a_flipped_byte_a_deleted_file_and_an_added_file_are_named(copy: Path) -> None:
    page = copy / "2022-summary.html"
    data = bytearray(page.read_bytes())
    data[200] ^= 0x01
    page.write_bytes(bytes(data))
    (copy / "index.html").unlink()
    (copy / "说明.txt").write_text("另附\n", encoding="utf-8")
    result = _verify(copy)
    assert result.exit_code == 1
    assert result.stdout == (
        "已改动：2022-summary.html（内容与清单记录的 SHA-256 不符）\n"
        "缺少：index.html（清单中有，目录中没有）\n"
        "多出：说明.txt（目录中有，清单中没有）\n"
        f"{copy} 与清单不符：3 处问题（见上）。\n"
    )
    found = json.loads(_verify(copy, "--format", "json").stdout)
    assert found["ok"] is False
    assert found["problems"] == [
        {"path": "2022-summary.html", "problem": "changed"},
        {"path": "index.html", "problem": "missing"},
        {"path": "说明.txt", "problem": "extra"},
    ]


def test_a_document_edited_with_its_manifest_line_is_caught_by_the_rebuild(
    committed: GitData, copy: Path
) -> None:
    page = copy / "2022-summary.html"
    edited = page.read_text(encoding="utf-8").replace("考评中", "已达标", 1).encode("utf-8")
    page.write_bytes(edited)
    manifest_path = copy / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    for listed in manifest["files"]:
        if listed["path"] == page.name:
            listed["sha256"] = hashlib.sha256(edited).hexdigest()
            listed["size"] = len(edited)
    manifest_path.write_text(
        json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )
    assert _verify(copy).exit_code == 0  # the manifest alone cannot tell
    result = _verify(copy, "--data", str(committed.top))
    assert result.exit_code == 1
    assert result.stdout == (
        "与重新生成的不同：2022-summary.html\n"
        "与重新生成的不同：manifest.json\n"
        f"{copy} 与清单不符：2 处问题（见上）。\n"
    )


def test_rebuilding_touches_nothing_of_the_users(committed: GitData, package: Path) -> None:
    """The shared repository fixture checks HEAD, status, refs and stashes after
    the module; here, no worktree is registered and nothing is left behind."""
    before = committed.git("worktree", "list", "--porcelain")
    assert _verify(package, "--data", str(committed.top)).exit_code == 0
    assert committed.git("worktree", "list", "--porcelain") == before
    assert committed.git("status", "--porcelain", "--ignored") == ""


@pytest.mark.slow
def test_a_pdf_package_is_made_again_byte_for_byte(committed: GitData, tmp_path: Path) -> None:
    require_weasyprint()
    out = tmp_path / "pdf"
    assert _submission(committed, out, "pdf").exit_code == 0
    result = _verify(out, "--data", str(committed.top))
    assert result.exit_code == 0, result.output


def test_a_package_made_without_a_date_is_made_again_as_of_its_day(
    committed: GitData, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import datetime as dt

    monkeypatch.setattr(years, "clock", lambda: dt.datetime(2022, 11, 20, 3, tzinfo=dt.UTC))
    out = tmp_path / "undated"
    args = ["report", "submission", "--data", str(committed.data), "--year", "2022"]
    assert runner.invoke(app, [*args, "-f", "html", "-o", str(out)]).exit_code == 0
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert (manifest["date"], manifest["as_of"]) == (None, "2022-11-20")
    monkeypatch.setattr(years, "clock", lambda: dt.datetime(2023, 5, 1, 3, tzinfo=dt.UTC))
    result = _verify(out, "--data", str(committed.top))
    assert result.exit_code == 0, result.output


# ------------------------------------------------------------ uncommitted data


def test_uncommitted_changes_are_refused_unless_allowed(repo: GitData, tmp_path: Path) -> None:
    repo.pass_jiahuang()
    refused = _submission(repo, tmp_path / "refused")
    assert refused.exit_code == 2
    assert refused.stderr == (
        "错误：数据目录有尚未提交的修改，不生成正式的申报材料包"
        "（submission 要能按提交重新生成、核对）：\n"
        "  data/communities/jiahuang.yaml\n"
        "请先提交（git commit），或加 --allow-dirty（每份材料都会注明“含未提交的修改”）。\n"
    )
    assert not (tmp_path / "refused").exists()
    allowed = _submission(repo, tmp_path / "allowed", "html", "--allow-dirty")
    assert allowed.exit_code == 0, allowed.output
    pages = sorted((tmp_path / "allowed").glob("*.html"))
    assert pages and all("含未提交的修改" in p.read_text(encoding="utf-8") for p in pages)
    manifest = json.loads((tmp_path / "allowed" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["data"]["uncommitted"] == ["data/communities/jiahuang.yaml"]
    assert manifest["command"].endswith(" --allow-dirty")
    # Checked against its manifest, it passes; it cannot be made again from a commit.
    assert _verify(tmp_path / "allowed").exit_code == 0
    rebuilt = _verify(tmp_path / "allowed", "--data", str(repo.top))
    assert rebuilt.exit_code == 2
    assert "--allow-dirty" in rebuilt.stderr
    # Other documents are made from uncommitted data, and say so.
    summary = runner.invoke(app, ["report", "summary", "--data", str(repo.data), *OPTIONS])
    assert summary.exit_code == 0 and "含未提交的修改" in summary.stdout


# --------------------------------------------------------------------- bad input


def _manifest(folder: Path, change: object) -> None:
    path = folder / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    assert callable(change)
    change(manifest)
    path.write_text(json.dumps(manifest), encoding="utf-8")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (None, "不是有效的 JSON"),
        (
            lambda m: m["files"].append({"path": "../town.yaml", "sha256": "0" * 64, "size": 1}),
            "清单中的文件路径 ../town.yaml 不在材料包目录之内，拒绝读取。",
        ),
        (
            lambda m: m["files"].append({"path": "/etc/passwd", "sha256": "0" * 64, "size": 1}),
            "清单中的文件路径 /etc/passwd 不在材料包目录之内，拒绝读取。",
        ),
        (
            lambda m: m["files"].append({"path": "C:/x.pdf", "sha256": "0" * 64, "size": 1}),
            "清单中的文件路径 C:/x.pdf 不在材料包目录之内，拒绝读取。",
        ),
        (lambda m: m.pop("files"), "不是 gc 的材料包清单（files 缺失或不对）。"),
        (lambda m: m.update(manifest=2), "不是 gc 的材料包清单（manifest 缺失或不对）。"),
    ],
    ids=["not-json", "parent", "absolute", "drive", "no-files", "future"],
)
def test_a_manifest_gc_cannot_use_is_a_usage_error(
    copy: Path, change: object, message: str
) -> None:
    if change is None:
        (copy / "manifest.json").write_text("{\n", encoding="utf-8")
    else:
        _manifest(copy, change)
    listing = sorted(p.name for p in copy.iterdir())
    result = _verify(copy)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert message in result.stderr
    assert sorted(p.name for p in copy.iterdir()) == listing  # nothing written


def test_a_commit_that_does_not_exist(committed: GitData, copy: Path) -> None:
    _manifest(copy, lambda m: m["data"].update(commit="0" * 40))
    result = _verify(copy, "--data", str(committed.top))
    assert result.exit_code == 2
    assert result.stderr == (
        f"错误：清单记录的提交 {'0' * 40} 不在仓库 {committed.top} 中："
        "请给出生成材料包的那个数据仓库，或先 git fetch。\n"
    )


def test_a_missing_or_unreadable_package_folder(tmp_path: Path) -> None:
    missing = _verify(tmp_path / "nowhere")
    assert (missing.exit_code, missing.stderr) == (
        2,
        f"错误：{tmp_path / 'nowhere'} 不是目录：请给出材料包的目录。\n",
    )
    empty = _verify(tmp_path)
    assert (empty.exit_code, empty.stderr) == (
        2,
        f"错误：{tmp_path / 'manifest.json'} 不存在：这不是 gc report submission 生成的材料包。\n",
    )
