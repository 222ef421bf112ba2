"""The layers import one way: `ui, cli -> flows -> reports -> records`. records/ and reports/
stay free of Qt and of everything above them; flows/ (the use cases) is Qt-free and calls no
front end; SQL stays in records/."""
import ast
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[1]
QT = ("PySide6", "shiboken6")
# package -> top-level packages it must never import
FORBIDDEN = {
    "records": (*QT, "ui", "cli", "flows", "reports"),
    "reports": (*QT, "ui", "cli", "flows"),
    "flows": (*QT, "ui", "cli"),
}


def imported_modules(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module


def offenders(root, rules):
    found = []
    for package, forbidden in rules.items():
        for path in (root / package).rglob("*.py"):
            for module in imported_modules(path):
                if module.split(".")[0] in forbidden:
                    found.append(f"{path.relative_to(root)} imports {module}")
    return found


def test_each_layer_imports_only_the_layers_below_it():
    assert offenders(ROOT, FORBIDDEN) == []


def test_ui_has_no_sql_driver():
    offenders = [str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py")
                 if {"sqlcipher3", "sqlite3", "sqlite_utils"} & {m.split(".")[0] for m in imported_modules(p)}]
    assert offenders == []


def test_the_check_would_notice(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("from PySide6.QtWidgets import QWidget\n")
    assert "PySide6.QtWidgets" in set(imported_modules(bad))
    for package, line in (("flows", "from PySide6 import QtCore\n"),
                          ("flows", "def f():\n    from cli.common import CliError\n"),
                          ("reports", "import flows.export\n"),
                          ("records", "from ui import theme\n")):
        (tmp_path / package).mkdir(exist_ok=True)
        (tmp_path / package / "m.py").write_text(line)
        assert offenders(tmp_path, FORBIDDEN) != [], (package, line)
        (tmp_path / package / "m.py").unlink()
