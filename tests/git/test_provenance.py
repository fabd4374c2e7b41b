"""provenance.py and loading/git.data_revision on real repositories: which
commit a data folder is, whether it has uncommitted changes, and the words
every output says it with."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from greencommunity.core import years
from greencommunity.i18n import set_language
from greencommunity.loading.git import data_revision
from greencommunity.models.criteria import fingerprint
from greencommunity.provenance import ProvenanceError, of, unknown
from tests.conftest import SHIPPED_DATA
from tests.documents.helpers import shipped
from tests.git.conftest import GitData

DAY = years.Day(dt.date(2022, 10, 30), asked=True)


def _committed(repo: GitData) -> dt.datetime:
    return dt.datetime.fromisoformat(repo.git("log", "-1", "--format=%cI").strip())


def test_a_clean_folder_is_its_last_commit(repo: GitData) -> None:
    revision = data_revision(repo.data)
    assert revision is not None
    assert revision.commit == repo.head()
    assert revision.changed == ()
    assert revision.time == _committed(repo)
    assert revision.time.date() == dt.date(2022, 11, 1)
    assert revision.prefix == "data"


def test_a_commit_outside_the_data_folder_does_not_change_its_revision(repo: GitData) -> None:
    data_commit = repo.head()
    (repo.top / "README.md").write_text("说明\n", encoding="utf-8")
    repo.commit("README", day="2022-11-05")
    revision = data_revision(repo.data)
    assert revision is not None
    assert revision.commit == data_commit


def test_edits_additions_and_deletions_are_uncommitted_changes(repo: GitData) -> None:
    repo.pass_jiahuang()
    (repo.data / "communities" / "new.yaml").write_text("id: new\n", encoding="utf-8")
    (repo.data / "evidence" / "huaqin" / "创建工作台账-2021.md").unlink()
    revision = data_revision(repo.data)
    assert revision is not None and revision.dirty
    assert sorted(revision.changed) == [
        "data/communities/jiahuang.yaml",
        "data/communities/new.yaml",
        "data/evidence/huaqin/创建工作台账-2021.md",
    ]


def test_a_changed_template_is_an_uncommitted_change_too(repo: GitData) -> None:
    templates = repo.top / "templates"
    templates.mkdir()
    (templates / "_letterhead.html.j2").write_text("<p>镇</p>\n", encoding="utf-8")
    assert data_revision(repo.data).changed == ()  # type: ignore[union-attr]
    revision = data_revision(repo.data, [templates])
    assert revision is not None and revision.changed == ("templates/_letterhead.html.j2",)


def test_a_repository_without_commits(tmp_path: Path) -> None:
    made = GitData(tmp_path)
    shutil.copytree(SHIPPED_DATA, made.data)
    made.git("init", "-q")
    revision = data_revision(made.data)
    assert revision is not None and revision.commit is None and revision.dirty
    assert of(made.data, DAY).revision_words() == "尚无提交，含未提交的修改"


def test_a_folder_outside_git(tmp_path: Path) -> None:
    shutil.copytree(SHIPPED_DATA, tmp_path / "data")
    assert data_revision(tmp_path / "data") is None


def test_the_words_in_both_languages(repo: GitData, tmp_path: Path) -> None:
    sheet = shipped().criteria.criteria_for(2022)
    short = fingerprint(sheet).removeprefix("sha256:")[:12]
    head = repo.head()[:8]
    clean = of(repo.data, DAY).for_criteria(sheet)
    assert clean.words() == (
        f"数据版本：{head}；评分表指纹：{short}；gc {clean.version}；数据截至 2022年10月30日"
    )
    repo.pass_jiahuang()
    dirty = of(repo.data, years.Day(DAY.date, asked=False)).for_criteria(sheet)
    assert dirty.dirty
    assert dirty.words() == (
        f"数据版本：{head}，含未提交的修改；评分表指纹：{short}；gc {dirty.version}；"
        "数据截至生成之日 2022年10月30日"
    )
    outside = unknown(DAY.date).for_criteria(sheet)
    set_language("en")
    assert dirty.words() == (
        f"Data revision: {head}, with uncommitted changes; criteria fingerprint: {short}; "
        f"gc {dirty.version}; data as of the day it was made, 2022-10-30"
    )
    assert outside.words() == (
        f"Data revision: not in git; criteria fingerprint: {short}; "
        f"gc {outside.version}; data as of 2022-10-30"
    )


def test_the_stamp_is_the_commit_time_unless_source_date_epoch_says(
    repo: GitData, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(years.EPOCH_VARIABLE, raising=False)
    assert of(repo.data, DAY).stamp == _committed(repo)
    monkeypatch.setenv(years.EPOCH_VARIABLE, "1667088000")
    assert of(repo.data, DAY).stamp == dt.datetime(2022, 10, 30, tzinfo=dt.UTC)
    monkeypatch.setenv(years.EPOCH_VARIABLE, "yesterday")
    with pytest.raises(ProvenanceError, match="SOURCE_DATE_EPOCH"):
        of(repo.data, DAY)
