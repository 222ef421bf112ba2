"""9. Bad input: every records API that takes what a person typed either saves it correctly
or raises a clear ClinicError (ValidationError and friends) with nothing saved: never a
crash, never a partial save."""
import unicodedata
from datetime import date, datetime, timedelta, timezone

from hypothesis import HealthCheck, given, settings as hsettings, strategies as st

from records import (audit, clients, directory, incidents, referrals, settings, shifts,
                     visits)
from records.errors import ClinicError
from records.models import DIRECTORY_KINDS, SERVICES, SUPPLIES, TEST_RESULTS, TOPICS

TABLES = ("clients", "client_fts", "visits", "visit_services", "visit_supplies", "referrals",
          "incidents", "directory", "shifts", "meta", "revisions", "audit", "staff")
RUN = hsettings(max_examples=40, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])

texts = st.one_of(
    st.text(max_size=40),
    st.text(st.characters(codec=None, categories=None), max_size=20),  # surrogates, controls
    st.sampled_from(["", " ", "\x00", "a\nb", "\u202eevil", "\ud800", "x" * 25_000, "é" * 201]),
)
scalars = st.one_of(texts, st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
                    st.dates(), st.datetimes(),
                    st.datetimes(timezones=st.just(timezone.utc),
                                 min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30)))
anything = st.one_of(scalars, st.lists(scalars, max_size=3),
                     st.dictionaries(texts, scalars, max_size=3))
quantities = st.one_of(st.integers(), st.integers(0, 20), texts, st.floats(), st.none())
moments = st.one_of(st.datetimes(timezones=st.just(timezone.utc), min_value=datetime(1, 1, 2),
                                 max_value=datetime(9999, 12, 30)),
                    st.datetimes(), st.dates(), texts, st.none())


