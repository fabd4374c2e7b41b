"""The table of document kinds (``documents/kinds.py``) is the one home of a kind:
its templates, its view module, its title; requests it cannot serve are
``DocumentRequestError``s, never another exception."""

from __future__ import annotations

import inspect
from importlib.resources import files
from pathlib import Path

import pytest

from greencommunity.core.submissions import UnknownCommunityError
from greencommunity.core.years import assessment_years
from greencommunity.documents.environment import build_environment
from greencommunity.documents.errors import DocumentRequestError
from greencommunity.documents.kinds import FORMATS, KINDS, DocumentKind
from greencommunity.documents.planning import Request, plan_documents
from greencommunity.documents.render import Renderer
from greencommunity.i18n import tr, using
from greencommunity.models.folder import CheckedData
from tests.documents.helpers import (
    ISSUED,
    SMALL_YEAR,
    checked,
    html_heading,
    markdown_heading,
    shipped,
)
from tests.factories import PASS, assessment, community_data, write_data

PACKAGE = files("greencommunity.documents")
TEMPLATES = PACKAGE / "templates"
VIEWS = PACKAGE / "views"
SHARED_VIEWS = {"__init__", "common"}  # view modules that are no kind's own
KIND_NAMES = sorted(KINDS)
DOCUMENT_KINDS = sorted(k for k, v in KINDS.items() if v.scope != "bundle")
BUNDLE_KINDS = sorted(k for k, v in KINDS.items() if v.scope == "bundle")


def templates_of(kind: DocumentKind) -> list[str]:
    """The template files a kind needs: Markdown for md, HTML for html and pdf; an
    HTML page includes its body (``<template>_body.html.j2``), which a bundle
    binds with the bodies of the other documents."""
    if kind.scope == "bundle":
        return ["bundle.html.j2"]
    names = {f"{kind.template}.{'md' if f == 'markdown' else 'html'}.j2" for f in kind.formats}
    if any(f != "markdown" for f in kind.formats):
        names.add(f"{kind.template}_body.html.j2")
    return sorted(names)


# ------------------------------------------------------------------ the table


@pytest.mark.parametrize("name", KIND_NAMES)
def test_every_kind_has_its_templates(name: str) -> None:
    kind = KINDS[name]
    assert kind.name == name
    assert kind.formats and set(kind.formats) <= set(FORMATS)
    environments = {True: build_environment(for_markdown=True), False: build_environment()}
    for template in templates_of(kind):
        assert (TEMPLATES / template).is_file(), template
        environments[".md." in template].get_template(template)  # compiles


@pytest.mark.parametrize("name", DOCUMENT_KINDS)
def test_every_document_kind_has_its_view_module(name: str) -> None:
    kind = KINDS[name]
    assert (VIEWS / f"{kind.module}.py").is_file()
    module = kind.view()
    for function in ("unavailable", "build"):
        assert callable(getattr(module, function, None)), f"views/{kind.module}.py: {function}"
        assert list(inspect.signature(getattr(module, function)).parameters) == ["subject"]


@pytest.mark.parametrize("name", BUNDLE_KINDS)
def test_a_bundle_binds_document_kinds_that_have_a_body(name: str) -> None:
    kind = KINDS[name]
    assert kind.module == ""
    assert kind.parts
    for part in kind.parts:
        assert part in KINDS and KINDS[part].scope != "bundle", part
        # bundle.html.j2 includes each part's body.
        assert (TEMPLATES / f"{KINDS[part].template}_body.html.j2").is_file(), part
        # A bundle exists in every format its parts exist in.
        assert set(kind.formats) <= set(KINDS[part].formats), part


def test_no_view_module_or_template_outside_the_table() -> None:
    modules = {Path(p.name).stem for p in VIEWS.iterdir() if p.name.endswith(".py")}
    assert modules - SHARED_VIEWS == {k.module for k in KINDS.values() if k.module}
    owned = {t for k in KINDS.values() for t in templates_of(k)}
    indexes = {f"index.{FORMATS[f].index}.j2" for f in FORMATS}
    on_disk = {p.name for p in TEMPLATES.iterdir() if p.name.endswith(".j2")}
    partials = {n for n in on_disk if n.startswith("_")}  # macros, base page, style, chart
    assert on_disk - partials == owned | indexes


@pytest.mark.parametrize("name", KIND_NAMES)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_title_is_in_both_catalogs(name: str, lang: str) -> None:
    with using(lang):
        text = tr(KINDS[name].title, town="赵巷镇", year=2021, community="崧鑫居委会")
    assert text
    if KINDS[name].scope == "community":
        assert "崧鑫居委会" in text
    else:
        assert "赵巷镇" in text


def test_file_stems() -> None:
    assert KINDS["application"].stem(2021, "songxin") == "2021-songxin-application"
    assert KINDS["summary"].stem(2022) == "2022-summary"


# ------------------------------------------------------------ titles and headings


