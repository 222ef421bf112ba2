"""7. No plaintext anywhere: a whole workflow with a unique marker in every field (print
previews of a referral letter and a visit summary rendered offscreen, and a weekly export
included), then the vault folder (open with uncheckpointed writes, locked, after a crash),
the temporary folder, and the throwaway HOME's config, cache, data and state folders are
searched for it. The export is decrypted with the coordinator's identity and every file in
it (and the summary PDF's text) is searched too: it carries no names.

To add a step (print preview, export): append a function to WORKFLOW; if it produces a
decrypted export, return its bytes and they are searched too (and must not hold the marker
where the export promises to leave it out).
"""
import io
import os
import signal
import tempfile
import time
import uuid
from datetime import datetime, timezone
from pathlib import Path

import pyrage
import pytest
from conftest import FAST_KDF, PASSPHRASE, TEST_SETTINGS
from safety_helpers import acks, child

from records import (clients, clock, directory, incidents, referrals, search, settings,
                     shifts, visits)
from records.printing import PrintJob
from records.vault import Vault
from flows.export import export_week

MARK = "PLAINMARK" + uuid.uuid4().hex[:12]  # built at run time: not in any source file


def encodings(marker: str) -> list[bytes]:
    return [marker.encode("utf-8"), marker.encode("utf-16-le"), marker.encode("utf-16-be")]


def hits(roots, marker: str, since: float = 0.0) -> list[Path]:
    """Files under the roots (modified at or after `since`) containing the marker."""
    needles = encodings(marker)
    found = []
    for root in roots:
        for dirpath, _, files in os.walk(root):
            for name in files:
                path = Path(dirpath, name)
                try:
                    if path.is_symlink() or path.stat().st_mtime < since:
                        continue
                    data = path.read_bytes()
                except OSError:
                    continue
                if any(n in data for n in needles):
                    found.append(path)
    return found


def home_dirs() -> list[Path]:
    home = Path(os.environ["HOME"])
    return [home / ".config", home / ".cache", home / ".local"]


# --- the workflow: each step takes (vault, state dict) and may return decrypted output --------

def step_settings(vault, state):
    settings.update(vault, clinic_name=f"{MARK} clinic", letterhead=[f"{MARK} street"],
                    schedule=[{"when": f"{MARK} Tuesday", "site": f"{MARK} corner"}])


def step_register(vault, state):
    state["client"] = clients.register(
        vault, f"{MARK} name", legal_name=f"{MARK} legal", aliases=[f"{MARK} alias"],
        pronouns="they", phone=f"{MARK}-phone", contact_notes=f"{MARK} contact",
        flags=[f"{MARK} flag"], problems=f"{MARK} problems", medications=f"{MARK} meds",
        allergies=f"{MARK} allergies", ref=f"{MARK}ref", uic_first=f"{MARK}first",
        uic_last=f"{MARK}last", gender="F", birth_year=1990)


def step_edit(vault, state):
    clients.update(vault, state["client"].id, contact_notes=f"{MARK} edited contact")


def step_view(vault, state):
    assert MARK in clients.reveal_hidden(vault, state["client"].id)["legal_name"]
    assert search.search(vault, MARK[:8])


def step_visit(vault, state):
    state["shift"] = shifts.start(vault, [f"{MARK} site"])
    visit = state["visit"] = visits.record(vault, client_id=state["client"].id, site=f"{MARK} site",
                          reason=f"{MARK} reason", note=f"{MARK} note " * 50,
                          follow_up=f"{MARK} follow", supplies={"needles": 5})
    visits.correct(vault, visit.id, note=f"{MARK} corrected note")


def step_referral(vault, state):
    dest = directory.add(vault, f"{MARK} service", "primary_care", paper_name=f"{MARK} paper",
                         address=f"{MARK} address", phone=f"{MARK}-555", hours=f"{MARK} hours",
                         notes=f"{MARK} dir notes")
    state["referral"] = referrals.make(vault, state["client"].id, dest.id, reason=f"{MARK} why",
                   request=f"{MARK} request", client_told=f"{MARK} told", notes=f"{MARK} notes")


