"""``gc init``: a new data repository for another town, valid as soon as it exists.

Every file comes from ``skeleton/`` (package data) or from the code that owns
its content: the JSON Schemas from ``schema.py``, the example score sheet from
the shipped ``data/criteria.yaml`` (its copy ``skeleton/criteria.yaml``, kept
identical by ``make skeleton`` and a test).  Values the officer must supply
are placeholders marked "待填写", examples to check are marked "待核对", and
both are chosen so that ``gc validate`` passes on the new repository.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from greencommunity import __version__, atomic
from greencommunity.authoring import roundtrip, template
from greencommunity.authoring.ci import CI, DEFAULT_CI, CiService
from greencommunity.authoring.errors import AuthoringError
from greencommunity.authoring.source import Source
from greencommunity.models.town import MAX_URBAN, MIN_URBAN, PLACEHOLDERS
from greencommunity.schema import KINDS, file_name, schema_text

# What the officer must replace is written as a placeholder of
# models.town.PLACEHOLDERS, so that the file loads: gc validate warns about
# each (GC317) and gc report, gc site and gc rollup refuse until it is replaced.
TO_FILL = "（待填写）"
# Where gc's own repository and commit go when gc does not know them.
REPO_PLACEHOLDER = "<gc 仓库的 git 地址>"
REV_PLACEHOLDER = "<gc 的提交>"
ACTION_PLACEHOLDER = "<所有者>/greencommunity@<gc 的提交>"
GIT_TIMEOUT = 60


class Git(StrEnum):
    """What became of ``git init``."""

    DONE = "done"
    ABSENT = "absent"  # no git on this machine: the folder is not a repository yet
    FAILED = "failed"


@dataclass(frozen=True)
class Names:
    """The town, district and city, and its number of urban communities, as
    given (None: a placeholder)."""

    town: str | None = None
    district: str | None = None
    city: str | None = None
    urban_communities: int | None = None


@dataclass(frozen=True)
class Created:
    folder: Path
    town: str  # as written into the files: the name given, or its placeholder
    files: tuple[str, ...]  # relative paths, "/"-separated, in the order written
    git: Git
    pinned: bool  # gc's repository and commit were written, not placeholders
    ci: str  # the name of its CiService in CI
    # The fields of town.yaml written as placeholders (models.town.PLACEHOLDERS).
    placeholders: tuple[str, ...] = ()


def files_for(names: Names, source: Source | None, ci: str = DEFAULT_CI) -> dict[str, str]:
    """The new repository's files, by relative path, with the CI file of the
    service *ci* (a name of ``CI``)."""
    service = CI[ci]
    town = _town(names)
    district = _checked(names.district, "--district") or str(PLACEHOLDERS["district"])
    city = _checked(names.city, "--city") or str(PLACEHOLDERS["city"])
    urban = names.urban_communities
    if urban is not None and not MIN_URBAN <= urban <= MAX_URBAN:
        raise AuthoringError("init.bad_urban_communities", low=MIN_URBAN, high=MAX_URBAN)
    files = {
        "data/town.yaml": template.render(
            "new-town.yaml.tmpl",
            town=town,
            town_value=template.yaml_value(town),
            town_mark="" if names.town else TO_FILL,
            district_value=template.yaml_value(district),
            district_mark="" if names.district else TO_FILL,
            city_value=template.yaml_value(city),
            city_mark="" if names.city else TO_FILL,
            urban_value=template.yaml_value(
                urban if urban is not None else PLACEHOLDERS["urban_communities"]
            ),
            urban_note=template.read(
                "urban-given.tmpl" if urban is not None else "urban-placeholder.tmpl"
            ).rstrip("\n"),
            plan_title_value=template.yaml_value(f"{town}绿色社区创建行动实施方案"),
        ),
        "data/criteria.yaml": example_criteria(town),
        "data/communities/.gitkeep": "",
    }
    for kind in KINDS:
        files[f"schemas/{file_name(kind)}"] = schema_text(kind)
    files["templates/README.md"] = template.read("templates-README.md")
    files["README.md"] = template.render(
        "README.md.tmpl", town=town, checks=_checks(service, source)
    )
    files[".pre-commit-config.yaml"] = template.render(
        "pre-commit-config.yaml.tmpl",
        repo=source.repo if source else REPO_PLACEHOLDER,
        rev=source.commit if source else REV_PLACEHOLDER,
        pinned_too=service.pinned_too,
    )
    values = {
        "action": _action(source),
        "requirement": _requirement(source),
        "version": __version__,
    }
    for skeleton, path in service.files.items():
        files[path] = template.render(skeleton, **values)
    files[".gitignore"] = template.read("gitignore")
    return files


def example_criteria(town: str) -> str:
    """The shipped score sheet, marked as an example: a comment under its first
    line, and "（示例）" in its title, which every document prints."""
    first, _, rest = template.read("criteria.yaml").partition("\n")
    text = first + "\n" + template.render("criteria-example.tmpl") + rest
    return roundtrip.update(text, ("title",), f"{town}绿色社区创建自测评分表（示例）")


def create(folder: Path, names: Names, source: Source | None, ci: str = DEFAULT_CI) -> Created:
    """Write a new data repository into *folder* (missing or empty), then
    ``git init`` it when git is installed."""
    files = files_for(names, source, ci)
    if folder.exists() and not folder.is_dir():
        raise AuthoringError("init.not_a_folder", path=str(folder))
    if folder.is_dir() and any(folder.iterdir()):
        raise AuthoringError("init.not_empty", path=str(folder))
    # All files or none: a full disk does not leave half a repository.
    atomic.write_all({folder / relative: text.encode("utf-8") for relative, text in files.items()})
    given = {
        "name": names.town,
        "district": names.district,
        "city": names.city,
        "urban_communities": names.urban_communities,
    }
    left = tuple(field for field in PLACEHOLDERS if given[field] is None)
    git = _git_init(folder)
    return Created(folder, _town(names), tuple(files), git, source is not None, ci, left)


def _town(names: Names) -> str:
    return _checked(names.town, "--town") or str(PLACEHOLDERS["name"])


def _git_init(folder: Path) -> Git:
    git = shutil.which("git")
    if git is None:
        return Git.ABSENT
    try:
        done = subprocess.run(
            [git, "init", "--quiet", str(folder)],
            capture_output=True,
            timeout=GIT_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return Git.FAILED
    return Git.DONE if done.returncode == 0 else Git.FAILED


def _checked(value: str | None, option: str) -> str | None:
    """A name given on the command line, or None; one line of text."""
    if value is None:
        return None
    name = template.one_line(value)
    if name is None:
        raise AuthoringError("init.bad_name", option=option)
    return name


def _checks(service: CiService, source: Source | None) -> str:
    """README's section on the CI service, or for none the note on the hooks' pin."""
    if source is None:
        note = template.read(service.unpinned)
    else:
        note = template.render(service.pinned, repo=source.repo, commit=source.commit)
    note = note.rstrip("\n")
    if not service.readme:
        return note
    return template.render(service.readme, pin_note=note, version=__version__)


def _requirement(source: Source | None) -> str:
    """What pip installs in GitLab CI: gc from its git repository at the commit
    (any host: GitLab, Gitee, a town's own)."""
    repo = source.repo if source else REPO_PLACEHOLDER
    commit = source.commit if source else REV_PLACEHOLDER
    return f"greencommunity @ git+{repo}@{commit}"


def _action(source: Source | None) -> str:
    """The ``uses:`` of gc's action: its GitHub repository at the commit."""
    if source is None or source.github is None:
        return ACTION_PLACEHOLDER
    return f"{source.github}@{source.commit}  # gc {__version__}"
