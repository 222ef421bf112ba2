"""Schema migrations, recorded in the database by sqlite-utils' Migrations.

Add a new function at the end for every change; never edit one that has shipped. `migrate`
(below) refuses a vault written by a newer version and lets the caller back the vault up
before the first migration touches an existing vault (records/upgrade.py).
"""
from __future__ import annotations

from collections.abc import Callable

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from .errors import ClinicError, msg

migrations = Migrations("clinic")


class VaultTooNew(ClinicError):
    """The vault has migrations this version does not know: a newer version wrote it."""

_V1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE staff (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL,
    contact_line TEXT NOT NULL DEFAULT '', slot_id TEXT NOT NULL DEFAULT '',
    active INTEGER NOT NULL DEFAULT 1, prefs TEXT NOT NULL DEFAULT '{}');
CREATE TABLE clients (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, legal_name TEXT NOT NULL DEFAULT '',
    aliases TEXT NOT NULL DEFAULT '[]', pronouns TEXT NOT NULL DEFAULT '',
    gender TEXT NOT NULL DEFAULT '', birth_year INTEGER, birth_date TEXT,
    phone TEXT NOT NULL DEFAULT '', contact_notes TEXT NOT NULL DEFAULT '',
    flags TEXT NOT NULL DEFAULT '[]', problems TEXT NOT NULL DEFAULT '',
    medications TEXT NOT NULL DEFAULT '', allergies TEXT NOT NULL DEFAULT '',
    ref TEXT, uic_first TEXT NOT NULL DEFAULT '', uic_last TEXT NOT NULL DEFAULT '',
    uic_chosen TEXT NOT NULL DEFAULT '', uic TEXT NOT NULL DEFAULT '',
    uic_complete INTEGER NOT NULL DEFAULT 0, language TEXT NOT NULL DEFAULT 'en',
    uic_hash TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL, deleted_at TEXT,
    merged_into INTEGER);
