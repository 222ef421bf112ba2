"""records.printing: what each document gathers, the audit of prints, the print-later queue,
finding a client for the command line, and where a saved PDF may go."""
import dataclasses
from datetime import date, datetime, timedelta, timezone

import pytest
from conftest import PASSPHRASE
from print_fixtures import CLIENT_NAME, PAPER_NAME, build_clinic, pdf_text

from records import audit, clients, clock, incidents, printing, referrals, visits
from records.errors import NotFound, ValidationError
from records.outputs import OutputRefused
from records.printing import PrintJob
from records.vault import Vault
from reports.neutral import find_forbidden
from flows.documents import job_pdf


@pytest.fixture
def clinic(vault):
    return build_clinic(vault)


def prints(vault):
    return [(r["entity"], r["entity_id"], r["detail"], r["staff"])
            for r in vault.db.query("SELECT * FROM audit WHERE action = 'print' ORDER BY seq")]


def test_referral_inputs(clinic):
    vault = clinic.vault
    got = printing.gather(vault, PrintJob("referral", clinic.referral.id, "service"))
    assert got.referral == clinic.referral and got.client == clinic.rose
    assert got.destination == clinic.service and got.staff == vault.staff
    assert got.language == "fr"  # the client's own setting
    kinds = {(item.kind, item.result) for _, item in got.recent_tests}
    assert kinds == {("hiv_test", "negative"), ("sti_test", "pending"), ("wound_care", ""),
                     ("naloxone_training", "")}  # the 500-day-old test is not recent
    assert printing.gather(vault, PrintJob("referral", clinic.referral.id, "client",
                                           language="en")).language == "en"


def test_visit_inputs_carry_the_referral_made_there(clinic):
    vault = clinic.vault
    got = printing.gather(vault, PrintJob("visit", clinic.visit.id, "client",
                                          disclose=frozenset({"hiv_sti_hep"})))
    assert got.visit == clinic.visit and got.client == clinic.rose and got.language == "fr"
    assert got.referrals == ((clinic.referral, clinic.service),)
    assert got.disclose == {"hiv_sti_hep"}
    anonymous = visits.quick_contact(vault, supplies={"condoms": 5})
    got = printing.gather(vault, PrintJob("visit", anonymous.id, "clinical"))
    assert got.client is None and got.language == "en" and got.referrals == ()


def test_alert_inputs_only_consented_incidents_of_the_period(clinic):
    vault = clinic.vault
    first, last = printing.last_days(vault)
    assert last - first == timedelta(days=6)
    got = printing.gather(vault, PrintJob("alert_sheet", date_from=first, date_to=last))
    assert [i.area for i in got.incidents] == ["Hamilton Rd"]
    text = pdf_text(job_pdf(vault, PrintJob("alert_sheet", date_from=first, date_to=last)))
    assert "Hamilton Rd" in text and "CKT 4" in text and "WHATHAPPENED" in text
    for absent in ("NOT ON SHEET", "TOO OLD", CLIENT_NAME):
        assert absent not in text


@pytest.mark.parametrize("job, problem", [
    (PrintJob("referral", 1, "clinical"), "copy"),
    (PrintJob("visit", 1, "service"), "copy"),
    (PrintJob("alert_sheet", copy="client", date_from=date(2026, 1, 1),
              date_to=date(2026, 1, 2)), "single copy"),
    (PrintJob("alert_sheet", date_from=date(2026, 1, 2), date_to=date(2026, 1, 1)), "after"),
    (PrintJob("referral", None, "service"), "which"),
    (PrintJob("letter", 1, "service"), "document"),
    (PrintJob("visit", 1, "client", language="de"), "language"),
    (PrintJob("referral", 1, "client", disclose=frozenset({"sex_work"})), "per referral"),
])
def test_bad_jobs_are_clear_errors(job, problem):
    with pytest.raises(ValidationError, match=problem):
        printing.check(job)


def test_client_copies_carry_no_forbidden_word(clinic):
    vault = clinic.vault
    letter = pdf_text(job_pdf(vault, PrintJob("referral", clinic.referral.id, "client", "en")))
    assert find_forbidden(letter, clinic.referral.disclose) == []
    assert "HIV" in letter  # the topic the client ticked for this referral
    summary = pdf_text(job_pdf(vault, PrintJob("visit", clinic.visit.id, "client", "en")))
    assert find_forbidden(summary) == []
    assert PAPER_NAME in letter and PAPER_NAME in summary


