"""What the reports for code hosts and CI servers share (``gc validate
--format sarif|gitlab|junit``): where a file is relative to the repository,
the word each of them has for gc's severities, and a problem's fingerprint.

Paths are relative to the root of the git work tree that holds the data
folder (else the data folder's parent), whatever the current folder: GitHub's
code scanning, GitLab's merge request widgets and a test report's names
resolve or compare them against the repository's root, so
``data/communities/x.yaml`` is the same file whether gc ran in the
repository's root, in ``data/`` or elsewhere.  A file outside that root (a
path given on the command line) keeps its absolute path.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from greencommunity.diagnostics import Severity

if TYPE_CHECKING:
    from greencommunity.validation import ValidationResult

# SARIF's result levels (``error``, ``warning``, ``note``, ``none``).
SARIF_LEVEL: Mapping[str, str] = {Severity.ERROR: "error", Severity.WARNING: "warning"}
# GitLab's Code Quality severities (``info``, ``minor``, ``major``, ``critical``,
# ``blocker``).  An error of gc stops every document: "major", as GitLab's own
# linters' reports map a linter's error; ``critical`` and ``blocker`` are left
# for security findings and a broken build.
GITLAB_SEVERITY: Mapping[str, str] = {Severity.ERROR: "major", Severity.WARNING: "minor"}
_SURROGATE = re.compile("[\ud800-\udfff]")


def source_root(data: Path) -> Path:
    """The root of the git work tree holding *data*, else *data*'s parent.

    A ``.git`` entry (a folder, or a file in a linked work tree or submodule)
    marks the root, as git itself finds it; no git command is run, so the
    output is the same where git is missing or refuses the repository's owner.
    """
    folder = data.resolve()
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return folder.parent


def result_root(result: ValidationResult) -> Path:
    """The root the paths of *result*'s report are relative to."""
    return source_root(result.dataset.root if result.dataset is not None else Path.cwd())


def repository_path(path: str, root: Path) -> tuple[str, bool]:
    """A diagnostic's file as a "/"-separated path relative to *root*, and
    True; or, outside *root*, its absolute path and False.

    A diagnostic's path is relative to the current folder where the file is
    inside it, else as given on the command line."""
    # Normalised, not resolved: a symbolic link inside the root stays inside it.
    given = Path(os.path.normpath(Path.cwd() / path))
    for candidate in (given, given.resolve()):
        if candidate.is_relative_to(root):
            return candidate.relative_to(root).as_posix(), True
    return given.as_posix(), False


def fingerprint(*parts: str) -> str:
    """A problem's identity: its repository path, code and message (and what
    else tells it apart), not its line, so that an edit that only moves the
    problem keeps it, and whatever the current folder."""
    # surrogateescape: a file name that is not UTF-8 hashes as its bytes.
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogateescape")).hexdigest()[:32]


def unicode_text(value: str) -> str:
    """*value* as text a report can hold in UTF-8: the bytes of a file name
    that is not UTF-8 (lone surrogates in Python) become U+FFFD."""
    return _SURROGATE.sub("\ufffd", value)
