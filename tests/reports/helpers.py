"""Shared helpers of the report tests: the shipped data, headless Chromium, pdftotext."""

from __future__ import annotations

import datetime as dt
import html
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from greencommunity.dataset import load_dataset
from greencommunity.models import Community, Criteria, Town

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "data"
GOLDEN = Path(__file__).resolve().parent / "golden"
# A fixed signing date: golden files must never depend on today.
ISSUED = dt.date(2022, 10, 30)
# Debian's chromium by default; GC_CHROMIUM names another build (e.g. the
# google-chrome that GitHub's Ubuntu runners carry).
CHROMIUM = Path(os.environ.get("GC_CHROMIUM", "/usr/bin/chromium"))


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def shipped() -> tuple[Town, Criteria, list[Community]]:
    dataset = load_dataset(DATA)
    town, criteria = dataset.town_model, dataset.criteria_model
    assert town is not None and criteria is not None
    return town, criteria, dataset.community_models()


def require_tool(path: Path | str, what: str) -> str:
    """The tool's path; skip when it is missing outside CI, fail inside CI."""
    found = str(path) if Path(path).is_file() else shutil.which(str(path))
    if found is None:
        message = f"{what} ({path}) is not installed; .ci/run installs it"
        if in_ci():
            pytest.fail(message)
        pytest.skip(message)
    return found


def chromium(args: list[str], profile: Path) -> subprocess.CompletedProcess[str]:
    exe = require_tool(CHROMIUM, "headless Chromium (Debian package chromium)")
    command = [
        exe,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        *args,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


def page_text(dom: str) -> str:
    """Visible text of a dumped DOM: no style, no tags, entities decoded, no spaces."""
    dom = re.sub(r"<style.*?</style>", "", dom, flags=re.S)
    text = html.unescape(re.sub(r"<[^>]+>", "", dom))
    return re.sub(r"\s+", "", text)


def pdf_text(pdf: Path) -> str:
    exe = require_tool("pdftotext", "pdftotext (Debian package poppler-utils)")
    done = subprocess.run(
        [exe, "-layout", str(pdf), "-"], capture_output=True, text=True, timeout=60, check=True
    )
    return done.stdout


def pdf_fonts(pdf: Path) -> str:
    exe = require_tool("pdffonts", "pdffonts (Debian package poppler-utils)")
    done = subprocess.run([exe, str(pdf)], capture_output=True, text=True, timeout=60, check=True)
    return done.stdout


def pdf_pages(pdf: Path) -> int:
    exe = require_tool("pdfinfo", "pdfinfo (Debian package poppler-utils)")
    done = subprocess.run([exe, str(pdf)], capture_output=True, text=True, timeout=60, check=True)
    match = re.search(r"^Pages:\s+(\d+)$", done.stdout, re.MULTILINE)
    assert match, done.stdout
    return int(match.group(1))