def test_voided_and_deleted_records_do_not_print(clinic):
    vault = clinic.vault
    referrals.void(vault, clinic.referral.id, "entered twice")
    with pytest.raises(ValidationError, match="voided"):
        printing.gather(vault, PrintJob("referral", clinic.referral.id, "service"))
    with pytest.raises(NotFound, match="no referral"):
        printing.latest_referral(vault, clinic.rose.id)
    clients.delete_at_request(vault, clinic.rose.id)
    with pytest.raises(NotFound, match="deleted at their request"):
        printing.gather(vault, PrintJob("visit", clinic.visit.id, "clinical"))


def test_every_print_is_audited_without_names(clinic):
    vault = clinic.vault
    printing.record_print(vault, PrintJob("referral", clinic.referral.id, "client"), "printer")
    printing.record_print(vault, PrintJob("visit", clinic.visit.id, "clinical"), "file")
    printing.record_print(vault, PrintJob("alert_sheet", date_from=date(2026, 11, 1),
                                          date_to=date(2026, 11, 7)), "printer")
    rose = clinic.rose.id
    assert prints(vault) == [
        ("referral", str(clinic.referral.id),
         f"document=referral copy=client client={rose} to=printer", "Nora Nurse"),
        ("visit", str(clinic.visit.id),
         f"document=visit copy=clinical client={rose} to=file", "Nora Nurse"),
        ("alert_sheet", "", "document=alert_sheet period=2026-11-01..2026-11-07 to=printer",
         "Nora Nurse"),
    ]
    assert audit.verify(vault.db).ok
    with pytest.raises(ValidationError, match="destination"):
        printing.record_print(vault, PrintJob("visit", clinic.visit.id, "clinical"), "email")


def test_queue_round_trip_survives_lock_and_unlock(clinic, vault_dir):
    vault = clinic.vault
    letter = PrintJob("referral", clinic.referral.id, "client", language="en")
    summary = PrintJob("visit", clinic.visit.id, "client", disclose=frozenset({"hiv_sti_hep"}))
    sheet = PrintJob("alert_sheet", date_from=date(2026, 11, 1), date_to=date(2026, 11, 7))
    queued = [printing.queue(vault, job) for job in (letter, summary, sheet)]
    assert [q.job for q in queued] == [letter, summary, sheet]
    vault.lock()
    again = Vault.open(vault_dir, None, PASSPHRASE)
    try:
        waiting = printing.pending(again)
        assert [q.job for q in waiting] == [letter, summary, sheet]
        assert all(q.staff_id == again.staff.id for q in waiting)
        assert job_pdf(again, waiting[0].job).startswith(b"%PDF")
        printing.done(again, waiting[0].id)
        printing.done(again, waiting[2].id, printed=False)
        assert [q.job for q in printing.pending(again)] == [summary]
        with pytest.raises(NotFound):
            printing.done(again, waiting[0].id)
        details = [r["detail"] for r in again.db.query(
            "SELECT detail FROM audit WHERE entity = 'print_job' ORDER BY seq")]
        assert details == ["document=referral copy=client", "document=visit copy=client",
                           "document=alert_sheet copy=", "printed", "removed"]
    finally:
        again.lock()


def test_queue_keeps_no_pdf_and_no_client_text(clinic):
    vault = clinic.vault
    printing.queue(vault, PrintJob("referral", clinic.referral.id, "service"))
    row = next(vault.db.query("SELECT * FROM print_queue"))
    assert set(row) == {"id", "kind", "entity_id", "copy", "language", "disclose", "date_from",
                        "date_to", "queued_at", "staff_id"}
    assert CLIENT_NAME not in repr(row)


def test_queue_refuses_a_bad_job(clinic):
    with pytest.raises(ValidationError):
        printing.queue(clinic.vault, PrintJob("referral", clinic.referral.id, "clinical"))
    with pytest.raises(NotFound):
        printing.queue(clinic.vault, PrintJob("visit", 9999, "client"))
    assert printing.pending(clinic.vault) == []


def test_find_client_by_ref_code_then_name(clinic):
    vault = clinic.vault
    assert printing.find_client(vault, "A-102") == clinic.rose
    assert printing.find_client(vault, "fmasm1990") == clinic.rose
    assert printing.find_client(vault, "rosalind QUILL") == clinic.rose
    assert printing.find_client(vault, "kit") == clinic.kit
    with pytest.raises(NotFound):
        printing.find_client(vault, "Rosalind")  # a prefix is not an exact name
    with pytest.raises(ValidationError, match="give a name"):
        printing.find_client(vault, "  ")


