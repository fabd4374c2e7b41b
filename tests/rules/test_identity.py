"""GC301's advice is never an error itself: a copied file is not told to take
the name of the file it was copied from, nor to take an id no id can be."""

from __future__ import annotations

from pathlib import Path

from greencommunity.validation import validate


def _gc301(data: Path) -> list[tuple[str, str]]:
    return [(Path(d.path).name, d.message) for d in validate(data).diagnostics if d.code == "GC301"]


def test_a_copied_file_is_told_to_change_its_id_only(data_copy: Path) -> None:
    communities = data_copy / "communities"
    text = (communities / "jiayu.yaml").read_text(encoding="utf-8")
    (communities / "jiayu2.yaml").write_text(text, encoding="utf-8")
    assert _gc301(data_copy) == [
        (
            "jiayu2.yaml",
            "社区编号 jiayu 与文件名 jiayu2.yaml 不一致。"
            "请把 id 改为 jiayu2（jiayu.yaml 是另一个社区的文件，不能改成这个名字）。",
        )
    ]


def test_a_file_named_as_no_id_is_told_to_be_renamed(data_copy: Path) -> None:
    communities = data_copy / "communities"
    text = (communities / "jiayu.yaml").read_text(encoding="utf-8")
    (communities / "jiayu.yaml").unlink()
    (communities / "佳昱 副本.yaml").write_text(text, encoding="utf-8")
    assert _gc301(data_copy) == [
        (
            "佳昱 副本.yaml",
            "社区编号 jiayu 与文件名 佳昱 副本.yaml 不一致。"
            "请把文件改名为 jiayu.yaml（佳昱 副本 不能用作社区编号：编号是小写拼音）。",
        )
    ]


def test_neither_way_out_is_suggested_when_both_make_an_error(data_copy: Path) -> None:
    communities = data_copy / "communities"
    text = (communities / "jiayu.yaml").read_text(encoding="utf-8")
    (communities / "佳昱 副本.yaml").write_text(text, encoding="utf-8")
    [(_, message)] = _gc301(data_copy)
    assert message.endswith("请给本社区取一个未被使用的编号，同时用作 id 和文件名。")
