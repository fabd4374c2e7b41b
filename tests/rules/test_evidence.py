"""An id typo is one problem: GC301, not GC301 and a GC307 per evidence file."""

from __future__ import annotations

from pathlib import Path

from greencommunity.validation import validate


def _retype_id(data: Path, stem: str, new_id: str) -> Path:
    path = data / "communities" / f"{stem}.yaml"
    text = path.read_text(encoding="utf-8")
    assert f"\nid: {stem}\n" in text
    path.write_text(text.replace(f"\nid: {stem}\n", f"\nid: {new_id}\n", 1), encoding="utf-8")
    return path


def test_an_id_typo_is_reported_once(data_copy: Path) -> None:
    """songxin.yaml lists four evidence files under evidence/songxin/; with the
    id mistyped songxim, the one cause is the id."""
    _retype_id(data_copy, "songxin", "songxim")
    result = validate(data_copy)
    assert [(Path(d.path).name, d.code, d.line, d.column) for d in result.diagnostics] == [
        ("songxin.yaml", "GC301", 4, 5)
    ]
    [diagnostic] = result.diagnostics
    assert diagnostic.message == (
        "社区编号 songxim 与文件名 songxin.yaml 不一致。"
        "请把 id 改为 songxin，或把文件改名为 songxim.yaml。"
    )


def test_evidence_is_checked_again_once_the_id_is_right(data_copy: Path) -> None:
    """The skipped check is not lost: with the id right and a file gone, GC307."""
    (data_copy / "evidence" / "songxin" / "议事会会议记录-2021.md").unlink()
    codes = [d.code for d in validate(data_copy).diagnostics]
    assert codes == ["GC307"]
    _retype_id(data_copy, "songxin", "songxim")
    assert [d.code for d in validate(data_copy).diagnostics] == ["GC301"]


def test_a_missing_file_is_told_the_nearest_one_there(data_copy: Path) -> None:
    """议事会会议记录-2O22.md (a letter O for a zero): the folder's
    议事会会议记录-2022.md is suggested, not the ledger the list already names."""
    path = data_copy / "communities" / "jiayu.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace(
            "- 议事会会议记录-2022.md", "- 议事会会议记录-2O22.md\n          - 创建工作台账-2022.md"
        ),
        encoding="utf-8",
    )
    [diagnostic] = validate(data_copy).diagnostics
    assert (diagnostic.code, diagnostic.line, diagnostic.column) == ("GC307", 136, 13)
    assert diagnostic.message == (
        "佐证材料 议事会会议记录-2O22.md 不存在（应放在 evidence/jiayu/ 下）。"
        "请放入文件或更正路径。是不是要写 议事会会议记录-2022.md？"
    )


def test_a_file_the_list_names_already_is_not_suggested(data_copy: Path) -> None:
    path = data_copy / "communities" / "jiayu.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace(
            "- 议事会会议记录-2022.md",
            "- 议事会会议记录-2022.md\n          - 议事会会议记录-2O22.md",
        ),
        encoding="utf-8",
    )
    [diagnostic] = validate(data_copy).diagnostics
    assert diagnostic.message.endswith("请放入文件或更正路径。")