def test_find_client_ambiguity_lists_codes_not_names(clinic):
    vault = clinic.vault
    clients.register(vault, "Kit", uic_chosen="XKIAB2001")
    with pytest.raises(ValidationError) as caught:
        printing.find_client(vault, "KIT")
    message = str(caught.value)
    assert "2 clients match" in message and "XKIAB2001" in message
    assert "Kit" not in message


def test_latest_referral_and_visit(clinic):
    vault = clinic.vault
    assert printing.latest_visit(vault, clinic.rose.id) == clinic.visit
    assert printing.latest_referral(vault, clinic.rose.id) == clinic.referral
    with pytest.raises(NotFound, match="no visit"):
        printing.latest_visit(vault, clinic.kit.id)


def test_synced_folders_are_never_the_default(tmp_path):
    assert printing.default_save_folder(tmp_path) == tmp_path
    (tmp_path / "Dropbox").mkdir()
    (tmp_path / "Documents").symlink_to(tmp_path / "Dropbox")
    assert printing.default_save_folder(tmp_path) == tmp_path
    (tmp_path / "Documents").unlink()
    (tmp_path / "Documents").mkdir()
    assert printing.default_save_folder(tmp_path) == tmp_path / "Documents"
    for synced in ("~/Dropbox/x", "/home/a/OneDrive - Clinic/Docs", "/home/a/Google Drive",
                   "/home/a/Nextcloud/Documents"):
        assert printing.synced_folder(synced)
    assert printing.synced_folder("/home/a/Documents") is None


def test_save_pdf_is_owner_only(tmp_path):
    target = tmp_path / "letter.pdf"
    printing.save_pdf(target, b"%PDF-1.4 test")
    assert target.read_bytes() == b"%PDF-1.4 test"
    assert target.stat().st_mode & 0o777 == 0o600
    with pytest.raises(OutputRefused, match="does not exist"):
        printing.save_pdf(tmp_path / "missing" / "x.pdf", b"%PDF")
    with pytest.raises(OutputRefused, match="already exists"):
        printing.save_pdf(target, b"%PDF other")
    printing.save_pdf(target, b"%PDF other", force=True)
    assert target.read_bytes() == b"%PDF other"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["letter.pdf"]


def test_neutral_name():
    assert printing.neutral_name(date(2026, 11, 25)) == "Clinic document 2026-11-25"


def test_the_job_title_and_the_letter_carry_the_clinics_date(clinic, monkeypatch):
    """A laptop on UTC at 21:30 in Toronto: both say the 24th, as the nurse's day does."""
    monkeypatch.setattr(clock, "now_utc",
                        lambda: datetime(2025, 11, 25, 2, 30, tzinfo=timezone.utc))
    assert printing.job_name(clinic.vault) == "Clinic document 2025-11-24"
    job = PrintJob("referral", clinic.referral.id, "service", language="en")
    text = pdf_text(job_pdf(clinic.vault, job))
    assert "November 24, 2025" in text and "November 25, 2025" not in text


@pytest.mark.parametrize("account", ["linked", "liaison"])
def test_what_happened_is_left_off_the_sheet_when_it_names_the_reporter(clinic, account):
    vault = clinic.vault
    when = clock.now_utc() - timedelta(days=1)
    named = incidents.report(vault, occurred_at=when, consent_sheet=True, consent_police=True,
                             area="NAMED", what_happened="Asked for rosalind by name",
                             client_id=clinic.rose.id)
    plain = incidents.report(vault, occurred_at=when, consent_sheet=True, consent_police=True,
                             area="PLAIN", what_happened="Pulled a knife",
                             client_id=clinic.kit.id)
    if account == "liaison":
        vault.staff = dataclasses.replace(vault.staff, role="police_liaison")
    first, last = printing.last_days(vault)
    got = printing.gather(vault, PrintJob("alert_sheet", date_from=first, date_to=last))
    told = {i.id: i.what_happened for i in got.incidents}
    assert told[named.id] == ""
    # The liaison's account cannot see who reported it: it prints no account at all.
    assert told[plain.id] == ("" if account == "liaison" else "Pulled a knife")
