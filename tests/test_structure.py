"""The shape of the code: no import circles inside records/ (imports inside functions count:
a lazy import may save start-up time but must not close a circle), and no module over 400
lines outside the tests."""
import ast
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[1]
MAX_LINES = 400
SOURCE = ("records", "reports", "flows", "cli", "ui", "benchmarks")
# A module over the limit while other work changes it may wait here, only shrinking,
# until it is split; then it leaves this list.
NOT_YET_SPLIT: dict[str, int] = {}


def module_name(root, path):
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _type_checking_only(node):
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def _imports(tree):
    """Every import node that runs (those under `if TYPE_CHECKING:` never do)."""
    stack = [tree]
    while stack:
        node = stack.pop()
        if _type_checking_only(node):
            stack.extend(node.orelse)
            continue
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
        stack.extend(ast.iter_child_nodes(node))


def import_graph(root, package):
    """module -> the modules of `package` it imports (relative imports resolved)."""
    paths = {module_name(root, p): p for p in (root / package).rglob("*.py")}
    graph = {}
    for name, path in paths.items():
        is_package = path.name == "__init__.py"
        here = name.split(".") if is_package else name.split(".")[:-1]
        targets = set()
        for node in _imports(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                candidates = [a.name for a in node.names]
            else:
                base = here[:len(here) - node.level + 1] if node.level else []
                module = ".".join(base + ([node.module] if node.module else []))
                candidates = [module] + [f"{module}.{a.name}" for a in node.names]
            targets |= {c for c in candidates if c in paths and c != name}
        graph[name] = targets
    return graph


def cycles(graph):
    """The strongly connected components with more than one module (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_records_has_no_import_circle():
    assert cycles(import_graph(ROOT, "records")) == []


def test_the_circle_check_would_notice(tmp_path):
    package = tmp_path / "records"
    (package / "export").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "export" / "__init__.py").write_text("")
    (package / "vault.py").write_text("from . import staff\n")
    (package / "staff.py").write_text("def f():\n    from .export.week import x\n")
    (package / "export" / "week.py").write_text("from records.vault import Vault\n")
    (package / "clock.py").write_text("from typing import TYPE_CHECKING\n"
                                      "if TYPE_CHECKING:\n    from .vault import Vault\n")
    assert cycles(import_graph(tmp_path, "records")) == [
        ["records.export.week", "records.staff", "records.vault"]]


def test_no_module_over_400_lines():
    paths = [ROOT / "main.py", *(p for d in SOURCE for p in (ROOT / d).rglob("*.py"))]
    long = {str(p.relative_to(ROOT)): n for p in paths
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert {name: n for name, n in long.items() if n > NOT_YET_SPLIT.get(name, MAX_LINES)} == {}
    assert set(NOT_YET_SPLIT) <= set(long), "split: take it off NOT_YET_SPLIT"
