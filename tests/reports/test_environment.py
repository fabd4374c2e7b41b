from __future__ import annotations

from pathlib import Path

import pytest
from jinja2 import UndefinedError
from jinja2.exceptions import SecurityError

from greencommunity.reports.choices import Format, Kind
from greencommunity.reports.environment import build_environment, override_dirs
from greencommunity.reports.kinds import Request, plan_documents
from greencommunity.reports.render import Renderer
from tests.reports.helpers import ISSUED, shipped

HOSTILE = "崧鑫<script>alert(1)</script>{{ 7*7 }}{% raw %}x{% endraw %}居委会"


def test_override_folders_are_found_beside_and_inside_the_data(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
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
        (
            Path(__file__).resolve().parents[2] / "src/greencommunity/templates/_macros.md.j2"
        ).read_text(encoding="utf-8")
        + "\n",
        encoding="utf-8",
    )
    (folder / "scoresheet.md.j2").write_text(
        "# 本镇自定义评分表：{{ view.community.name }} 共 {{ view.score.score | points }} 分\n",
        encoding="utf-8",
    )
    town, criteria, communities = shipped()
    plan = plan_documents(
        Request(Kind.scoresheet, ("songxin",), year=2021, issued=ISSUED),
        town,
        criteria,
        communities,
    )
    renderer = Renderer(data)
    text = renderer.markdown(plan.documents[0])
    assert text == "# 本镇自定义评分表：崧鑫居委会 共 88 分\n"
    # The HTML template was not overridden: it still comes from the package.
    assert "自测评分表" in renderer.html(plan.documents[0])


def test_sandbox_blocks_python_internals() -> None:
    env = build_environment()
    template = env.from_string("{{ ''.__class__.__mro__[1].__subclasses__() }}")
    with pytest.raises(SecurityError):
        template.render()
    mutate = env.from_string("{% set _ = items.append(1) %}{{ items }}")
    with pytest.raises(SecurityError):
        mutate.render(items=[])


def test_undefined_names_are_errors() -> None:
    env = build_environment()
    with pytest.raises(UndefinedError):
        env.from_string("{{ view.nope }}").render(view={})


def test_html_autoescapes_and_data_is_never_evaluated() -> None:
    env = build_environment()
    out = env.get_template("index.html.j2").render(title=HOSTILE, entries=[], notes=[HOSTILE])
    assert "<script>alert" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "{{ 7*7 }}" in out and "49" not in out
    assert "{% raw %}" in out


def test_markdown_escapes_every_value() -> None:
    env = build_environment(markdown=True)
    out = env.from_string("| {{ name }} | {{ names | join('、') }} |").render(
        name=HOSTILE, names=["<b>", "a|b"]
    )
    assert "<script>" not in out and "<b>" not in out
    assert "\\<script\\>" in out
    assert "\\{\\{ 7\\*7 \\}\\}" in out
    assert "\\<b\\>、a\\|b" in out


@pytest.mark.parametrize("fmt", [Format.md, Format.html])
def test_hostile_community_name_in_every_kind(fmt: Format) -> None:
    town, criteria, communities = shipped()
    hostile = [
        c.model_copy(update={"name": HOSTILE}) if c.id == "songxin" else c for c in communities
    ]
    renderer = Renderer()
    for kind, ids in (
        (Kind.application, ("songxin",)),
        (Kind.scoresheet, ("songxin",)),
        (Kind.summary, ()),
        (Kind.progress, ()),
    ):
        plan = plan_documents(Request(kind, ids, year=2021, issued=ISSUED), town, criteria, hostile)
        out = renderer.render(plan.documents[0], fmt).decode("utf-8")
        assert "<script>" not in out, kind
        if fmt is Format.html:
            assert "&lt;script&gt;" in out, kind
            assert "{{ 7*7 }}" in out, kind
        else:
            assert "\\<script\\>" in out, kind
            assert "\\{\\{ 7\\*7 \\}\\}" in out, kind