def state(vault):
    counts = {t: vault.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    return counts, audit.head(vault.db), settings.load(vault.db)


def attempt(vault, call):
    """The call's result, or None after a ClinicError that changed nothing. Any other
    exception fails the test."""
    before = state(vault)
    try:
        return call()
    except ClinicError as exc:
        assert str(exc), "an error message for a person"
        assert state(vault) == before, "a refused save left something behind"
        assert not vault.db.conn.in_transaction
        return None


def clean(value: str) -> str:
    return unicodedata.normalize("NFC", value).strip()


@RUN
@given(name=texts, fields=st.dictionaries(
    st.sampled_from(tuple(f for f in clients.FIELDS if f != "name") + ("bogus",)),
    anything, max_size=6))
def test_clients_register_and_update(vault, name, fields):
    client = attempt(vault, lambda: clients.register(vault, name, **fields))
    if client is not None:
        assert client.name == clean(name)
        assert clients.get(vault, client.id) == client
        again = attempt(vault, lambda: clients.update(vault, client.id, **fields))
        assert again is None or again.name == client.name


@RUN
@given(client_id=st.one_of(st.none(), st.integers(), texts), when=moments,
       site=texts, reason=texts, note=texts,
       services=st.one_of(st.lists(st.one_of(st.sampled_from(SERVICES), texts,
                                             st.tuples(st.sampled_from(SERVICES),
                                                       st.sampled_from(TEST_RESULTS)),
                                             st.tuples(texts), anything), max_size=4), anything),
       supplies=st.one_of(st.dictionaries(st.one_of(st.sampled_from(SUPPLIES), texts),
                                          quantities, max_size=3), anything),
       extra=st.dictionaries(st.sampled_from(["needles_returned", "overdose_reversals",
                                              "secondary", "follow_up", "shift_id", "quick2"]),
                             anything, max_size=3))
def test_visits_record_and_correct(vault, client_id, when, site, reason, note, services,
                                   supplies, extra):
    robin = clients.register(vault, "Robin")
    cid = robin.id if client_id == 1 else client_id
    visit = attempt(vault, lambda: visits.record(vault, client_id=cid, occurred_at=when,
                                                 site=site, reason=reason, note=note,
                                                 services=services, supplies=supplies, **extra))
    if visit is not None:
        assert visits.get(vault, visit.id) == visit
        assert visit.note == clean(note) and visit.site == clean(site)
        assert all(q > 0 for q in visit.supplies.values())
    base = visits.record(vault, client_id=robin.id, note="first")
    fixed = attempt(vault, lambda: visits.correct(vault, base.id, note=note, services=services,
                                                  supplies=supplies, **extra))
    assert fixed is None or fixed.version == 2


@RUN
@given(destination=st.one_of(st.just("real"), st.integers(), texts),
       fields=st.dictionaries(st.sampled_from(["reason", "request", "urgency", "client_told",
                                               "name_on_paper", "disclose", "include_notes",
                                               "notes", "visit_id", "nonsense"]),
                              st.one_of(anything, st.lists(st.sampled_from(TOPICS))),
                              max_size=5),
       made_at=moments)
def test_referrals_make(vault, destination, fields, made_at):
    robin = clients.register(vault, "Robin")
    dest = directory.add(vault, "Clinic", "primary_care").id if destination == "real" else destination
    made = attempt(vault, lambda: referrals.make(vault, robin.id, dest, made_at=made_at, **fields))
    if made is not None:
        assert referrals.get(vault, made.id) == made


@RUN
@given(when=moments, sheet=anything, police=anything,
       fields=st.dictionaries(st.sampled_from(["area", "person_description",
                                               "vehicle_description", "plate_partial",
                                               "phone", "what_happened", "client_id", "x"]),
                              anything, max_size=5))
def test_incidents_report(vault, when, sheet, police, fields):
    made = attempt(vault, lambda: incidents.report(vault, occurred_at=when, consent_sheet=sheet,
                                                   consent_police=police, **fields))
    if made is not None:
        assert incidents.get(vault, made.id) == made


@RUN
@given(name=texts, kind=st.one_of(st.sampled_from(DIRECTORY_KINDS), anything),
       fields=st.dictionaries(st.sampled_from(directory.FIELDS[2:] + ("x",)), anything,
                              max_size=4))
def test_directory_add(vault, name, kind, fields):
    entry = attempt(vault, lambda: directory.add(vault, name, kind, **fields))
    if entry is not None:
        assert entry.name == clean(name) and directory.get(vault, entry.id) == entry


@RUN
@given(changes=st.dictionaries(
    st.sampled_from(["clinic_name", "program", "van_name", "van_code", "timezone",
                     "letterhead", "paper_size", "schedule", "export_recipient",
                     "recovery_recipient", "uic_secret", "idle_lock_minutes",
                     "backup_folder", "backup_keep", "not_a_setting"]),
    st.one_of(anything, st.lists(st.dictionaries(st.sampled_from(["when", "site", "x"]),
                                                 texts), max_size=2)),
    max_size=4))
def test_settings_update(vault, changes):
    new = attempt(vault, lambda: settings.update(vault, **changes))
    if new is not None:
        assert settings.load(vault.db) == new


@RUN
@given(sites=st.one_of(st.lists(texts, max_size=4), anything), at=moments)
def test_shifts_start(vault, sites, at):
    shift = attempt(vault, lambda: shifts.start(vault, sites, at))
    if shift is not None:
        assert shifts.get(vault, shift.id) == shift
        shifts.end(vault, shift.id, shift.started_at + timedelta(hours=1))


def test_impossible_dates_and_quantities_are_clear_errors(vault):
    robin = clients.register(vault, "Robin")
    for call in (lambda: clients.update(vault, robin.id, birth_date="2023-02-30"),
                 lambda: clients.update(vault, robin.id, birth_date=date(2999, 1, 1)),
                 lambda: clients.update(vault, robin.id, birth_year=1850),
                 lambda: visits.record(vault, supplies={"needles": -3}),
                 lambda: visits.record(vault, supplies={"needles": 10**30}),
                 lambda: visits.record(vault, occurred_at=datetime(2026, 1, 1)),
                 lambda: visits.record(vault, needles_returned="lots")):
        assert attempt(vault, call) is None


cells = st.one_of(texts, st.sampled_from(["C1", "C2", "2026-03-01", "1990", "F", "wound_care",
                                          "hiv_test:negative", "primary_care", "", "2026-02-30"]))
raw_bytes = st.one_of(st.binary(max_size=200),
                      st.sampled_from([b"\xff\xfe\x00", b"ref,name\n\x00,\x00\n", b"\"unclosed"]))


def _csv(header, rows) -> bytes:
    import csv
    import io
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8", "surrogatepass")


@RUN
@given(client_rows=st.lists(st.lists(cells, min_size=0, max_size=7), max_size=4),
       visit_rows=st.lists(st.lists(cells, min_size=0, max_size=6), max_size=4),
       garbage=st.one_of(st.none(), raw_bytes))
def test_csv_import(vault, tmp_path_factory, client_rows, visit_rows, garbage):
    from records import importer
    folder = tmp_path_factory.mktemp("csv")
    clients_csv, visits_csv = folder / "clients.csv", folder / "visits.csv"
    clients_csv.write_bytes(_csv(["ref", "name", "gender", "birth_year", "legal_name", "notes",
                                  "uic"], client_rows))
    visits_csv.write_bytes(garbage if garbage is not None else
                           _csv(["client_ref", "date", "site", "reason", "services", "note"],
                                visit_rows))
    before = vault.db.execute("SELECT count(*) FROM clients").fetchone()[0]
    counts = attempt(vault, lambda: importer.run(vault, clients_csv=clients_csv,
                                                 visits_csv=visits_csv))
    if counts is not None:
        after = vault.db.execute("SELECT count(*) FROM clients").fetchone()[0]
        assert after - before == counts.clients <= len(client_rows)
