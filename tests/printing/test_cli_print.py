"""`python main.py print ...`: the three documents saved with --out, and clear errors."""
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PASSPHRASE
from print_fixtures import CLIENT_NAME, PAPER_NAME, build_clinic, page_count, pdf_text

import main
from records import printing
from reports.neutral import find_forbidden

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def cli(vault, vault_dir, tmp_path):
    """Runs the print command in this process; returns (exit code, stdout, stderr)."""
    clinic = build_clinic(vault)
    days = printing.last_days(vault)
    vault.lock()
    secret = tmp_path / "pass"
    secret.write_text(PASSPHRASE + "\n")

    def run(*args):
        return main.main(["print", *args, "--data-dir", str(vault_dir),
                          "--passphrase-file", str(secret)])
    run.clinic = clinic
    run.days = days
    return run


def audit_prints(vault_dir):
    from records.vault import Vault
    vault = Vault.open(vault_dir, None, PASSPHRASE)
    try:
        return [r["detail"] for r in vault.db.query(
            "SELECT detail FROM audit WHERE action = 'print' ORDER BY seq")]
    finally:
        vault.lock()


def test_three_documents_saved_as_pdf(cli, tmp_path, vault_dir, capsys):
    rose = cli.clinic.rose.id
    runs = [
        (["referral", "--client", "A-102", "--copy", "client", "--language", "en"], "letter.pdf"),
        (["referral", "--client", "fmasm1990"], "service.pdf"),
        (["visit-summary", "--client", CLIENT_NAME.upper()], "summary.pdf"),
        (["visit-summary", "--client", "A-102", "--copy", "clinical"], "clinical.pdf"),
        (["alert-sheet"], "sheet.pdf"),
    ]
    for args, name in runs:
        assert cli(*args, "--out", str(tmp_path / name)) == 0, args
        assert (tmp_path / name).stat().st_mode & 0o777 == 0o600
    out = capsys.readouterr()
    assert out.err == ""
    assert out.out.count("outside the encrypted vault") == 5

    letter = pdf_text((tmp_path / "letter.pdf").read_bytes())
    assert find_forbidden(letter, cli.clinic.referral.disclose) == []
    assert "opioid" not in letter and PAPER_NAME in letter
    service = pdf_text((tmp_path / "service.pdf").read_bytes())
    assert "Addiction Services of Thames Valley" in service  # French: the client's language
    assert "Lettre d'orientation" in service
    summary = pdf_text((tmp_path / "summary.pdf").read_bytes())
    assert find_forbidden(summary) == [] and "Come back Tuesday" in summary
    assert "Talked about overdose risk" in pdf_text((tmp_path / "clinical.pdf").read_bytes())
    sheet = pdf_text((tmp_path / "sheet.pdf").read_bytes())
    assert "CKT 4" in sheet and "TOO OLD" not in sheet and CLIENT_NAME not in sheet
    assert all(page_count((tmp_path / name).read_bytes()) >= 1 for _, name in runs)

    first, last = cli.days
    assert audit_prints(vault_dir) == [
        f"document=referral copy=client client={rose} to=file",
        f"document=referral copy=service client={rose} to=file",
        f"document=visit copy=client client={rose} to=file",
        f"document=visit copy=clinical client={rose} to=file",
        f"document=alert_sheet period={first}..{last} to=file",
    ]


def test_alert_sheet_for_a_period(cli, tmp_path, capsys):
    from records import clock
    today = clock.now_utc().date()
    assert cli("alert-sheet", "--from", "2020-01-01", "--to", today.isoformat(),
               "--language", "fr", "--out", str(tmp_path / "s.pdf")) == 0
    text = pdf_text((tmp_path / "s.pdf").read_bytes())
    assert "TOO OLD" in text and "NOT ON SHEET" not in text and "Alerte" in text


@pytest.mark.parametrize("args, message", [
    (["referral", "--client", "Kit"], "this client has no referral to print"),
    (["visit-summary", "--client", "Kit"], "this client has no visit to print"),
    (["referral", "--client", "Nobody"], "no client has that ref, code or name"),
    (["referral"], "needs --client"),
    (["referral", "--client", "Kit", "--copy", "clinical"], "has no clinical copy"),
    (["visit-summary", "--client", "Kit", "--copy", "service"], "has no service copy"),
    (["alert-sheet", "--client", "Kit"], "names no client"),
    (["alert-sheet", "--copy", "client"], "single copy"),
    (["alert-sheet", "--from", "2026-13-01", "--to", "2026-12-01"], "not a date"),
    (["alert-sheet", "--from", "2026-12-01", "--to", "2026-11-01"], "first day is after"),
    (["alert-sheet", "--from", "2026-12-01"], "both --from and --to"),
    (["referral", "--client", "A-102", "--from", "2026-12-01"], "alert sheet only"),
])
def test_clear_errors_and_no_file(cli, tmp_path, capsys, args, message):
    out = tmp_path / "x.pdf"
    assert cli(*args, "--out", str(out)) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and message in err and err.count("\n") == 1
    assert "Traceback" not in err and CLIENT_NAME not in err
    assert not out.exists()


def test_wrong_passphrase_and_folder_out(cli, tmp_path, capsys, vault_dir):
    assert cli("alert-sheet", "--out", str(tmp_path)) == 1
    assert "is a folder" in capsys.readouterr().err
    bad = tmp_path / "bad"
    bad.write_text("not the passphrase\n")
    code = main.main(["print", "alert-sheet", "--data-dir", str(vault_dir),
                      "--passphrase-file", str(bad), "--out", str(tmp_path / "y.pdf")])
    assert code == 1 and "passphrase" in capsys.readouterr().err
    assert not (tmp_path / "y.pdf").exists()


def test_out_runs_headless_without_importing_qt(cli, tmp_path, vault_dir):
    """A separate process: --out must not load Qt (fast on a console, no display needed)."""
    script = ("import sys, main; code = main.main(sys.argv[1:]);"
              " print('qt loaded' if 'PySide6' in sys.modules else 'no qt'); sys.exit(code)")
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY")}
    done = subprocess.run(
        [sys.executable, "-c", script, "print", "visit-summary", "--client", "A-102",
         "--data-dir", str(vault_dir), "--passphrase-file", "-", "--out",
         str(tmp_path / "v.pdf")],
        input=PASSPHRASE + "\n", capture_output=True, text=True, cwd=ROOT, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith("no qt")
    assert page_count((tmp_path / "v.pdf").read_bytes()) == 1