CREATE UNIQUE INDEX clients_ref ON clients(ref) WHERE ref IS NOT NULL;
CREATE INDEX clients_uic ON clients(uic) WHERE uic_complete = 1;
CREATE VIRTUAL TABLE client_fts USING fts5(
    terms, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3 4');
CREATE TABLE shifts (
    id INTEGER PRIMARY KEY, staff_id INTEGER NOT NULL REFERENCES staff(id),
    started_at TEXT NOT NULL, ended_at TEXT, sites TEXT NOT NULL DEFAULT '[]');
CREATE TABLE visits (
    id INTEGER PRIMARY KEY, client_id INTEGER REFERENCES clients(id),
    staff_id INTEGER NOT NULL REFERENCES staff(id), shift_id INTEGER REFERENCES shifts(id),
    occurred_at TEXT NOT NULL, local_date TEXT NOT NULL, iso_week TEXT NOT NULL,
    tz TEXT NOT NULL, site TEXT NOT NULL DEFAULT '', reason TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '', needles_returned INTEGER NOT NULL DEFAULT 0,
    secondary INTEGER NOT NULL DEFAULT 0, overdose_reversals INTEGER NOT NULL DEFAULT 0,
    follow_up TEXT NOT NULL DEFAULT '', quick INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 1, voided INTEGER NOT NULL DEFAULT 0);
CREATE INDEX visits_client ON visits(client_id, occurred_at);
CREATE INDEX visits_week ON visits(iso_week);
CREATE TABLE visit_services (
    visit_id INTEGER NOT NULL REFERENCES visits(id) ON DELETE CASCADE,
    kind TEXT NOT NULL, result TEXT NOT NULL DEFAULT '');
CREATE INDEX visit_services_visit ON visit_services(visit_id);
CREATE TABLE visit_supplies (
    visit_id INTEGER NOT NULL REFERENCES visits(id) ON DELETE CASCADE,
    kind TEXT NOT NULL, quantity INTEGER NOT NULL);
CREATE INDEX visit_supplies_visit ON visit_supplies(visit_id);
CREATE TABLE directory (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, paper_name TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL, address TEXT NOT NULL DEFAULT '', phone TEXT NOT NULL DEFAULT '',
    hours TEXT NOT NULL DEFAULT '', notes TEXT NOT NULL DEFAULT '',
    active INTEGER NOT NULL DEFAULT 1);
CREATE TABLE referrals (
    id INTEGER PRIMARY KEY, client_id INTEGER NOT NULL REFERENCES clients(id),
    visit_id INTEGER REFERENCES visits(id), destination_id INTEGER NOT NULL REFERENCES directory(id),
    staff_id INTEGER NOT NULL REFERENCES staff(id), made_at TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '', request TEXT NOT NULL DEFAULT '',
    urgency TEXT NOT NULL DEFAULT 'routine', client_told TEXT NOT NULL DEFAULT '',
    name_on_paper TEXT NOT NULL DEFAULT 'chosen', disclose TEXT NOT NULL DEFAULT '[]',
    include_notes INTEGER NOT NULL DEFAULT 0, notes TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'made', status_date TEXT, status_recorded_at TEXT,
    version INTEGER NOT NULL DEFAULT 1, voided INTEGER NOT NULL DEFAULT 0);
CREATE INDEX referrals_client ON referrals(client_id, made_at);
CREATE INDEX referrals_status ON referrals(status_recorded_at);
CREATE TABLE incidents (
    id INTEGER PRIMARY KEY, staff_id INTEGER NOT NULL REFERENCES staff(id),
    occurred_at TEXT NOT NULL, area TEXT NOT NULL DEFAULT '',
    person_description TEXT NOT NULL DEFAULT '', vehicle_description TEXT NOT NULL DEFAULT '',
    plate_partial TEXT NOT NULL DEFAULT '', phone TEXT NOT NULL DEFAULT '',
    what_happened TEXT NOT NULL DEFAULT '', client_id INTEGER REFERENCES clients(id),
    consent_sheet INTEGER NOT NULL DEFAULT 0, consent_police INTEGER NOT NULL DEFAULT 0,
    recorded_at TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1,
    voided INTEGER NOT NULL DEFAULT 0);
CREATE INDEX incidents_when ON incidents(occurred_at);
CREATE TABLE revisions (
    id INTEGER PRIMARY KEY, entity TEXT NOT NULL, entity_id INTEGER NOT NULL,
    version INTEGER NOT NULL, data TEXT NOT NULL, replaced_at TEXT NOT NULL,
    staff_id INTEGER NOT NULL);
CREATE INDEX revisions_entity ON revisions(entity, entity_id);
CREATE TABLE audit (
    seq INTEGER PRIMARY KEY, at TEXT NOT NULL, staff TEXT NOT NULL, action TEXT NOT NULL,
    entity TEXT NOT NULL DEFAULT '', entity_id TEXT NOT NULL DEFAULT '',
    detail TEXT NOT NULL DEFAULT '', prev_hash TEXT NOT NULL, hash TEXT NOT NULL);
"""


def run_script(db: Database, script: str) -> None:
    """Execute statements one by one (executescript would commit the open transaction)."""
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


@migrations(name="0001_initial")
def initial(db: Database) -> None:
    run_script(db, _V1)


def migrate(db: Database, *, before: Callable[[list[str]], None] | None = None) -> list[str]:
    """Bring the database to this version's schema; returns the migrations applied.

    A vault with a migration this version does not know was written by a newer version: it
    is refused before anything is written. When an existing vault (one with migrations
    already applied) has some pending, `before(pending names)` runs first: Vault.open backs
    the vault up there, and an exception from it stops the upgrade with nothing changed. A
    new, empty database has nothing to protect and is migrated directly."""
    applied = [m.name for m in migrations.applied(db)]
    known = {m.name for m in migrations.pending(Database(memory=True))}  # every one defined
    unknown = [name for name in applied if name not in known]
    if unknown:
        raise VaultTooNew(msg(
            "this vault was written by a newer version of the app (it has changes this version "
            "does not know: {changes}); install that version or a later one. Nothing was "
            "changed", changes=", ".join(unknown)))
    pending = [m.name for m in migrations.pending(db)]
    if pending and applied and before is not None:
        before(pending)
    migrations.apply(db)
    return pending


@migrations(name="0002_exports")
def exports(db: Database) -> None:
    """Every weekly export: which week, when, by whom, the encrypted file's checksum and the
    audit chain's head at export time (`audit verify` checks those heads are still there)."""
    run_script(db, """
CREATE TABLE exports (
    id INTEGER PRIMARY KEY, week TEXT NOT NULL, created_at TEXT NOT NULL,
    staff TEXT NOT NULL, file_name TEXT NOT NULL, recipient TEXT NOT NULL,
    checksum TEXT NOT NULL, audit_seq INTEGER NOT NULL, audit_head TEXT NOT NULL);
CREATE INDEX exports_week ON exports(week);
""")


@migrations(name="0003_print_queue")
def print_queue(db: Database) -> None:
    """Documents to print later: what to print (kind, record, copy, language, disclosure,
    period), never the PDF; it is rendered again when a printer is there."""
    run_script(db, """
CREATE TABLE print_queue (
    id INTEGER PRIMARY KEY, kind TEXT NOT NULL, entity_id INTEGER, copy TEXT NOT NULL DEFAULT '',
    language TEXT, disclose TEXT NOT NULL DEFAULT '[]', date_from TEXT, date_to TEXT,
    queued_at TEXT NOT NULL, staff_id INTEGER NOT NULL REFERENCES staff(id))
""")


@migrations(name="0004_scale_indexes")
def scale_indexes(db: Database) -> None:
    """Indexes ten years of records need (benchmarks/): the incidents a client reported (the
    client page); visits and referrals by time (the weekly export reads one week); a client's
    visits with `voided`, so "seen before this week?" for a thousand clients reads only the
    index, not every earlier visit row."""
    run_script(db, """
CREATE INDEX incidents_client ON incidents(client_id);
DROP INDEX visits_client;
CREATE INDEX visits_client ON visits(client_id, occurred_at, voided);
CREATE INDEX visits_when ON visits(occurred_at);
CREATE INDEX referrals_made ON referrals(made_at);
""")


@migrations(name="0005_shift_indexes")
def shift_indexes(db: Database) -> None:
    """Every save looks up the signed-in staff member's running shift, and the weekly export
    reads a week's shifts: without these both scanned ten years of shifts."""
    run_script(db, """
CREATE INDEX shifts_open ON shifts(staff_id, started_at) WHERE ended_at IS NULL;
CREATE INDEX shifts_started ON shifts(started_at);
""")


@migrations(name="0006_kept_code_hashes")
def kept_code_hashes(db: Database) -> None:
    """The weekly export looks up the code hashes that deleted clients keep; only those
    records carry one, so the index holds just them instead of the export reading every
    client."""
    run_script(db, "CREATE INDEX clients_kept_hash ON clients(uic_hash) WHERE uic_hash != '';")


@migrations(name="0007_chosen_codes_plain")
def chosen_codes_plain(db: Database) -> None:
    """Codes a client chose are normalised like built ones (accents removed, upper case), so
    a chosen `FÉMOU1992` and the `FEMOU1992` built from the same parts are one person.

    A deleted client keeps only the keyed hash of its code (records.clients.delete_at_request):
    a kept hash of an old chosen code is recomputed for the normalised code wherever a live
    record held that code, the only place the code is still known. A kept hash whose code
    no live record held cannot be recomputed and stays as it is. A chosen code that no longer
    has the code's shape once normalised (rare compatibility letters) is left unchanged."""
    from . import clients, uic
    from .errors import ValidationError
    from .settings import load
    secret = load(db).uic_secret
    rehashed: dict[str, str] = {}
    rows = db.execute("SELECT id, uic_chosen, uic FROM clients WHERE uic_chosen != ''").fetchall()
    for client_id, chosen, old_code in rows:
        try:
            code, complete = uic.check_chosen(chosen)
        except ValidationError:
            continue
        if code == chosen:
            continue
        db.execute("UPDATE clients SET uic_chosen = ?, uic = ?, uic_complete = ? WHERE id = ?",
                   [code, code, int(complete), client_id])
        if complete and secret:
            rehashed[uic.keyed_hash(old_code, secret)] = uic.keyed_hash(code, secret)
        _reindex(db, client_id, clients.search_terms)
    for old, new in rehashed.items():
        db.execute("UPDATE clients SET uic_hash = ? WHERE uic_hash = ?", [new, old])


def _reindex(db: Database, client_id: int, terms) -> None:
    """The client's search entry after its code changed (as records.clients keeps it)."""
    import json
    row = next(db.query("SELECT * FROM clients WHERE id = ?", [client_id]))
    db.execute("DELETE FROM client_fts WHERE rowid = ?", [client_id])
    if row["deleted_at"] is None and row["merged_into"] is None:
        row["aliases"] = json.loads(row["aliases"])
        db.execute("INSERT INTO client_fts (rowid, terms) VALUES (?, ?)",
                   [client_id, terms(row)])


@migrations(name="0008_van_signing_key")
def van_signing_key(db: Database) -> None:
    """The van's Ed25519 signing key for its weekly bundles (records/export/vankey.py), kept
    in `meta`: a new vault gets it here at creation, an older one at its first open after
    the upgrade."""
    from .export import vankey
    vankey.create_if_missing(db)


@migrations(name="0009_drafts")
def drafts(db: Database) -> None:
    """Forms left unsaved when the app locked (records.drafts), offered back to the same
    staff member after unlock. Encrypted with the rest of the vault; never exported or
    printed. `client_id` lets a merge move them and a deletion at request remove them."""
    run_script(db, """
CREATE TABLE drafts (
    id INTEGER PRIMARY KEY, staff_id INTEGER NOT NULL REFERENCES staff(id),
    client_id INTEGER REFERENCES clients(id), pages TEXT NOT NULL, kept_at TEXT NOT NULL);
CREATE INDEX drafts_staff ON drafts(staff_id);
""")


# A client's search key (records.search.key_for) from their newest non-voided visit or, if
# none is newer, their registration: Unix seconds shifted above the client id.
_KEY_OF_CLIENT = """(coalesce(max(0, CAST(strftime('%s', max(c.created_at, coalesce(
    (SELECT max(v.occurred_at) FROM visits v WHERE v.client_id = c.id AND v.voided = 0), '')))
    AS INTEGER)), 0) << 28) | c.id"""


@migrations(name="0010_ranked_search")
def ranked_search(db: Database) -> None:
    """Search ranked by how words match, then by last contact (records/search.py): each word
    of the index is tagged with its field, and each client's entry is keyed by last contact
    and client id (client_seen holds the key). Triggers re-key an entry when a visit is
    added, changed, voided, moved (merge) or removed, whatever code writes it."""
    from . import search
    run_script(db, """
DROP TABLE client_fts;
CREATE VIRTUAL TABLE client_fts USING fts5(
    terms, tokenize = "unicode61 remove_diacritics 2 tokenchars '_'", prefix = '3 4 5 6');
CREATE TABLE client_seen (client_id INTEGER PRIMARY KEY, search_key INTEGER NOT NULL)
""")
    recompute = (f"UPDATE client_seen SET search_key = (SELECT {_KEY_OF_CLIENT} FROM clients c"
                 " WHERE c.id = client_seen.client_id) WHERE client_id IN ({})")
    for statement in (
        """CREATE TRIGGER client_seen_rekey AFTER UPDATE OF search_key ON client_seen
           WHEN NEW.search_key != OLD.search_key BEGIN
             INSERT INTO client_fts (rowid, terms)
               SELECT NEW.search_key, terms FROM client_fts WHERE rowid = OLD.search_key;
             DELETE FROM client_fts WHERE rowid = OLD.search_key;
           END""",
        """CREATE TRIGGER client_seen_visit_added AFTER INSERT ON visits
           WHEN NEW.client_id IS NOT NULL AND NEW.voided = 0 BEGIN
             UPDATE client_seen SET search_key = max(search_key, coalesce(max(0, CAST(
               strftime('%s', NEW.occurred_at) AS INTEGER)), 0) << 28 | client_id)
             WHERE client_id = NEW.client_id;
           END""",
        f"""CREATE TRIGGER client_seen_visit_changed AFTER UPDATE ON visits
           WHEN NEW.occurred_at IS NOT OLD.occurred_at OR NEW.voided IS NOT OLD.voided
             OR NEW.client_id IS NOT OLD.client_id BEGIN
             {recompute.format("OLD.client_id, NEW.client_id")};
           END""",
        f"""CREATE TRIGGER client_seen_visit_removed AFTER DELETE ON visits BEGIN
             {recompute.format("OLD.client_id")};
           END"""):
        db.execute(statement)
    search.rebuild(db)
