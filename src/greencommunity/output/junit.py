"""JUnit XML, as GitLab's test reports (``artifacts:reports:junit``) and
Jenkins' ``junit`` step read it; valid against Jenkins' JUnit schema
(``junit-10.xsd``).

One ``<testsuite>`` per kind of data file (``town``, ``criteria``,
``community``, then ``other`` for a path that is none of them), one
``<testcase>`` per file checked, named by its path relative to the
repository's root (``output/ci.py``: the same test whatever the current
folder, so that GitLab can tell a merge request's new failures from old ones),
and one ``<failure>`` per error, its ``type`` the code, its ``message`` the
message, its text the problem's line as ``gc validate`` shows it.  Jenkins
shows only the first ``<failure>`` of a test case and GitLab ignores the
test case's output, so the case's ``<system-out>`` lists every problem of the
file, errors and warnings: the warnings are there (they fail nothing), and
Jenkins shows every error.  The counts are in the attributes: ``tests`` the
files, ``failures`` the errors.

XML is built with ElementTree, which escapes ``&``, ``<``, ``>`` and quotes;
characters XML 1.0 cannot hold at all (control characters, lone surrogates
of an undecodable file name) become U+FFFD first.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from greencommunity.output import ci

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

    from greencommunity.diagnostics import Diagnostic
    from greencommunity.validation import ValidationResult

# Each kind of data file (models.KINDS: the models are not imported for --help),
# in the order of loading.
SUITES = ("town", "criteria", "community")
OTHER = "other"
# Everything outside XML 1.0's Char production.
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(value: str) -> str:
    """*value* with every character XML cannot hold as U+FFFD."""
    return _NOT_XML.sub("\ufffd", value)


def render(result: ValidationResult, strict: bool = False) -> str:
    """The JUnit XML of the validation (``strict`` changes nothing: a warning
    fails no test, whatever the exit code)."""
    from xml.etree.ElementTree import Element, SubElement, indent, tostring

    suites = _suites(result)
    tests = sum(len(cases) for cases in suites.values())
    document = Element(
        "testsuites",
        name="gc validate",
        tests=str(tests),
        failures=str(result.errors),
        errors="0",
    )
    for suite, cases in suites.items():
        failures = sum(d.severity == "error" for _, problems in cases for d in problems)
        element = SubElement(
            document,
            "testsuite",
            name=suite,
            tests=str(len(cases)),
            failures=str(failures),
            errors="0",
            skipped="0",
        )
        for name, problems in cases:
            _case(element, suite, name, problems)
    indent(document)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + tostring(document, "unicode") + "\n"


Cases = list[tuple[str, list["Diagnostic"]]]


def _suites(result: ValidationResult) -> dict[str, Cases]:
    """The test cases of each suite, in the order of SUITES: each file's
    repository path and problems (their paths the repository's too), as XML
    can hold them."""
    root = ci.result_root(result)
    by_file: dict[str, list[Diagnostic]] = {}
    for d in result.diagnostics:
        by_file.setdefault(d.path, []).append(d)
    # Every file checked, then any other place a problem was found at (a
    # folder that cannot be listed, a criteria.yaml that is missing).
    kinds = {file.path: file.kind for file in result.files}
    kinds |= {path: kinds.get(path) for path in by_file}
    found: dict[str, Cases] = {}
    for path, kind in kinds.items():
        name = xml_text(ci.repository_path(path, root)[0])
        problems = [
            replace(d, path=name, message=xml_text(d.message)) for d in by_file.get(path, [])
        ]
        found.setdefault(kind if kind in SUITES else OTHER, []).append((name, problems))
    return {suite: found[suite] for suite in (*SUITES, OTHER) if suite in found}


def _case(suite: Element, kind: str, name: str, problems: list[Diagnostic]) -> None:
    from xml.etree.ElementTree import SubElement

    from greencommunity.output.problems import headline

    case = SubElement(suite, "testcase", name=name, classname=kind)
    lines = [headline(d).plain for d in problems]
    for d, line in zip(problems, lines, strict=True):
        if d.severity == "error":
            SubElement(case, "failure", type=d.code, message=d.message).text = line
    if problems:
        SubElement(case, "system-out").text = "".join(line + "\n" for line in lines)
