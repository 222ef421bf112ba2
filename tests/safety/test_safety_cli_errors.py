"""9. The CLI never prints a traceback for a user mistake: every subcommand with bad
arguments, missing files, a wrong passphrase, no vault, or a folder that is a file."""
import pytest
from conftest import PASSPHRASE
from safety_helpers import cli

import main

GOOD, WRONG, EMPTY = "good", "wrong", "empty"


@pytest.fixture
def files(vault, vault_dir, tmp_path):
    vault.lock()
    (tmp_path / GOOD).write_text(PASSPHRASE + "\n")
    (tmp_path / WRONG).write_text("not the passphrase\n")
    (tmp_path / EMPTY).write_text("")
    (tmp_path / "identity").write_text("not an identity\n")
    (tmp_path / "short").write_text("short\n")
    (tmp_path / "notadir").write_text("x")
    (tmp_path / "not-a-backup").mkdir()
    return tmp_path


def commands(d, f):
    """(argv, expected words in the error) for every subcommand and kind of mistake."""
    v = ["--data-dir", str(d)]
    good, wrong, empty = (["--passphrase-file", str(f / n)] for n in (GOOD, WRONG, EMPTY))
    missing = ["--passphrase-file", str(f / "missing")]
    nowhere = ["--data-dir", str(f / "nowhere")]
    filedir = ["--data-dir", str(f / "notadir")]
    cases = []
    for cmd in (["check"], ["backup", "--to", str(f / "b")], ["audit", "verify"],
                ["staff", "list"], ["staff", "remove", "--name", "X"],
                ["staff", "add", "--name", "New", "--new-passphrase-file", str(f / GOOD)],
                ["passwd", "--new-passphrase-file", str(f / GOOD)],
                ["set-recovery", "--recipient", "age1x"],
                ["restore", "--from", str(f / "not-a-backup")]):
        cases += [(cmd + v + wrong, "wrong passphrase" if cmd[0] != "restore" else ""),
                  (cmd + v + missing, "cannot read"), (cmd + v + empty, "empty"),
                  (cmd + v, "no passphrase given"), (cmd + nowhere + good, ""),
                  (cmd + filedir + good, ""), (cmd + v + ["--staff", "Nobody"] + good, "")]
    cases += [
        (["backup"] + v + good, "no backup folder"),
        (["backup", "--to", str(f / "notadir")] + v + good, "backup"),
        (["restore", "--from", str(f / "missing")] + v + good, "no backup folder"),
        (["restore", "--from", str(f / "not-a-backup")] + v + good, "not a complete backup"),
        (["staff", "remove", "--name", "Nobody"] + v + good, "no active staff"),
        (["staff", "remove", "--name", "Nora Nurse"] + v + good, "yourself"),
        (["staff", "add", "--name", "Nora Nurse", "--new-passphrase-file", str(f / GOOD)]
         + v + good, "already"),
        (["staff", "add", "--name", "Short", "--new-passphrase-file", str(f / "short")]
         + v + good, "at least 8"),
        (["passwd", "--new-passphrase-file", str(f / "short")] + v + good, "at least 8"),
        (["staff", "add", "--name", "Y", "--new-passphrase-file", str(f / EMPTY)] + v + good,
         "empty"),
        (["passwd", "--new-passphrase-file", str(f / EMPTY)] + v + good, "empty"),
        (["passwd", "--new-passphrase-file", str(f / "missing")] + v + good, "cannot read"),
        (["set-recovery", "--recipient", "age1x"] + v + good, "age"),
        (["recover", "--identity", str(f / "identity"), "--staff", "Nora Nurse",
          "--new-passphrase-file", str(f / GOOD)] + v, "recovery"),
        (["recover", "--identity", str(f / "missing"), "--staff", "Nora Nurse",
          "--new-passphrase-file", str(f / GOOD)] + v, "cannot read"),
        (["recover", "--identity", str(f / "identity"), "--new-passphrase-file",
          str(f / GOOD)] + v, "--staff"),
        (["recover", "--identity", str(f / "identity"), "--staff", "Nora Nurse",
          "--new-passphrase-file", str(f / GOOD)] + nowhere, ""),
        (["init", "--staff", "Nora"] + v + good, "already exists"),
        (["init"] + nowhere + good, "--staff"),
        (["init", "--staff", "N", "--timezone", "Mars/Base"] + nowhere + good, "time zone"),
    ]
    return cases


def test_no_traceback_for_any_user_mistake(files, vault_dir, capsys, monkeypatch):
    from records import unlock_guard
    monkeypatch.setattr(unlock_guard.time, "sleep", lambda s: None)
    for argv, words in commands(vault_dir, files):
        code = main.main(argv)
        out, err = capsys.readouterr()
        assert code == 1, (argv, out, err)
        assert "Traceback" not in err and err.startswith("error: "), (argv, err)
        assert len(err.strip().splitlines()) == 1, (argv, err)
        assert words.lower() in err.lower(), (argv, err)


@pytest.mark.parametrize("argv", [["check", "--bogus"], ["staff"], ["restore"],
                                  ["recover", "--data-dir"], ["backup", "--to"],
                                  ["nonsense-command"]])
def test_bad_arguments_give_usage_not_traceback(argv, capsys):
    with pytest.raises(SystemExit) as info:
        main.main(argv)
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "usage:" in err and "Traceback" not in err


@pytest.mark.slow
def test_as_a_real_process(files, vault_dir):
    """The same through `python main.py`, including standard input for the passphrase."""
    for argv, stdin in ((["check", "--data-dir", str(vault_dir), "--passphrase-file", "-"],
                         "wrong\n"),
                        (["check", "--data-dir", str(files / "nowhere"),
                          "--passphrase-file", "-"], PASSPHRASE + "\n"),
                        (["check", "--data-dir", str(vault_dir)], None)):
        done = cli(*argv, stdin=stdin)
        assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
        assert done.stderr.startswith("error: ")
    ok = cli("check", "--data-dir", str(vault_dir), "--passphrase-file", "-",
             stdin=PASSPHRASE + "\n")
    assert ok.returncode == 0, ok.stderr
