"""A PDF is refused, before anything is written, on a machine without a Chinese font.

fontconfig reads its configuration once per process, so the machine without a
Chinese font is a subprocess: ``gc report … --format pdf`` with
``FONTCONFIG_FILE`` pointing at a configuration that knows DejaVu only.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from greencommunity.cli.app import app
from greencommunity.documents import fonts
from greencommunity.documents.fonts import chinese_families
from tests.documents.helpers import DATA, in_ci, require_weasyprint

DEJAVU = Path("/usr/share/fonts/truetype/dejavu")


def _gc(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "greencommunity", *args]
    return subprocess.run(
        command, capture_output=True, text=True, timeout=120, env=env, check=False
    )


def _dejavu_only(folder: Path) -> dict[str, str]:
    """The environment of a machine whose fontconfig knows DejaVu and nothing else."""
    if not any(DEJAVU.glob("*.ttf")):
        message = f"no DejaVu fonts in {DEJAVU} (Debian package fonts-dejavu-core)"
        if in_ci():
            pytest.fail(message)
        pytest.skip(message)
    config = folder / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?>\n'
        '<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n'
        "<fontconfig>\n"
        f"  <dir>{DEJAVU}</dir>\n"
        f"  <cachedir>{folder / 'cache'}</cachedir>\n"
        "</fontconfig>\n",
        encoding="utf-8",
    )
    return {**os.environ, "FONTCONFIG_FILE": str(config), "GC_LANG": "zh"}


def test_this_machine_has_a_chinese_font() -> None:
    """The check finds the Noto CJK fonts .ci/run installs (fonts-noto-cjk)."""
    families = chinese_families()
    if not families and not in_ci():
        pytest.skip("no Chinese font here; .ci/run installs fonts-noto-cjk")
    assert families is not None
    assert any("CJK SC" in f or "SC" in f.split() for f in families), families


@pytest.mark.slow
def test_pdf_without_a_chinese_font_is_refused_and_nothing_written(tmp_path: Path) -> None:
    require_weasyprint()
    env = _dejavu_only(tmp_path)
    out = tmp_path / "out"
    args = ["report", "summary", "--year", "2022", "--data", str(DATA), "--format", "pdf"]
    done = _gc([*args, "--output", str(out)], env)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    message = done.stderr
    assert "没有中文字体" in message
    # What to install, on each system the style sheet names fonts for.
    for needle in (
        "sudo apt install fonts-noto-cjk",
        "宋体（SimSun）",
        "微软雅黑（Microsoft YaHei",
        "简体中文补充字体",
        "宋体-简（Songti SC）",
        "苹方-简（PingFang SC",
        "--format html",
    ):
        assert needle in message, needle
    assert not out.exists() or not any(out.iterdir())


@pytest.mark.parametrize(
    ("lang", "needles"),
    [
        ("zh", ["没有中文字体", "fonts-noto-cjk", "宋体（SimSun）", "宋体-简（Songti SC）"]),
        ("en", ["no Chinese font", "fonts-noto-cjk", "SimSun", "Songti SC"]),
    ],
)
def test_the_refusal_in_each_language(
    lang: str, needles: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same refusal in process (fontconfig's answer replaced by none)."""
    require_weasyprint()
    monkeypatch.setattr(fonts, "chinese_families", lambda: ())
    out = tmp_path / "out"
    args = ["--lang", lang, "report", "submission", "--year", "2021", "--format", "pdf"]
    result = CliRunner().invoke(app, [*args, "--data", str(DATA), "--output", str(out)])
    assert result.exit_code == 2, result.output
    message = " ".join(result.stderr.split())
    for needle in needles:
        assert needle in message, needle
    assert not out.exists() or not any(out.iterdir())


def test_html_needs_no_chinese_font(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Only the PDF is laid out by gc: HTML is written all the same."""
    monkeypatch.setattr(fonts, "chinese_families", lambda: ())
    args = ["report", "summary", "--year", "2022", "--format", "html", "--data", str(DATA)]
    result = CliRunner().invoke(app, [*args, "--output", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "2022-summary.html").is_file()


def test_fontconfig_is_asked_only_once() -> None:
    fonts.chinese_families.cache_clear()
    first = fonts.chinese_families()
    assert fonts.chinese_families() is first
