"""The CI services ``gc init --ci`` writes a configuration for: a table of its
own, light to import, so that the command line declares ``--ci`` from it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CiService:
    """What ``gc init --ci`` writes for one CI service: its file (skeleton →
    path in the new repository), README's section on it, the notes on where
    gc is pinned, and gc init's word when it is not."""

    files: dict[str, str]
    readme: str  # skeleton of README's section, holding ${pin_note}
    pinned: str  # skeleton of the note when gc's repository and commit are known
    unpinned: str  # … and when they are not
    pinned_too: str  # what .pre-commit-config.yaml's rev is kept equal to
    unpinned_key: str  # catalog key: the files with placeholders to fill in


# A town's code host: GitHub's workflow and action by default, GitLab CI (also
# read by Gitee's and self-managed hosts' runners), or the hooks alone.
CI: dict[str, CiService] = {
    "github": CiService(
        files={"data-checks.yml.tmpl": ".github/workflows/data-checks.yml"},
        readme="ci-github.md.tmpl",
        pinned="pinned.md.tmpl",
        unpinned="unpinned.md.tmpl",
        pinned_too="，与 .github/workflows/data-checks.yml 一致",
        unpinned_key="init.unpinned",
    ),
    "gitlab": CiService(
        files={"gitlab-ci.yml.tmpl": ".gitlab-ci.yml"},
        readme="ci-gitlab.md.tmpl",
        pinned="pinned-gitlab.md.tmpl",
        unpinned="unpinned-gitlab.md.tmpl",
        pinned_too="，与 .gitlab-ci.yml 的 GC_INSTALL 一致",
        unpinned_key="init.unpinned_gitlab",
    ),
    "none": CiService(
        files={},
        readme="",
        pinned="pinned-none.md.tmpl",
        unpinned="unpinned-none.md.tmpl",
        pinned_too="",
        unpinned_key="init.unpinned_none",
    ),
}
DEFAULT_CI = "github"
