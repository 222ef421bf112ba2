"""The layers import one way: `ui, cli -> flows -> reports -> records`. records/ and reports/
stay free of Qt and of everything above them; flows/ (the use cases) is Qt-free and calls no
front end; SQL stays in records/. The front ends (cli/, ui/) reach the use cases that
combine steps (back up, restore, import, re-key, save a document) through flows/ only."""
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

# records functions that only flows/ calls: the front ends call the use case around them
THROUGH_FLOWS = {
    "records.backup": {"write_backup", "auto_backup"},
    "records.restore": {"restore_backup"},
    "records.importer": {"run", "check"},
    "records.rekey": {"change_passphrase", "remove_staff"},
    "records.printing": {"save_pdf"},
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


def _dotted(node) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_dotted(node.value)}.{node.attr}"
    return ""


def bypasses(root, packages=("cli", "ui")):
    """Calls from the front ends straight to a records function of THROUGH_FLOWS."""
    found = []
    for package in packages:
        for path in (root / package).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            modules = {}  # local name -> records module
            for node in ast.walk(tree):
                if isinstance(node, ast.ImportFrom) and node.module in THROUGH_FLOWS:
                    found += [f"{path.relative_to(root)}: {node.module}.{a.name}"
                              for a in node.names if a.name in THROUGH_FLOWS[node.module]]
                elif isinstance(node, ast.ImportFrom) and node.module == "records":
                    modules.update({a.asname or a.name: f"records.{a.name}" for a in node.names})
                elif isinstance(node, ast.Import):
                    modules.update({a.asname or a.name: a.name for a in node.names})
            for node in ast.walk(tree):
                if isinstance(node, ast.Attribute):
                    module = modules.get(_dotted(node.value), _dotted(node.value))
                    if node.attr in THROUGH_FLOWS.get(module, ()):
                        found.append(f"{path.relative_to(root)}: {module}.{node.attr}")
    return found


def test_front_ends_reach_the_use_cases_through_flows():
    assert bypasses(ROOT) == []


def test_the_bypass_check_would_notice(tmp_path):
    (tmp_path / "ui").mkdir()
    for line in ("from records.importer import run\n",
                 "from records import backup\nbackup.write_backup(v, f)\n",
                 "from records import rekey as r\nr.remove_staff(v, 1)\n",
                 "import records.restore\nrecords.restore.restore_backup(b, d)\n"):
        (tmp_path / "ui" / "m.py").write_text(line)
        assert bypasses(tmp_path, ("ui",)) != [], line
    (tmp_path / "ui" / "m.py").write_text("from records import backup\nbackup.check(v)\n")
    assert bypasses(tmp_path, ("ui",)) == []
