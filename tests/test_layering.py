"""records/ and reports/ stay free of Qt; SQL stays in records/."""
import ast
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[1]


def imported_modules(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module


def test_core_and_reports_import_no_qt_and_not_ui():
    offenders = []
    for package in ("records", "reports"):
        for path in (ROOT / package).rglob("*.py"):
            for module in imported_modules(path):
                top = module.split(".")[0]
                if top in ("PySide6", "shiboken6", "ui") or (package == "records" and top == "reports"):
                    offenders.append(f"{path.relative_to(ROOT)} imports {module}")
    assert offenders == []


def test_ui_has_no_sql_driver():
    offenders = [str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py")
                 if {"sqlcipher3", "sqlite3", "sqlite_utils"} & {m.split(".")[0] for m in imported_modules(p)}]
    assert offenders == []


def test_the_check_would_notice(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("from PySide6.QtWidgets import QWidget\n")
    assert "PySide6.QtWidgets" in set(imported_modules(bad))