def _all_documents(name: str, year: int) -> Request:
    if KINDS[name].scope == "community":
        return Request(name, all=True, year=year, issued=ISSUED)
    return Request(name, year=year, issued=ISSUED)


@pytest.mark.parametrize("name", DOCUMENT_KINDS)
@pytest.mark.parametrize("dataset", ["shipped", "small"])
def test_the_title_is_the_heading(name: str, dataset: str, small: CheckedData) -> None:
    data, year = (shipped(), 2022) if dataset == "shipped" else (small, SMALL_YEAR)
    if dataset == "small" and KINDS[name].every == "evaluations":
        # The small data holds no annual evaluation: --all finds none.
        error = _raises(_all_documents(name, year), data)
        assert (error.key, error.params["year"]) == ("report.no_evaluations_in_year", year)
        return
    plan = plan_documents(_all_documents(name, year), data)
    assert plan.documents
    renderer = Renderer()
    for doc in plan.documents:
        assert markdown_heading(renderer.markdown(doc)) == doc.title, doc.stem
        assert html_heading(renderer.html(doc)) == doc.title, doc.stem
        assert f"<title>{doc.title}</title>" in renderer.html(doc), doc.stem


def test_a_bundle_is_its_parts_in_order(small: CheckedData) -> None:
    plan = plan_documents(Request("submission", year=SMALL_YEAR, issued=ISSUED), small)
    assert [d.stem for d in plan.documents] == [
        "2021-summary",
        "2021-alpha-application",
        "2021-alpha-scoresheet",
        "2021-beta-application",
        "2021-beta-scoresheet",
    ]
    assert plan.bundle == plan.documents and plan.index
    assert plan.drafts == ["丙居委会"]
    assert plan.title == "测试镇2021年度绿色社区创建申报材料"
    assert not any(d.draft for d in plan.bundle)


# ------------------------------------------------------- requests that cannot be served


def _raises(request: Request, data: CheckedData) -> DocumentRequestError:
    """The error *request* raises; any other exception fails the test."""
    with pytest.raises(DocumentRequestError) as caught:
        plan_documents(request, data)
    error = caught.value
    # The CLI words it from the catalog: the key and its parameters must exist.
    for lang in ("zh", "en"):
        with using(lang):
            assert tr(error.key, **error.params)
    return error


def _requests(name: str, year: int | None, community: str) -> list[Request]:
    if KINDS[name].scope == "community":
        return [Request(name, (community,), year=year), Request(name, all=True, year=year)]
    return [Request(name, year=year)]


# Progress covers the years of the plan, also the coming ones: it needs only a
# community in the plan by then.  Every other kind needs the year's assessments.
EMPTY_YEARS = [1990, 2020, 2023, 2030]


@pytest.mark.parametrize("name", KIND_NAMES)
@pytest.mark.parametrize("year", EMPTY_YEARS)
def test_a_year_without_data_is_a_request_error(name: str, year: int) -> None:
    data = shipped()
    assert year not in assessment_years(data.communities)
    for request in _requests(name, year, "songxin"):
        if name == "progress" and year >= min(c.batch for c in data.communities):
            assert len(plan_documents(request, data).documents) == 1
            continue
        _raises(request, data)


@pytest.mark.parametrize("name", KIND_NAMES)
def test_data_without_any_assessment_is_a_request_error(name: str, tmp_path: Path) -> None:
    data = checked(write_data(tmp_path / "data", [community_data("alpha", 2021)]))
    error = _raises(Request(name, ("alpha",) if KINDS[name].scope == "community" else ()), data)
    evaluations = KINDS[name].every == "evaluations"
    none = "report.no_evaluations" if evaluations else "report.no_assessments"
    assert error.key == none
    for request in _requests(name, 2019, "alpha"):
        _raises(request, data)


def test_nothing_submitted_is_a_request_error(tmp_path: Path) -> None:
    draft = [assessment(2021, self_scores=PASS, submitted=None)]
    data = checked(write_data(tmp_path / "data", [community_data("alpha", 2021, draft)]))
    error = _raises(Request("submission", year=2021), data)
    assert error.key == "report.nothing_submitted"
    assert error.params == {"year": 2021, "drafts": 1}


def test_requests_that_do_not_fit_the_kind(small: CheckedData) -> None:
    assert _raises(Request("summary", ("alpha",), year=2021), small).key == (
        "report.no_communities_for_kind"
    )
    assert _raises(Request("submission", ("alpha",), year=2021), small).key == (
        "report.no_communities_for_kind"
    )
    assert _raises(Request("application", year=2021), small).key == "report.need_community"


def test_an_unknown_community_names_those_that_exist(small: CheckedData) -> None:
    with pytest.raises(UnknownCommunityError) as caught:
        plan_documents(Request("application", ("nope",), year=2021), small)
    assert [i for i, _ in caught.value.known] == ["alpha", "beta", "gamma"]
