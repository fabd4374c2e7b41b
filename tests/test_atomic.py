from __future__ import annotations

from pathlib import Path

import pytest

from greencommunity import atomic


def test_write_replaces_content(tmp_path: Path) -> None:
    target = tmp_path / "out" / "report.md"
    atomic.write_text(target, "一")
    atomic.write_text(target, "二")
    assert target.read_text(encoding="utf-8") == "二"
    assert [p.name for p in target.parent.iterdir()] == ["report.md"]


def test_failure_mid_write_keeps_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "report.md"
    target.write_text("旧内容", encoding="utf-8")

    def boom(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("greencommunity.atomic.os.fsync", boom)
    with pytest.raises(OSError):
        atomic.write_text(target, "新内容" * 1000)
    assert target.read_text(encoding="utf-8") == "旧内容"
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]


def test_write_all_changes_every_file_or_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    first.write_text("旧甲", encoding="utf-8")
    second.write_text("旧乙", encoding="utf-8")
    calls = []

    def second_fails(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")

    monkeypatch.setattr("greencommunity.atomic.os.fsync", second_fails)
    with pytest.raises(atomic.WriteError) as failed:
        atomic.write_all({first: "新甲".encode(), second: "新乙".encode()})
    assert failed.value.path == second  # the file that failed, not the first
    assert failed.value.strerror == "No space left on device"
    assert first.read_text(encoding="utf-8") == "旧甲"
    assert second.read_text(encoding="utf-8") == "旧乙"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml", "b.yaml"]
    monkeypatch.undo()
    atomic.write_all({first: "新甲".encode(), second: "新乙".encode()})
    assert (first.read_text(encoding="utf-8"), second.read_text(encoding="utf-8")) == (
        "新甲",
        "新乙",
    )
