"""The Jinja environment: override folders, sandbox, strict names, escaping."""

from __future__ import annotations

import dataclasses
import re
from importlib.resources import files
from pathlib import Path

import pytest
from jinja2 import UndefinedError
from jinja2.exceptions import SecurityError

from greencommunity.documents.environment import build_environment, override_dirs
from greencommunity.documents.planning import index_entries
from greencommunity.documents.render import Renderer
from greencommunity.i18n import DOCUMENT_LANGUAGE
from greencommunity.locales import CATALOGS
from greencommunity.models.folder import CheckedData
from greencommunity.provenance import unknown
from tests.documents.helpers import DATA, ISSUED, plan, shipped

HOSTILE = "崧鑫<script>alert(1)</script>{{ 7*7 }}{% raw %}x{% endraw %}居委会"
BUILT_IN = files("greencommunity.documents") / "templates"


def test_override_folders_are_found_beside_and_inside_the_data(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    assert override_dirs(None) == []
    assert override_dirs(data) == []
    (tmp_path / "templates").mkdir()
    assert override_dirs(data) == [tmp_path / "templates"]
    (data / "templates").mkdir()
    assert override_dirs(data) == [data / "templates", tmp_path / "templates"]


def test_an_override_replaces_one_file_and_the_rest_stays_built_in(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "_macros.md.j2").write_text(
        (BUILT_IN / "_macros.md.j2").read_text(encoding="utf-8") + "\n", encoding="utf-8"
    )
    (folder / "scoresheet.md.j2").write_text(
        "# 本镇自定义评分表：{{ view.community.name }} 共 {{ view.score.score | points }} 分\n",
        encoding="utf-8",
    )
    doc = plan(shipped(), "scoresheet", ("songxin",), 2021).documents[0]
    renderer = Renderer(data)
    assert renderer.markdown(doc) == "# 本镇自定义评分表：崧鑫居委会 共 88 分\n"
    # The HTML template was not overridden: it still comes from the package.
    assert "自测评分表" in renderer.html(doc)
    # Without the data folder, nothing is overridden.
    assert Renderer().markdown(doc).startswith("# 崧鑫居委会自测评分表\n")


def test_the_override_inside_the_data_folder_wins(tmp_path: Path) -> None:
    data = tmp_path / "data"
    for folder, words in ((data / "templates", "里面"), (tmp_path / "templates", "旁边")):
        folder.mkdir(parents=True)
        (folder / "summary.md.j2").write_text(f"# {words}\n", encoding="utf-8")
    doc = plan(shipped(), "summary", year=2021).documents[0]
    assert Renderer(data).markdown(doc) == "# 里面\n"


def test_sandbox_blocks_python_internals() -> None:
    for env in (build_environment(), build_environment(for_markdown=True)):
        template = env.from_string("{{ ''.__class__.__mro__[1].__subclasses__() }}")
        with pytest.raises(SecurityError):
            template.render()
        mutate = env.from_string("{% set _ = items.append(1) %}{{ items }}")
        with pytest.raises(SecurityError):
            mutate.render(items=[])


def test_undefined_names_are_errors() -> None:
    for env in (build_environment(), build_environment(for_markdown=True)):
        with pytest.raises(UndefinedError):
            env.from_string("{{ view.nope }}").render(view={})


def test_html_autoescapes_and_data_is_never_evaluated() -> None:
    env = build_environment()
    provenance = unknown(ISSUED)
    out = env.get_template("index.html.j2").render(title=HOSTILE, entries=[], provenance=provenance)
    assert "<script>alert" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "{{ 7*7 }}" in out and "49" not in out
    assert "{% raw %}" in out


def test_markdown_escapes_every_value() -> None:
    env = build_environment(for_markdown=True)
    out = env.from_string("| {{ name }} | {{ names | join('、') }} |").render(
        name=HOSTILE, names=["<b>", "a|b"]
    )
    assert "<script>" not in out and "<b>" not in out
    assert "\\<script\\>" in out
    assert "\\{\\{ 7\\*7 \\}\\}" in out
    assert "\\<b\\>、a\\|b" in out
    # Markdown escaping, not HTML escaping: no entity for "<".
    assert "&lt;" not in out


@pytest.mark.parametrize("markdown", [False, True])
def test_catalog_parameters_are_escaped_as_values_are(markdown: bool) -> None:
    """t() and tn() escape each parameter as {{ value }} would, and leave markup
    (a macro's, join's) alone: the sentence reads as the template wrote it."""
    env = build_environment(for_markdown=markdown)
    said = env.from_string(
        "{{ t('document.notice.draft', year=2022, issuer=name) }}"
        "{{ t('document.notice.illustrative_some', names=names | join('、')) }}"
        "{{ tn('document.pending', names | length) }}"
    ).render(name=HOSTILE + '"镇"', names=["<b>", "a|b"])
    written = env.from_string(
        "草稿：本社区{{ 2022 }}年度的材料尚未报送{{ name }}。"
        "说明：{{ names | join('、') }}的数据为示意数据（社区概况、创建计划与评分），"
        "并非真实测评结果。"
        "另有 2 个社区本年度已开展创建但尚未报送申报材料："
    ).render(name=HOSTILE + '"镇"', names=["<b>", "a|b"])
    assert said == written
    assert "<script>" not in said and "“镇”" in said


# What Markdown or HTML would read as markup rather than text.
MARKUP = re.compile(r"[\\`*_{}\[\]<>#|~&]|^[-+=]|^\d+[.)]")


def test_catalog_sentences_of_the_templates_are_plain_text() -> None:
    """The templates write t()'s words unescaped, as their own text: so every
    sentence they take from the catalog must be plain text in the document
    language (its placeholders aside)."""
    used = set()
    for template in BUILT_IN.iterdir():
        if template.name.endswith(".j2"):
            text = template.read_text(encoding="utf-8")
            used |= set(re.findall(r"""\bt[n]?\(\s*["']([a-z_.]+)["']""", text))
    assert "document.verdict" in used
    catalog = CATALOGS[DOCUMENT_LANGUAGE]
    for key in sorted(used):
        message = catalog[key]
        forms = message.forms() if not isinstance(message, str) else (message,)
        for form in forms:
            words = re.sub(r"\{[a-z_]+\}", "", form)
            assert not MARKUP.search(words), (key, form)


def _hostile() -> CheckedData:
    data = shipped()
    communities = tuple(
        c.model_copy(update={"name": HOSTILE}) if c.id == "songxin" else c for c in data.communities
    )
    return dataclasses.replace(data, communities=communities)


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_hostile_community_name_in_every_kind(fmt: str) -> None:
    data = _hostile()
    renderer = Renderer()
    for kind, ids in (
        ("application", ("songxin",)),
        ("scoresheet", ("songxin",)),
        ("summary", ()),
        ("progress", ()),
    ):
        made = plan(data, kind, ids, 2021)
        out = renderer.render(made.documents[0], fmt).decode("utf-8")
        assert "<script>" not in out, kind
        if fmt == "html":
            assert "&lt;script&gt;" in out, kind
            assert "{{ 7*7 }}" in out, kind
        else:
            assert "\\<script\\>" in out, kind
            assert "\\{\\{ 7\\*7 \\}\\}" in out, kind


def test_hostile_community_name_in_the_bundle_and_the_index() -> None:
    made = plan(_hostile(), "submission", year=2021, issued=ISSUED)
    renderer = Renderer()
    bundle = renderer.bundle_html(made.title, made.bundle, made.provenance)
    assert "<script>" not in bundle and "&lt;script&gt;" in bundle
    names = [f"{d.stem}.md" for d in made.documents]
    entries = index_entries(made, names)
    for fmt in ("md", "html"):
        out = renderer.index(fmt, made.title, entries, made.provenance)
        assert "<script>" not in out, fmt


@pytest.mark.slow  # every document of the shipped data, rendered once for the module
def test_shipped_documents_quote_the_funding_channel_in_chinese(every_output: Path) -> None:
    """town.yaml writes the channel '"美丽家园"创建' with ASCII quotes."""
    assert '"美丽家园"' in (DATA / "town.yaml").read_text(encoding="utf-8")
    seen = 0
    for path in sorted(every_output.rglob("*.*")):
        if path.suffix not in (".md", ".html"):
            continue
        text = path.read_text(encoding="utf-8")
        assert '"美丽家园"' not in text and "&#34;美丽家园&#34;" not in text, path.name
        seen += "“美丽家园”" in text
    assert seen > 10