def step_incident(vault, state):
    incidents.report(vault, occurred_at=datetime(2026, 3, 1, 2, tzinfo=timezone.utc),
                     consent_sheet=True, consent_police=False, area=f"{MARK} area",
                     person_description=f"{MARK} person", vehicle_description=f"{MARK} car",
                     plate_partial=f"{MARK}", phone=f"{MARK}-ph", what_happened=f"{MARK} what",
                     client_id=state["client"].id)


def step_print_preview(vault, state):
    """The nurse previews the letter and the summary (pages rendered from memory)."""
    from PySide6.QtTest import QTest

    from ui.print_preview import PrintPreview
    for job in (PrintJob("referral", state["referral"].id, "service"),
                PrintJob("visit", state["visit"].id, "client")):
        dialog = PrintPreview(vault, job)
        dialog.show()
        for _ in range(4000):  # made on the app's runner
            if dialog.document is not None and not dialog.busy:
                break
            QTest.qWait(5)
        assert dialog.page_count >= 1 and not dialog.view.pixmap().isNull()
        assert not dialog.grab().isNull()
        dialog.reject()
        dialog.deleteLater()


def step_export(vault, state):
    """The week's export, decrypted as the coordinator would: every file, and the text of
    the summary PDF."""
    import zipfile

    from pypdf import PdfReader
    coordinator = pyrage.x25519.Identity.generate()
    stick = vault.path.parent / "stick"
    stick.mkdir()
    week = clock.iso_week(clock.local_date(clock.now_utc(), vault.settings.timezone))
    done = export_week(vault, week, stick / "export.age", str(coordinator.to_public()))
    assert done.indicators["contacts.total"] >= 1
    archive = zipfile.ZipFile(io.BytesIO(pyrage.decrypt(done.path.read_bytes(), [coordinator])))
    files = {name: archive.read(name) for name in archive.namelist()}
    summary = PdfReader(io.BytesIO(files["summary.pdf"]))
    text = "\n".join(page.extract_text() for page in summary.pages)
    assert "Contacts" in text or "contacts" in text  # the text layer was read
    carried = b"".join(files.values()) + text.encode()
    # The site (a street corner) is in the line list and the FHIR Locations by design; the
    # marker may appear there and nowhere else (no name, note, reason, referral or incident).
    site = f"{MARK} site".encode()
    assert site in carried
    return carried.replace(site, b"")


WORKFLOW = [step_settings, step_register, step_edit, step_view, step_visit, step_referral,
            step_incident, step_print_preview, step_export]


def test_control_the_search_finds_a_planted_plain_marker(tmp_path):
    since = time.time() - 1
    roots = [tmp_path, *home_dirs(), Path(tempfile.gettempdir())]
    for i, root in enumerate(roots):
        root.mkdir(parents=True, exist_ok=True)
        planted = root / f"planted-{uuid.uuid4().hex}.bin"
        planted.write_bytes(b"xx" + encodings(MARK + "control")[i % 3] + b"yy")
        try:
            assert hits([root], MARK + "control", since) == [planted]
        finally:
            planted.unlink()


@pytest.mark.slow
def test_no_marker_on_disk_after_a_whole_workflow(vault_dir, qapp):
    since = time.time() - 1
    vault = Vault.create(vault_dir, "Nora Nurse", PASSPHRASE, settings=TEST_SETTINGS,
                         kdf=FAST_KDF)
    assert vault.db.execute("PRAGMA temp_store").fetchone()[0] == 2
    state, outputs = {}, []
    for step in WORKFLOW:
        out = step(vault, state)
        if out is not None:
            outputs.append(out)
    # Open (a rollback journal exists only inside a transaction: see the crash below).
    assert hits([vault_dir], MARK) == []
    vault.lock()
    assert hits([vault_dir], MARK) == []

    # A crash: a process saving marker visits, killed mid-write.
    proc = child("visits", dir=str(vault_dir), passphrase=PASSPHRASE, start=0,
                 site=f"{MARK} crash site")
    assert proc.stdout.readline().strip() == "ready"
    time.sleep(0.3)
    proc.send_signal(signal.SIGKILL)
    out, _ = proc.communicate(timeout=30)
    assert acks(out), "the child saved marker visits before it was killed"
    assert hits([vault_dir], MARK) == []

    roots = [Path(tempfile.gettempdir()), *home_dirs()]
    assert hits(roots, MARK, since) == []
    for output in outputs:
        assert not any(n in output for n in encodings(MARK))
