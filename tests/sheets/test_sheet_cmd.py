"""gc sheet through the command line: what is said, exactly, and the exit codes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from typer.testing import CliRunner

from greencommunity.cli.app import app
from tests.sheets.build_hostile import FOLDER as HOSTILE
from tests.sheets.helpers import exported, fill

runner = CliRunner()


def _gc(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["sheet", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def here(tmp_path: Path, data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run from the folder holding the data copy: paths are shown relative to it."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_export_one_community(here: Path) -> None:
    code, out, err = _gc("export", "佳福东", "--year", "2022", "--output", "佳福东.xlsx")
    assert (code, err) == (0, "")
    assert out == "已写入 佳福东.xlsx：佳福东居委会 2022 年自测评分表（已填 22 项）。\n"
    assert (here / "佳福东.xlsx").stat().st_size > 0


def test_export_every_community_of_a_year(here: Path) -> None:
    code, out, _ = _gc("export", "--all", "--year", "2023", "-o", "评分表")
    assert code == 0
    assert out == (
        "已写入 2 份 2023 年自测评分表到 评分表：\n"
        "  2023-jiahuang-自测评分表.xlsx：佳煌居委会（空白）\n"
        "  2023-xiangjia-自测评分表.xlsx：巷佳居委会（空白）\n"
    )
    assert sorted(p.name for p in (here / "评分表").iterdir()) == [
        "2023-jiahuang-自测评分表.xlsx",
        "2023-xiangjia-自测评分表.xlsx",
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["export", "--year", "2022"],
            "请指定社区（编号或名称），或用 --all 为 2022 年每个参与创建的社区各导出一份。"
            "例如：gc sheet export jiayu --year 2022 --output 佳昱.xlsx",
        ),
        (["export", "jiayu"], "请用 --output 指定要写入的文件，如 --output 佳昱.xlsx。"),
        (["export", "--all"], "用 --all 时请用 --output 指定要写入的目录，如 --output 评分表。"),
        (
            ["export", "jiayu", "-o", "佳昱.xls"],
            "佳昱.xls 不以 .xlsx 结尾：Excel 和 WPS 按扩展名识别文件，请改为 .xlsx。",
        ),
        (["export", "jiayu", "-o", "a.xlsx", "--dry-run"], "--dry-run 只用于 gc sheet import。"),
        (["import", "a.xlsx", "--year", "2022"], "--year 只用于 gc sheet export。"),
        (["import"], "请指定要导入的工作簿，如 gc sheet import 佳昱.xlsx。"),
    ],
)
def test_usage_errors(here: Path, args: list[str], message: str) -> None:
    code, out, err = _gc(*args)
    assert (code, out) == (2, "")
    assert err == f"错误：{message}\n"
    assert sorted(p.name for p in here.iterdir()) == ["data"]


def test_an_unknown_action_is_a_usage_error(here: Path) -> None:
    result = runner.invoke(app, ["sheet", "send"])
    assert result.exit_code == 2
    assert "错误：操作 的值不对：send 不是可选值之一，可选：export、import。" in result.output


def test_import_says_what_changed_and_writes_it(here: Path) -> None:
    data = here / "data"
    fill(exported(data, "jiafudong", 2022), {"E7": 5, "F8": "议事会每月一次"}, here / "佳福东.xlsx")
    code, out, err = _gc("import", "佳福东.xlsx")
    assert (code, err) == (0, "")
    assert out == (
        "data/communities/jiafudong.yaml（佳福东居委会 2022 年自测评分，来自 佳福东.xlsx）：\n"
        "  1.1 自评得分：4.5 → 5\n"
        "  1.2 说明：（无） → 议事会每月一次\n"
        "已写入 1 个社区文件。\n"
    )
    assert '"1.1": 5\n' in (data / "communities" / "jiafudong.yaml").read_text(encoding="utf-8")
    code, out, _ = _gc("import", "佳福东.xlsx")
    assert code == 0
    assert out == (
        "佳福东.xlsx：佳福东居委会 2022 年的自测评分与社区文件一致，无需修改。\n"
        "没有需要写入的修改。\n"
    )


def test_a_failed_write_names_the_file_that_failed(
    here: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two community files change; the second cannot be written: the message
    names it (not the first), and neither file changes."""
    data = here / "data"
    fill(exported(data, "jiafudong", 2022), {"E7": 5}, here / "佳福东.xlsx")
    fill(exported(data, "jiayu", 2022), {"E7": 4}, here / "佳昱.xlsx")
    before = {n: (data / "communities" / n).read_bytes() for n in ("jiafudong.yaml", "jiayu.yaml")}
    calls: list[int] = []

    def second_fails(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")

    monkeypatch.setattr("greencommunity.atomic.os.fsync", second_fails)
    code, _, err = _gc("import", "佳福东.xlsx", "佳昱.xlsx")
    assert code == 2
    assert err.startswith("错误：无法写入 ") and "jiafudong" not in err
    assert err.endswith("data/communities/jiayu.yaml：No space left on device\n")
    after = {n: (data / "communities" / n).read_bytes() for n in before}
    assert after == before


def test_a_dry_run_writes_nothing(here: Path) -> None:
    data = here / "data"
    before = (data / "communities" / "jiafudong.yaml").read_bytes()
    fill(exported(data, "jiafudong", 2022), {"E7": None}, here / "a.xlsx")
    code, out, _ = _gc("import", "a.xlsx", "--dry-run")
    assert code == 0
    assert out == (
        "data/communities/jiafudong.yaml（佳福东居委会 2022 年自测评分，来自 a.xlsx）：\n"
        "  1.1 自评得分：4.5 → （无）\n"
        "试运行：以上修改没有写入。去掉 --dry-run 即写入。\n"
    )
    assert (data / "communities" / "jiafudong.yaml").read_bytes() == before


def test_problems_name_workbook_sheet_and_cell(here: Path) -> None:
    for name in ("off_step.xlsx", "macro_sheet.xlsx"):
        (here / name).write_bytes((HOSTILE / name).read_bytes())
    code, out, err = _gc("import", "off_step.xlsx", "macro_sheet.xlsx")
    assert (code, out) == (1, "")
    assert err == (
        "off_step.xlsx 自测评分表!E7：错误 GC411 得分 4.3 不是评分步长 0.5 分的整数倍，"
        "应为 4 或 4.5。\n"
        "off_step.xlsx 自测评分表!E9：错误 GC411 得分 2.123456 不是评分步长 0.5 分的整数倍，"
        "应为 2 或 2.5。\n"
        "macro_sheet.xlsx：错误 GC402 工作簿含宏或嵌入的程序（xl/macrosheets/sheet1.xml）。"
        "请另存为不含宏的 .xlsx 工作簿。\n"
        "错误：发现 3 个问题，没有写入任何文件。\n"
    )


def test_problems_in_english(here: Path) -> None:
    (here / "formulas.xlsx").write_bytes((HOSTILE / "formulas.xlsx").read_bytes())
    result = runner.invoke(app, ["--lang", "en", "sheet", "import", "formulas.xlsx"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "formulas.xlsx 自测评分表!E7: error GC408 Type a value here, not a formula: =4+1. "
        "Type its result instead.",
        "formulas.xlsx 自测评分表!F8: error GC408 Type a value here, not a formula: =A1. "
        "Type its result instead.",
        "formulas.xlsx 自测评分表!E3: error GC408 Type a value here, not a formula: =TODAY(). "
        "Type its result instead.",
        "Error: Found 3 problems; no file was written.",
    ]


def test_an_import_that_would_add_an_error_is_refused(here: Path) -> None:
    data = here / "data"
    fill(exported(data, "jiafudong", 2022), {"E3": dt.date(2022, 10, 30)}, here / "a.xlsx")
    code, out, err = _gc("import", "a.xlsx")
    assert code == 1
    assert out == (
        "data/communities/jiafudong.yaml（佳福东居委会 2022 年自测评分，来自 a.xlsx）：\n"
        "  自评日期：2022-10-20 → 2022-10-30\n"
    )
    lines = err.splitlines()
    assert lines[0].startswith("data/communities/jiafudong.yaml:85:16：错误 GC309 ")
    assert lines[1:] == ["错误：导入后数据会有以上 1 个现在没有的错误，因此没有写入任何文件。"]
