"""`python -m geo ledger`: write, fill, check back; exit codes 0, 1, 2."""

from __future__ import annotations

import openpyxl
import pytest

from geo.cli import main
from geo.ledger import STATUSES


def _fill(path, rows: dict[int, tuple[str, str]]) -> None:
    book = openpyxl.load_workbook(path)
    for row, (status, updated) in rows.items():
        book.active.cell(row, 12).value = status
        book.active.cell(row, 14).value = updated
    book.save(path)


def test_round_trip_through_the_command_line(tmp_path, capsys):
    out = tmp_path / "lz.xlsx"
    assert main(["ledger", "--out", str(out), "--city", "兰州市"]) == 0
    assert "wrote" in capsys.readouterr().out
    sheet = openpyxl.load_workbook(out).active
    tasks = sum(1 for r in range(3, sheet.max_row + 1) if sheet.cell(r, 2).value)  # rows with a 任务编号
    rows = {3 + i: (s.zh, "2025-06-30") for i, s in enumerate(STATUSES)}
    rows.update({8: ("差不多", "2025-06-30"), 9: ("在建", "明天")})
    _fill(out, rows)
    assert main(["ledger", "--check", str(out)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("第 8 行 | 进展 | 错误 | 未知进展 '差不多'，可填：已完成、在建")
    assert lines[1].startswith("第 9 行 | 更新日期 | 错误")
    assert tasks > 20 and lines[-1].startswith(f"读取 {tasks} 行：可用 5 行，错误 2 条")


def test_unit_lead_only_english_csv(tmp_path, capsys):
    out = tmp_path / "u.csv"
    assert main(["ledger", "--out", str(out), "--unit", "青海省林草局", "--lead-only", "--lang", "en"]) == 0
    text = out.read_bytes().decode("utf-8-sig")
    assert text.startswith("No.,Task no.,") and text.count("\n") == 4  # header + 3 tasks
    assert "3 tasks" in capsys.readouterr().out


def test_a_unit_reached_through_an_expansion(tmp_path):
    assert main(["ledger", "--out", str(tmp_path / "g.xlsx"), "--unit", "国网甘肃省电力公司"]) == 0
    assert main(["ledger", "--out", str(tmp_path / "m.xlsx"), "--unit", "青海省民宗委"]) == 0


@pytest.mark.parametrize("args", [["--unit", "甘肃省交通厅"], ["--city", "北京市"]])
def test_an_unknown_unit_or_city_exits_2_with_one_line(tmp_path, capsys, args):
    assert main(["ledger", "--out", str(tmp_path / "x.xlsx"), *args]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: unknown") and "\n" not in err
    assert not (tmp_path / "x.xlsx").exists()


def test_check_exit_codes(tmp_path, capsys):
    blank = tmp_path / "blank.xlsx"
    assert main(["ledger", "--out", str(blank), "--city", "西宁市"]) == 0
    assert main(["ledger", "--check", str(blank)]) == 1  # nothing filled in: no usable row
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"PK\x03\x04 not a workbook")
    assert main(["ledger", "--check", str(junk)]) == 2
    other = tmp_path / "other.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["名称", "经度", "纬度"])
    book.save(other)
    capsys.readouterr()
    assert main(["ledger", "--check", str(other), "--lang", "en"]) == 2
    assert "not a task ledger" in capsys.readouterr().err
    assert main(["ledger", "--check", str(tmp_path / "missing.xlsx")]) == 2


