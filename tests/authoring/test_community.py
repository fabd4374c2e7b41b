"""gc new's community file: valid in the town's data at once, laid out as gc fmt
lays it out, every section present; what would not validate is refused."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from greencommunity.authoring.community import check_id, community_text, create
from greencommunity.authoring.errors import AuthoringError
from greencommunity.authoring.layout import canonical
from greencommunity.loading.parser import parse as parse_plain
from greencommunity.models import Community
from greencommunity.validation import validate
from tests.corpus.cases import small_data


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return small_data(tmp_path / "data")


def test_a_new_community_validates(data: Path) -> None:
    made = create(data, "huaxin-xincun", "华新新村居委会", 2022)
    assert made.path == data / "communities" / "huaxin-xincun.yaml"
    assert validate(data).diagnostics == []


def test_it_is_laid_out_as_gc_fmt_would(data: Path) -> None:
    text = create(data, "huaxin", "华新居委会", 2021).path.read_text(encoding="utf-8")
    assert canonical(text, "community") == text


def test_every_section_is_there_with_an_empty_plan_and_the_batch_year() -> None:
    text = community_text("huaxin", "华新居委会", 2022, None)
    assert text.startswith("# yaml-language-server: $schema=../../schemas/community.schema.json\n")
    data = parse_plain(text)
    assert list(data) == ["id", "name", "batch", "profile", "plan", "assessments"]
    assert data["plan"] == []
    assert data["assessments"] == [
        {"year": 2022, "submitted": None, "self": None, "district": None, "city": None}
    ]
    assert set(data["profile"]) == set(Community.model_fields["profile"].annotation.model_fields)  # type: ignore[union-attr]
    assert Community.model_validate(data).batch == 2022


def test_each_field_has_a_chinese_comment() -> None:
    """On its line, or on the line above it."""
    lines = community_text("huaxin", "华新居委会", 2022, None).splitlines()
    for above, line in itertools.pairwise(lines):
        if line and not line.lstrip().startswith("#"):
            assert "  # " in line or above.lstrip().startswith("#"), line
    assert "  households:  # 户数（整数）" in lines


def test_the_self_sheet_lists_the_items_of_the_score_sheet(data: Path) -> None:
    text = create(data, "huaxin", "华新居委会", 2022).path.read_text(encoding="utf-8")
    assert '    #     "1.1":  # 绿色社区创建与基层党组织建设、居民自治机制建设…（5 分）\n' in text
    assert '    #     "5.4":  # 动员志愿者、企事业单位、社会组织广泛参与绿色社…（4 分）\n' in text
    assert sum(line.endswith("分）") for line in text.splitlines()) == 22


def test_the_self_sheet_shows_how_evidence_is_listed(data: Path) -> None:
    """Without it, a sheet submitted with scores only meets a GC333 for its
    items: the example is the first item the score sheet asks materials for."""
    text = create(data, "huaxin", "华新居委会", 2022).path.read_text(encoding="utf-8")
    assert (
        "    #   evidence:  # 佐证材料：文件放在 evidence/huaxin/ 下，"
        "每个得分的条目列出它的文件，如\n"
        '    #     "1.1": [创建工作领导小组名单-2022.pdf, 党组织会议记录-2022.pdf]\n'
        "    district:"
    ) in text


def test_filled_in_by_removing_the_comment_marks_it_validates(data: Path) -> None:
    """The commented sheet is real YAML at the right depth: removing "# " and
    writing scores gives a valid self-assessment."""
    path = create(data, "huaxin", "华新居委会", 2022).path
    text = path.read_text(encoding="utf-8")
    lines = []
    for line in text.splitlines():
        if line.startswith("    #   ") or line.startswith('    #     "'):
            line = "    " + line[6:]
            if line.rstrip().endswith("）"):
                line = line.split(":  #", 1)[0] + ": 3"
        lines.append(line)
    filled = "\n".join(lines).replace("    self:  #", "    self:  # 已填写 ") + "\n"
    path.write_text(filled, encoding="utf-8")
    evidence = data / "evidence" / "huaxin"
    evidence.mkdir(parents=True)
    for name in ("创建工作领导小组名单-2022.pdf", "党组织会议记录-2022.pdf"):
        (evidence / name).write_bytes(b"%PDF-1.7\n")
    assert validate(data).diagnostics == []
    model = Community.model_validate(parse_plain(filled))
    assert model.assessments[0].self is not None
    assert len(model.assessments[0].self.scores) == 22


def test_a_name_yaml_would_misread_stays_one_value(data: Path) -> None:
    made = create(data, "huaxin", "华新: 一村 # 二", 2022)
    assert parse_plain(made.path.read_text(encoding="utf-8"))["name"] == "华新: 一村 # 二"


def test_an_existing_file_is_never_overwritten(data: Path) -> None:
    before = (data / "communities" / "longlian.yaml").read_bytes()
    with pytest.raises(AuthoringError) as refused:
        create(data, "longlian", "新名称", 2022)
    assert refused.value.key == "new.exists"
    assert (data / "communities" / "longlian.yaml").read_bytes() == before


@pytest.mark.parametrize("bad", ["Songxin", "song xin", "1song", "song_xin", "崧鑫", "a" * 65, ""])
def test_an_invalid_id_names_the_rule_it_breaks(bad: str) -> None:
    with pytest.raises(AuthoringError) as refused:
        check_id(bad)
    assert refused.value.key == "new.bad_id"
    assert refused.value.params["code"] == "GC206"
    assert "只能用小写字母、数字和连字符，以字母开头" in str(refused.value.params["problem"])


def test_a_batch_that_is_no_target_year_is_refused(data: Path) -> None:
    with pytest.raises(AuthoringError) as refused:
        create(data, "huaxin", "华新居委会", 2023)
    assert refused.value.key == "new.batch_not_target"
    assert refused.value.params == {"batch": 2023, "years": "2021、2022"}
    assert not (data / "communities" / "huaxin.yaml").exists()


def test_a_name_already_used_is_refused(data: Path) -> None:
    with pytest.raises(AuthoringError) as refused:
        create(data, "huaxin", "龙联居委会", 2022)
    assert refused.value.key == "new.name_taken"
    assert refused.value.params == {"name": "龙联居委会", "other": "longlian"}


def test_without_a_readable_score_sheet_the_sheet_has_one_example_line(data: Path) -> None:
    (data / "criteria.yaml").write_text("title: [\n", encoding="utf-8")
    text = create(data, "huaxin", "华新居委会", 2022).path.read_text(encoding="utf-8")
    assert '    #   scores:\n    #     "1.1": 4\n    #   evidence:' in text
    assert '    #     "1.1": [议事会会议记录-2022.pdf]\n    district:' in text
