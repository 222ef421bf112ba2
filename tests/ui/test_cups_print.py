"""Printing to a real print server: a private CUPS scheduler with the cups-pdf backend as
printer "TestPDF".

The fixture starts its own cupsd for the test session, with its configuration, spool and
socket in a temporary folder: the machine's print server and its printers are never touched,
and nothing is left installed (a van must not have a PDF printer). libcups is pointed at the
private socket for the session (`cupsSetServer`, the documented way to choose a server in
a running process). Each job lands as a PDF in cups-pdf's output folder, named after the job
title. cups-pdf only runs as root, so elsewhere the test is skipped with its reason; in CI
(`CI=true`) it fails instead, since it is the only check that printing works end to end.
Install the packages with `sudo bash .ci/system-packages`."""
import ctypes
import ctypes.util
import os
import pwd
import random
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

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
BACKEND = Path("/usr/lib/cups/backend/cups-pdf")
INSTALL = "CUPS with cups-pdf is needed for this test: run `sudo bash .ci/system-packages`"
pytestmark = pytest.mark.slow


def _run(*command: str) -> subprocess.CompletedProcess:
    return subprocess.run(command, capture_output=True, text=True, timeout=30)


def _wait(condition, seconds: float, what: str):
    """Poll for an event; the deadline only bounds a hang, it is not what is tested."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    pytest.fail(f"timed out waiting for {what}")


def _cannot_run(reason: str):
    """Fail in CI (the check must run there), skip with the reason anywhere else."""
    if os.environ.get("CI", "").lower() in ("true", "1"):
        pytest.fail(f"CI: the printing test cannot run: {reason}")
    pytest.skip(reason)


def _why_not() -> str | None:
    if not (shutil.which("cupsd") and shutil.which("lpadmin") and PPD.exists()
            and BACKEND.exists()):
        return INSTALL
    if os.geteuid() != 0:
        return "the cups-pdf backend only runs as root; run this test as root, or in CI"
    if not ctypes.util.find_library("cups"):
        return "libcups is not installed"
    return None


CUPSD_CONF = """Listen {root}/cups.sock
LogLevel warn
WebInterface No
Browsing No
DefaultAuthType None
<Location />
  Order allow,deny
  Allow all
</Location>
<Policy default>
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
"""
FILES_CONF = """ServerRoot {root}/etc
RequestRoot {root}/spool
TempDir {root}/spool/tmp
CacheDir {root}/cache
StateDir {root}/state
ErrorLog {root}/log/error_log
AccessLog {root}/log/access_log
PageLog {root}/log/page_log
"""


class Cups(NamedTuple):
    folder: Path  # cups-pdf's output folder
    socket: str  # the private scheduler's socket


@pytest.fixture(scope="session")
def cups_printer() -> "Cups":
    """A private cupsd with the TestPDF printer."""
    reason = _why_not()
    if reason:
        _cannot_run(reason)
    root = Path(tempfile.mkdtemp(prefix="clinic-cups-"))
    root.chmod(0o755)  # filters run as the scheduler's unprivileged user
    for sub in ("etc", "spool/tmp", "cache", "state", "log"):
        (root / sub).mkdir(parents=True)
    (root / "spool").chmod(0o755)
    (root / "etc" / "cupsd.conf").write_text(CUPSD_CONF.format(root=root))
    (root / "etc" / "cups-files.conf").write_text(FILES_CONF.format(root=root))
    (root / "cache" / "job.cache").write_text(f"NextJobId {random.randrange(10**6, 10**9)}\n")
    socket = str(root / "cups.sock")
    cupsd = subprocess.Popen(["cupsd", "-f", "-c", str(root / "etc" / "cupsd.conf"),
                              "-s", str(root / "etc" / "cups-files.conf")],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    libcups = ctypes.CDLL(ctypes.util.find_library("cups"))
    libcups.cupsSetServer.argtypes = [ctypes.c_char_p]
    try:
        _wait(lambda: cupsd.poll() is not None or
              _run("lpstat", "-h", socket, "-r").stdout.startswith("scheduler is running"),
              20, "the private cupsd to answer")
        if cupsd.poll() is not None:
            _cannot_run(f"cupsd did not start: {cupsd.stderr.read().decode().strip()[-300:]}")
        added = _run("lpadmin", "-h", socket, "-p", PRINTER, "-E", "-v", "cups-pdf:/",
                     "-P", str(PPD))
        if added.returncode != 0:
            pytest.fail(f"lpadmin could not add {PRINTER}: {added.stderr.strip()}")
        _wait(lambda: _run("lpstat", "-h", socket, "-p", PRINTER).returncode == 0, 20,
              f"{PRINTER} to answer")
        libcups.cupsSetServer(socket.encode())  # this process (Qt) now prints there
        yield Cups(_output_folder(), socket)
    finally:
        libcups.cupsSetServer(None)  # back to the machine's own server
        cupsd.terminate()
        cupsd.wait(30)
        shutil.rmtree(root, ignore_errors=True)


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


def _completed(cups: Cups) -> set[str]:
    listing = _run("lpstat", "-h", cups.socket, "-W", "completed", "-o", PRINTER).stdout
    return {line.split()[0] for line in listing.splitlines() if line.strip()}


def _snapshot(cups: Cups) -> tuple[set[str], set[str]]:
    return _listing(cups.folder), _completed(cups)


def _new_pdf(cups: Cups, before: tuple[set[str], set[str]]) -> Path:
    """The job's output once the private scheduler has completed it (so the job went there,
    not to a printer of the same name on the machine's own server). cups-pdf's folder may be
    shared with other test runs: the file is the one labelled with this job's id, which the
    private scheduler numbers from a random start."""
    files, jobs = before

    def finished():
        if _run("lpstat", "-h", cups.socket, "-o", PRINTER).stdout.strip():
            return None
        done = _completed(cups) - jobs
        if len(done) != 1:
            return None
        number = done.pop().rsplit("-", 1)[1]
        new = [cups.folder / name for name in _listing(cups.folder) - files
               if name.endswith(f"-job_{number}.pdf")]
        return new[0] if len(new) == 1 else None
    return _wait(finished, 60, "the private print server to complete the job")


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
    before = _snapshot(cups_printer)
    assert print_pdf(pdf, new_printer(PRINTER, job_name(vault))) == 2
    _check_job(_new_pdf(cups_printer, before), pages=2, name=job_name(vault))


def test_print_command_with_printer(qtbot, vault, vault_dir, tmp_path, cups_printer,
                                    private_tmp, capsys):
    build_clinic(vault)
    name = job_name(vault)
    vault.lock()
    secret = tmp_path / "pass"
    secret.write_text(PASSPHRASE)
    before = _snapshot(cups_printer)
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
