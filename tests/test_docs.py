"""The guides stay true to the code: the README stays short, every relative link (and its
#anchor) resolves, and the tables that restate the code (the export's indicators and DHIS2
data elements, the commands and their options, the import codes, the tests each security
promise names) match what the code has."""
import argparse
import re
from pathlib import Path

import main
from records.export.dhis2 import element
from records.export.indicators import LABELS, MERGED_LABELS
from records.models import DIRECTORY_KINDS, SERVICES, SUPPLIES

ROOT = Path(__file__).resolve().parents[1]
GUIDES = [ROOT / "README.md", ROOT / "benchmarks" / "README.md",
          *sorted((ROOT / "docs").glob("*.md"))]
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")


def prose(text: str) -> str:
    """The text without fenced code blocks and inline code, where brackets are syntax."""
    text = re.sub(r"^```.*?^```", "", text, flags=re.S | re.M)
    return re.sub(r"`[^`\n]*`", "", text)


def slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def anchors(path: Path) -> set[str]:
    headings = re.findall(r"^#{1,6} (.+)$", prose(path.read_text(encoding="utf-8")), re.M)
    return {slug(h) for h in headings}


def broken_links(path: Path, root: Path = ROOT) -> list[str]:
    broken = []
    for target in LINK.findall(prose(path.read_text(encoding="utf-8"))):
        if re.match(r"[a-z]+:", target):
            continue  # https:, mailto:
        file, _, anchor = target.partition("#")
        dest = (path.parent / file).resolve() if file else path
        if not dest.exists():
            broken.append(f"{path.relative_to(root)}: {target} (no such file)")
        elif anchor and dest.suffix == ".md" and anchor not in anchors(dest):
            broken.append(f"{path.relative_to(root)}: {target} (no such heading)")
    return broken


def test_readme_is_short():
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    assert len(lines) <= 220


def test_every_relative_link_resolves():
    assert [p for p in GUIDES if p.exists()] == GUIDES
    assert [b for p in GUIDES for b in broken_links(p)] == []


def test_the_link_check_would_notice(tmp_path):
    (tmp_path / "b.md").write_text("# The bundle, in short\n")
    page = tmp_path / "a.md"
    page.write_text("[ok](b.md#the-bundle-in-short) [gone](c.md) [bad](b.md#nope) "
                    "`[code](x.md)` [web](https://example.org)\n")
    assert broken_links(page, tmp_path) == [
        "a.md: c.md (no such file)", "a.md: b.md#nope (no such heading)"]


# --- docs/export-format.md ------------------------------------------------------------------
ROW = re.compile(r"^\| `([a-z0-9_.]+)` \| `(HR_[A-Z0-9_]+)` \| (.+?) \|$", re.M)


def indicator_rows(text: str) -> list[tuple[str, str, str]]:
    return ROW.findall(text)


def test_export_format_table_matches_the_code():
    text = (ROOT / "docs" / "export-format.md").read_text(encoding="utf-8")
    expected = [(code, element(code), label)
                for code, label in {**LABELS, **MERGED_LABELS}.items()]
    assert len(expected) > 70
    assert indicator_rows(text) == expected


def test_the_table_check_would_notice():
    text = (ROOT / "docs" / "export-format.md").read_text(encoding="utf-8")
    row = "| `contacts.named` | `HR_CONTACTS_NAMED` | Contacts with a client record |\n"
    assert row in text
    without = indicator_rows(text.replace(row, ""))
    renamed = indicator_rows(text.replace("`HR_CONTACTS_NAMED`", "`HR_CONTACTS_NAMED_X`"))
    assert len(without) == len(indicator_rows(text)) - 1
    assert ("contacts.named", "HR_CONTACTS_NAMED_X", "Contacts with a client record") in renamed


