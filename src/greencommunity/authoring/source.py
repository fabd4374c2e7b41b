"""Where this gc came from, for the files of a new repository that pin it
(``.pre-commit-config.yaml``'s ``repo`` and ``rev``, the workflow's ``uses``).

pip records how a package was installed (PEP 610, ``direct_url.json``): from a
git URL, that URL and the exact commit.  Installed otherwise (a local folder,
an editable checkout), gc does not know its repository, and the files get
placeholders that say what to write.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib import metadata

DISTRIBUTION = "greencommunity"
_GITHUB = re.compile(r"^(?:https://|ssh://git@|git@)github\.com[/:]([\w.-]+/[\w.-]+?)(?:\.git)?/?$")
_COMMIT = re.compile(r"^[0-9a-f]{40}$")


@dataclass(frozen=True)
class Source:
    """A git repository of gc and one commit of it."""

    repo: str
    commit: str

    @property
    def github(self) -> str | None:
        """``owner/name`` when the repository is on GitHub (an action can be used
        from there only)."""
        match = _GITHUB.match(self.repo)
        return match.group(1) if match else None


def installed_source(distribution: str = DISTRIBUTION) -> Source | None:
    """The repository and commit gc was installed from, if pip recorded them."""
    try:
        recorded = metadata.distribution(distribution).read_text("direct_url.json")
    except metadata.PackageNotFoundError:
        return None
    return source_of(recorded)


def source_of(direct_url: str | None) -> Source | None:
    """The git repository and commit of a ``direct_url.json`` text, or None."""
    if not direct_url:
        return None
    try:
        info = json.loads(direct_url)
    except ValueError:
        return None
    vcs = info.get("vcs_info") if isinstance(info, dict) else None
    url = info.get("url") if isinstance(info, dict) else None
    if not isinstance(vcs, dict) or vcs.get("vcs") != "git" or not isinstance(url, str):
        return None
    commit = vcs.get("commit_id")
    if not isinstance(commit, str) or not _COMMIT.match(commit):
        return None
    return Source(url, commit)
