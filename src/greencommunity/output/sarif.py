"""SARIF 2.1.0 output for code scanning (GitHub's "upload-sarif", other viewers).

One run, the tool ``gc`` with one reporting descriptor per diagnostic code (its
``gc explain`` text as help), one result per diagnostic.  Columns count
characters (``unicodeCodePoints``), as the diagnostics do.

Paths are URIs relative to ``%SRCROOT%``, the root of the repository
(``output/ci.py``); the run's ``originalUriBaseIds`` says where ``%SRCROOT%``
was on this machine.  A file outside that root (a path given on the command
line) keeps its absolute ``file://`` URI.

``informationUri`` is the project's home page as the package metadata declares
it (``[project.urls]`` in pyproject.toml).  The project has no public URL yet,
so it is left out, as SARIF allows, rather than given a placeholder or a
repository-relative path (it must be an absolute URI).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from greencommunity import __version__
from greencommunity.i18n import tr
from greencommunity.output import ci, jsonout

if TYPE_CHECKING:
    from collections.abc import Sequence

    from greencommunity.diagnostics import Diagnostic
    from greencommunity.validation import ValidationResult

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"
# Labels of [project.urls] that name the project's home page, by preference.
HOME_LABELS = ("homepage", "home", "repository", "source")


def _folder_uri(folder: Path) -> str:
    uri = folder.as_uri()
    return uri if uri.endswith("/") else uri + "/"


def _artifact(path: str, root: Path) -> tuple[str, dict[str, str]]:
    """Where a diagnostic's file is, relative to *root* or absolute: as a name
    (for the fingerprint) and as an artifact location."""
    name, inside = ci.repository_path(path, root)
    if inside:
        # A file name that is not UTF-8 is percent-encoded as its bytes.
        uri = quote(name, safe="/", errors="surrogateescape")
        return name, {"uri": uri, "uriBaseId": SRCROOT}
    return name, {"uri": Path(name).as_uri()}


def information_uri() -> str | None:
    """The project's home page from the installed package's metadata, if it declares one."""
    from importlib.metadata import PackageNotFoundError, metadata

    try:
        declared = metadata("greencommunity").get_all("Project-URL") or []
    except PackageNotFoundError:
        return None
    urls: dict[str, str] = {}
    for entry in declared:
        label, _, url = entry.partition(",")
        urls.setdefault(label.strip().lower(), url.strip())
    return next((urls[label] for label in HOME_LABELS if urls.get(label)), None)


def _rules() -> list[dict[str, object]]:
    """One reporting descriptor per code of the registry."""
    from greencommunity.rules import registry

    return [
        {
            "id": code.id,
            "shortDescription": {"text": code.title},
            "fullDescription": {"text": code.doc},
            "help": {"text": code.doc},
            "defaultConfiguration": {"level": ci.SARIF_LEVEL[code.severity]},
        }
        for code in registry().values()
    ]


def render(result: ValidationResult, strict: bool = False) -> str:
    """One SARIF 2.1.0 log of the validation (``strict`` changes nothing: levels are kept)."""
    data = result.dataset.root if result.dataset is not None else Path.cwd()
    return log(result.diagnostics, data)


def log(diagnostics: Sequence[Diagnostic], data: Path) -> str:
    """One SARIF 2.1.0 log of *diagnostics* found in the data folder *data*
    (gc validate's, or gc audit's violations)."""
    rules = _rules()
    index = {str(rule["id"]): number for number, rule in enumerate(rules)}
    root = ci.source_root(data)
    results: list[dict[str, object]] = []
    for d in diagnostics:
        name, artifact = _artifact(d.path, root)
        entry: dict[str, object] = {
            "ruleId": d.code,
            "level": ci.SARIF_LEVEL[d.severity],
            "message": {"text": d.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": artifact,
                        "region": {"startLine": max(1, d.line), "startColumn": max(1, d.column)},
                    }
                }
            ],
            # Stable across edits that only move the problem to another line, and
            # whatever the current folder.
            "partialFingerprints": {"gcProblem/v1": ci.fingerprint(name, d.code, d.message)},
        }
        if d.code in index:
            entry["ruleIndex"] = index[d.code]
        results.append(entry)
    driver: dict[str, object] = {"name": "gc", "fullName": tr("sarif.tool")}
    home = information_uri()
    if home is not None:
        driver["informationUri"] = home
    driver |= {"version": __version__, "semanticVersion": __version__, "rules": rules}
    document = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                "originalUriBaseIds": {
                    SRCROOT: {
                        "uri": _folder_uri(root),
                        "description": {"text": tr("sarif.srcroot")},
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return jsonout.dumps(document)