# --- docs/cli.md ------------------------------------------------------------------------------
def commands(parser: argparse.ArgumentParser, path=()):
    """(command words, options) for every command the program has."""
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if path and not subs:
        yield " ".join(path), [a.option_strings for a in parser._actions
                               if a.option_strings and a.dest != "help"]
    for action in subs:
        for name, sub in action.choices.items():
            yield from commands(sub, (*path, name))


def command_rows() -> list[str]:
    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    return re.findall(r"^\| `python main\.py ([^`]*)` \|", text, re.M)


def test_every_command_is_in_the_cli_guide_once_with_its_options():
    rows = command_rows()
    found = list(commands(main.build_parser()))
    assert len(found) > 20
    for name, options in found:
        mine = [r for r in rows if r == name or r.startswith(name + " ")
                or (name == "gui" and r.startswith("[--data-dir"))]
        assert len(mine) == 1, name
        missing = [o[0] for o in options
                   if not any(re.search(re.escape(s) + r"\b", mine[0]) for s in o)
                   and o != ["--staff"]]
        assert missing == [], name


def test_the_cli_guide_names_no_command_the_program_lacks():
    names = [n for n, _ in commands(main.build_parser())]
    for row in command_rows():
        words = " ".join(w for w in row.split() if re.fullmatch(r"[a-z][a-z-]*", w))
        assert row.startswith("[--data-dir") or any(
            words == n or words.startswith(n + " ") for n in names), row


def test_import_codes_in_the_cli_guide_are_the_codes():
    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    found = re.search(r"Service codes[^:]*:(.*?)Supply codes:(.*?)Directory kinds:(.*?)\n\n",
                      text + "\n\n", re.S)
    assert found
    lists = [tuple(re.findall(r"`([a-z_]+)`", part)) for part in found.groups()]
    assert lists == [tuple(SERVICES), tuple(SUPPLIES), tuple(DIRECTORY_KINDS)]


# --- docs/security.md -------------------------------------------------------------------------
def named_tests(text: str) -> list[tuple[str, str]]:
    """(file, test name or pattern) for every test the promises table names; `::x` continues
    the file named before it, and a bare file name lives in tests/safety/."""
    named = []
    for row in re.findall(r"^\|(?!---)(.*)\|$", text, re.M):
        cells = [c.strip() for c in row.split("|")]
        if cells[-1] == "Test":
            continue
        file = None
        for ref in re.findall(r"`([^`]+)`", cells[-1]):
            place, _, test = ref.partition("::")
            if place:
                file = place if place.startswith("tests/") else f"tests/safety/{place}"
                file = file if file.endswith(".py") else file + ".py"
            named.append((file, test or "*"))
    return named


def missing_tests(named: list[tuple[str, str]], root: Path = ROOT) -> list[str]:
    missing = []
    for file, test in named:
        path = root / file
        defined = re.findall(r"^def (test_\w+)", path.read_text(encoding="utf-8"), re.M) \
            if path.exists() else []
        pattern = re.escape(test).replace(r"\*", r"\w*")
        if not any(re.fullmatch(pattern, d) for d in defined):
            missing.append(f"{file}::{test}")
    return missing


def test_every_test_a_security_promise_names_exists():
    named = named_tests((ROOT / "docs" / "security.md").read_text(encoding="utf-8"))
    assert len(named) > 40
    assert missing_tests(named) == []


def test_the_security_check_would_notice():
    text = ("| Promise | How | Test |\n|---|---|---|\n"
            "| p | h | `test_safety_audit::test_nothing_like_this`, `::test_*`, "
            "`tests/ui/nowhere::*` |\n")
    named = named_tests(text)
    assert named == [("tests/safety/test_safety_audit.py", "test_nothing_like_this"),
                     ("tests/safety/test_safety_audit.py", "test_*"),
                     ("tests/ui/nowhere.py", "*")]
    assert missing_tests(named) == ["tests/safety/test_safety_audit.py::test_nothing_like_this",
                                    "tests/ui/nowhere.py::*"]
