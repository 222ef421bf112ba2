"""Printing to a real print server: CUPS with the cups-pdf backend as printer "TestPDF".

The fixture starts cupsd when it is not running and adds the printer; each job lands as a
PDF in cups-pdf's output folder, named after the job title. Without CUPS this FAILS (it is
the only check that printing works end to end): install it with
`sudo bash .ci/system-packages`."""
import os
import pwd
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from conftest import PASSPHRASE
from print_fixtures import CLIENT_NAME, build_clinic, page_count
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinterInfo

import main
from records.printing import PrintJob, job_name
from flows.documents import job_pdf
from ui.printing import new_printer, print_pdf

PRINTER = "TestPDF"
PPD = Path("/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd")
INSTALL = "CUPS with cups-pdf is needed for this test: run `sudo bash .ci/system-packages`"
pytestmark = pytest.mark.slow


def _run(*command: str) -> subprocess.CompletedProcess:
    return subprocess.run(command, capture_output=True, text=True, timeout=30)


def _wait(condition, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    pytest.fail(f"timed out waiting for {what}")


@pytest.fixture(scope="session")
def cups_printer() -> Path:
    """A running cupsd with the TestPDF printer; returns cups-pdf's output folder."""
    if not (shutil.which("cupsd") and shutil.which("lpadmin") and PPD.exists()):
        pytest.fail(INSTALL)
    if _run("lpstat", "-r").returncode != 0 or "not running" in _run("lpstat", "-r").stdout:
        if os.geteuid() != 0:
            pytest.fail("cupsd is not running and only root can start it: "
                        "run `sudo cupsd` (or `sudo bash .ci/system-packages`)")
        started = _run("cupsd")
        if started.returncode != 0:
            pytest.fail(f"cupsd did not start: {started.stderr.strip()}")
        _wait(lambda: _run("lpstat", "-r").stdout.startswith("scheduler is running"), 20,
              "cupsd to answer")
    if _run("lpstat", "-p", PRINTER).returncode != 0:
        added = _run("lpadmin", "-p", PRINTER, "-E", "-v", "cups-pdf:/", "-P", str(PPD))
        if added.returncode != 0:
            pytest.fail(f"lpadmin could not add {PRINTER}: {added.stderr.strip()}")
        _wait(lambda: _run("lpstat", "-p", PRINTER).returncode == 0, 20, f"{PRINTER} to answer")
    return _output_folder()


def _output_folder() -> Path:
    """cups-pdf's `Out` setting for the user printing (the job owner's real home)."""
    user = pwd.getpwuid(os.getuid())
    out = "${HOME}/PDF"
    conf = Path("/etc/cups/cups-pdf.conf")
    if conf.exists():
        for line in conf.read_text().splitlines():
            if re.match(r"\s*Out\s", line):
                out = line.split(None, 1)[1].strip()
    return Path(out.replace("${HOME}", user.pw_dir).replace("${USER}", user.pw_name))


def _new_pdf(folder: Path, before: set[str]) -> Path:
    """The job's output once cups-pdf has finished it (no job left in the queue)."""
    def finished():
        if _run("lpstat", "-o", PRINTER).stdout.strip():
            return None
        new = [folder / name for name in set(os.listdir(folder)) - before] \
            if folder.is_dir() else []
        return new[0] if len(new) == 1 else None
    return _wait(finished, 60, "cups-pdf to write the job")


def _listing(folder: Path) -> set[str]:
    return set(os.listdir(folder)) if folder.is_dir() else set()


@pytest.fixture
def private_tmp(tmp_path, monkeypatch):
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    shm = _listing(Path("/dev/shm"))
    yield folder
    assert os.listdir(folder) == []
    assert _listing(Path("/dev/shm")) == shm  # the in-memory spool copy was removed too


def _check_job(path: Path, pages: int, name: str) -> None:
    """`name`: the job title, "Clinic document" and the clinic's date."""
    try:
        assert page_count(path.read_bytes()) == pages
        assert path.name.startswith(name.replace(" ", "_"))
        title = str((PdfReader(path).metadata or {}).get("/Title", ""))
        assert name in title
        for word in (CLIENT_NAME, "Rosalind", "Quill", "referral", "Referral", "addiction",
                     "Addiction", "visit", "summary"):
            assert word not in path.name and word not in title
    finally:
        path.unlink()  # a test leaves no client document behind


def test_referral_prints_through_qt_to_a_real_printer(qtbot, vault, cups_printer,
                                                      private_tmp):
    assert PRINTER in [p.printerName() for p in QPrinterInfo.availablePrinters()]
    clinic = build_clinic(vault)
    pdf = job_pdf(vault, PrintJob("referral", clinic.referral.id, "service"))
    assert page_count(pdf) == 2
    before = _listing(cups_printer)
    started = time.monotonic()
    assert print_pdf(pdf, new_printer(PRINTER, job_name(vault))) == 2
    sent = time.monotonic() - started
    _check_job(_new_pdf(cups_printer, before), pages=2, name=job_name(vault))
    assert sent < 30


def test_print_command_with_printer(qtbot, vault, vault_dir, tmp_path, cups_printer,
                                    private_tmp, capsys):
    build_clinic(vault)
    name = job_name(vault)
    vault.lock()
    secret = tmp_path / "pass"
    secret.write_text(PASSPHRASE)
    before = _listing(cups_printer)
    code = main.main(["print", "visit-summary", "--client", "A-102", "--copy", "clinical",
                      "--data-dir", str(vault_dir), "--passphrase-file", str(secret),
                      "--printer", PRINTER])
    out = capsys.readouterr()
    assert code == 0, out.err
    assert out.out.startswith("sent the visit summary, clinical copy (1 page) to TestPDF")
    _check_job(_new_pdf(cups_printer, before), pages=1, name=name)
    code = main.main(["print", "alert-sheet", "--data-dir", str(vault_dir),
                      "--passphrase-file", str(secret), "--printer", "NoSuchPrinter"])
    assert code == 1 and "no printer named 'NoSuchPrinter'" in capsys.readouterr().err
