"""A demo vault full of realistic synthetic data, and the generator benchmarks use.

Everything is drawn from one `random.Random(seed)`: the same seed and end week give the same
records. The generator is built to reach 100k clients and a million visits in minutes:

- every client goes through `clients.clean` and `clients.db_row` (the UIC recipe included),
  every visit through `visits.db_row` (local day and ISO week) and `visits.clean_supplies`;
  the fixed pools of text, services, referral and incident templates are cleaned once, at
  start, by the records' own cleaning functions;
- rows are inserted with executemany in large batches, each batch one `vault.write("demo",
  ...)` transaction with one audit entry summarising it; the search index is filled from
  `clients.search_terms`, as for a client registered by hand.

The vault's settings (letterhead, schedule, UIC secret, an export recipient) are set by
`create`; `populate` adds records to any open vault.
"""
from __future__ import annotations

import json
import random
import time as timer
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from records import clients, clock, directory, incidents, referrals, validate, visits
from records.errors import ValidationError
from records.models import ScheduleEntry, ServiceItem, Settings

if TYPE_CHECKING:
    from records.keyfile import KdfParams
    from records.vault import Vault

Progress = Callable[[str, int, int], None]  # (stage, done, total)
BATCH = 50_000  # rows of the main table per transaction (and per audit entry)

# --- pools -------------------------------------------------------------------------------
# Given names, weighted by repetition: many share a prefix ("Ma", "Jo"), as in real lists.
_GIVEN_F = (
    "Maria Maria Marie Mariah Marisol Marlene Maya Madison Makayla Mandy Margaret Martina "
    "Melissa Melanie Jo Joanne Jodie Jolene Josie Jocelyn Jordan Joy Josephine Jessica "
    "Ashley Amber Amanda Brittany Crystal Destiny Tiffany Kayla Chantal Nakita Tasha Shannon "
    "Heather Samantha Courtney Danielle Stephanie Krystal Nicole Sarah Tanya Lisa Dawn Autumn "
    "Sky Dakota Raven Cheyenne Angel Sierra Tamara Crystal Kim Brandy Candace Trina Shawna"
).split()
_GIVEN_M = (
    "Marcus Mason Matthew Mark Mario Joe Joey John Jonah Joshua Jordan Justin Kevin Tyler "
    "Cody Dustin Shane Travis Derek Ryan Brandon Dylan Curtis Wayne Darren"
).split()
_GIVEN_X = "Alex Jordan Sky River Rowan Jo Max Sam Quinn Ash Jessie Charlie".split()
# Accents and other scripts, drawn now and then.
_GIVEN_RARE = {
    "F": ("Éloïse", "Chloé", "Anaïs", "Zoë", "Renée", "Noémie", "Mélanie", "Geneviève",
          "Łucja", "Małgorzata", "Αθηνά", "Ελένη", "Светлана", "Наталья", "Оксана", "Thảo",
          "ليلى", "美玲", "Siobhán", "Inés"),
    "M": ("José", "André", "François", "Jérôme", "Łukasz", "Дмитрий", "Γιώργος", "Nguyễn",
          "Andrés", "Seán"),
    "X": ("Noé", "Álex", "Ŝajna"),
}
_SURNAMES = (
    "Smith Brown Tremblay Martin Roy Wilson MacDonald Gagnon Johnson Taylor Campbell Anderson "
    "Jones Leblanc Lee White Williams Thompson Moore Clarke King Young Scott Green Hill Morin "
    "Bouchard Côté Gauthier Bélanger Nowak Kowalski Wiśniewska Papadopoulos Nguyen Tran Ali "
    "Khan Singh Jacobs Thomas Peters Fisher French Miller Davis Martel Stewart Robinson "
    "Ivanova Παπαδοπούλου Hughes Murphy O'Brien McLeod Fraser Grant"
).split()
_STREET_NAMES = (
    "Cookie Red Bambi Lucky Sunshine Tink Peaches Lil Bit Shorty Ginger Diamond Mama J "
    "Smokey Frenchie Blue Kit Cricket Honey Bunny Sparky Jojo Mo Marz Junebug Star Roxy Tiny "
    "Doc Boots Magpie Minnie Mojo Mac"
).replace("Lil Bit", "Lil_Bit").replace("Mama J", "Mama_J").split()
_PRONOUNS = {"F": ("she/her", "she/her", "she/they"), "M": ("he/him", "he/they"),
             "X": ("they/them", "they/she", "he/they"), "": ("they/them",)}
_CONTACT_NOTES = (
    "Prefers texts; do not leave voicemail.",
    "Best reached at the Tuesday drop-in.",
    "Use street name only, also on paper.",
    "Phone shared with a friend: ask for her by name.",
    "Staying with family for now; ask before calling.",
)
SITES = ("Dundas & Adelaide", "Hamilton Rd & Rectory", "York & Richmond",
         "Horton & Wellington", "Dundas & Quebec", "Drop-in, Richmond St", "Van delivery")
_REASONS = ("Supplies", "Supplies", "Wound check", "Testing", "Follow-up", "Feeling unwell",
            "Check-in", "Referral follow-up", "Vaccination", "Results")
_NOTES = (
    "Abscess on left forearm cleaned and dressed; advised warm compresses.",
    "Cough for two weeks, no fever. To see primary care if not better.",
    "Asked about housing; gave hours of the access centre.",
    "Tired, not sleeping well. Talked for a while; will come back Thursday.",
    "Foot blisters dressed; new socks given.",
    "Wants to start treatment; referral discussed.",
    "Results explained; no concerns.",
    "Bruising on arms, says she is safe tonight. Offered the victim services number.",
    "Second dose given. Next due in six months.",
    "Came with a friend; both had supplies.",
)
_FOLLOW_UPS = ("Check wound on Thursday.", "Results next week.",
               "Ask about the housing appointment.", "Second dose due.", "")
_DIRECTORY = (
    dict(name="Regional Addiction Services - Rapid Access Clinic", kind="addictions",
         paper_name="Rapid Access Clinic", address="200 Queens Ave, London ON",
         phone="519-555-0141", hours="Mon-Fri 9:00-16:00; walk-in Tue and Thu 13:00-16:00",
         notes="Same-week start of treatment; bring any ID if you have it (not required)."),
    dict(name="Dundas Street Opioid Agonist Therapy Clinic", kind="addictions",
         paper_name="Dundas Health Centre", address="410 Dundas St, London ON",
         phone="519-555-0142", hours="Mon-Sat 8:00-14:00", notes="Walk-ins before 11:00."),
    dict(name="Crisis Mental Health Walk-in", kind="mental_health",
         paper_name="Wellness Walk-in", address="648 Huron St, London ON",
         phone="519-555-0143", hours="Open 24 hours", notes=""),
    dict(name="Community Mental Health Outreach Team", kind="mental_health",
         paper_name="Community Outreach Team", address="Mobile",
         phone="519-555-0144", hours="Mon-Fri 10:00-20:00", notes="Can meet at the van."),
    dict(name="Sexual Health Clinic, Middlesex-London", kind="sexual_health",
         paper_name="King Street Health Clinic", address="110 King St, London ON",
         phone="519-555-0145", hours="Mon-Thu 9:00-19:00; Fri 9:00-15:00", notes=""),
    dict(name="Regional HIV/AIDS Connection", kind="sexual_health",
         paper_name="Regional Connection", address="186 King St, London ON",
         phone="519-555-0146", hours="Mon-Fri 9:00-17:00", notes="Peer support on site."),
    dict(name="Downtown Community Health Centre", kind="primary_care", paper_name="",
         address="659 Dundas St, London ON", phone="519-555-0147",
         hours="Mon-Fri 8:30-20:00; Sat 9:00-13:00", notes="Takes clients without a health card."),
    dict(name="Emergency Women's Shelter", kind="shelter", paper_name="Maple House",
         address="Confidential address: call first", phone="519-555-0148",
         hours="Open 24 hours", notes=""),
    dict(name="Housing Access Centre", kind="shelter", paper_name="",
         address="355 Wellington St, London ON", phone="519-555-0149",
         hours="Mon-Fri 8:30-16:30", notes="Ask for the street outreach housing worker."),
    dict(name="Sexual Assault and Domestic Violence Treatment Centre", kind="victim_services",
         paper_name="Victoria Care Centre", address="800 Commissioners Rd E, London ON",
         phone="519-555-0150", hours="Open 24 hours, through Emergency", notes=""),
    dict(name="Community Legal Clinic", kind="legal_aid", paper_name="",
         address="1 Dundas St, London ON", phone="519-555-0151",
         hours="Mon-Fri 9:00-16:30", notes="Walk-in Wednesday afternoons."),
    dict(name="Police Liaison, Persons at Risk Program", kind="police_liaison",
         paper_name="Community Liaison Office", address="601 Dundas St, London ON",
         phone="519-555-0152", hours="By appointment; through the van", notes=""),
)
# kind -> (reason, request, urgency, disclosed topics, what the client was told)
_REFERRAL_TEMPLATES = {
    "addictions": [("Wants to start treatment", "Please assess for same-week start.", "soon",
                    {"substance_use"}, "Walk in Tuesday or Thursday afternoon.")],
    "mental_health": [("Low mood, not sleeping", "Assessment and follow-up, please.", "soon",
                       {"mental_health"}, "Open all hours; you can go tonight."),
                      ("Check-in", "Ongoing support.", "routine", set(), "They can meet at the van.")],
    "sexual_health": [("Testing and follow-up", "Please see for results and treatment.",
                       "soon", {"hiv_sti_hep"}, "Bring this letter."),
                      ("Routine check", "Routine visit.", "routine", set(), "")],
    "primary_care": [("No family doctor", "Please take on as a patient.", "routine",
                      {"clinical_history"}, "No health card needed."),
                     ("Cough for two weeks", "Please assess.", "soon", set(), "")],
    "shelter": [("Needs a bed tonight", "Bed and intake, please.", "urgent", set(),
                 "Call first; they will tell you where to go.")],
    "victim_services": [("Was hurt recently", "Care and support, please.", "urgent",
                         {"violence_police"}, "Go through Emergency and ask for the team.")],
    "legal_aid": [("Questions about a court date", "Advice, please.", "routine", set(),
                   "Walk in Wednesday afternoon.")],
    "police_liaison": [("Wants to report an incident", "Please contact through the van.",
                        "routine", {"violence_police"}, "The liaison will meet you at the van.")],
}
_AREAS = ("Hamilton Rd behind the plaza", "Dundas near Adelaide", "Parking lot off York St",
          "Trail by the river, Ridout St", "Side street off Horton St", "Motel on Wellington Rd")
_PEOPLE = (
    "Man, about 50, grey beard, heavy build, ball cap.",
    "Man in his 30s, tall and thin, tattoo on left forearm.",
    "Man, 40s, glasses, short dark hair, work boots.",
    "Young man, 20s, shaved head, speaks fast, cross necklace.",
    "Older man, 60s, white hair, walks with a limp.",
)
_VEHICLES = ("Dark blue pickup, dented tailgate.", "Silver minivan, roof rack.",
             "Black sedan, tinted windows.", "White work van, ladder on top.",
             "Red hatchback, loud muffler.", "")
_HAPPENED = (
    "Refused to pay and became aggressive; pushed her out of the car.",
    "Took her phone and drove off.",
    "Followed her for several blocks after she said no.",
    "Choked her; she got away. Medical check offered.",
    "Tried to drive out of town and would not stop; she got out at a light.",
    "Showed a knife and took her money.",
)
_LETTERS = "ABCDEFGHJKLMNPRSTVWXYZ"
_SCHEDULE = (ScheduleEntry("Tuesday 20:00-02:00", "Dundas & Adelaide"),
             ScheduleEntry("Thursday 20:00-02:00", "Hamilton Rd & Rectory"),
             ScheduleEntry("Friday 21:00-03:00", "York & Richmond"),
             ScheduleEntry("Saturday 21:00-03:00", "Dundas & Adelaide"))


@dataclass(frozen=True)
class Counts:
    clients: int
    visits: int  # all contacts, anonymous included
    anonymous: int
    shifts: int
    referrals: int
    incidents: int
    directory: int
    seconds: float


def demo_settings(seed: int) -> tuple[Settings, str]:
    """Settings for a demo vault and the coordinator's age identity (secret key) matching
    its export recipient, so exports can be decrypted. The identity is random, not seeded."""
    import pyrage
    identity = pyrage.x25519.Identity.generate()
    rng = random.Random(f"settings-{seed}")
    settings = Settings(
        clinic_name="Night Van Outreach (demo)", program="PAR", van_name="Night Van",
        van_code="VAN1", timezone="America/Toronto",
        letterhead=("Night Van Outreach", "Persons at Risk program",
                    "London, Ontario - 519-555-0100"),
        schedule=_SCHEDULE, export_recipient=str(identity.to_public()),
        uic_secret=f"demo-{rng.getrandbits(128):032x}")
    return settings, str(identity)


def create(path: Path, staff: str, passphrase: str, *, clients: int = 200, weeks: int = 8,
           seed: int = 1, end_week: str | None = None, kdf: "KdfParams | None" = None,
           progress: Progress | None = None) -> tuple["Vault", str, Counts]:
    """A NEW vault at `path` (VaultExists if one is there) filled with demo data. Returns
    the open vault, the coordinator's age identity for its exports, and the counts. If the
    generation fails part way, the vault keeps what was committed (batches are whole)."""
    from records.vault import Vault
    _check_sizes(clients, weeks)
    settings, identity = demo_settings(seed)
    vault = Vault.create(path, staff, passphrase, contact_line=f"{staff}, RN - 519-555-0100",
                         settings=settings, kdf=kdf)
    try:
        counts = populate(vault, clients=clients, weeks=weeks, seed=seed, end_week=end_week,
                          progress=progress)
    except BaseException:
        vault.lock()
        raise
    return vault, identity, counts


# --- the generator -----------------------------------------------------------------------

class _Generator:
    def __init__(self, vault: "Vault", rng: random.Random, progress: Progress | None):
        self.vault, self.rng, self.progress = vault, rng, progress
        self.db = vault.db
        self.tz = vault.settings.timezone
        self.zone = clock.zone(self.tz)
        self.staff_id = vault.staff.id

    def _next_id(self, table: str) -> int:
        return (self.db.execute(f"SELECT max(id) FROM {table}").fetchone()[0] or 0) + 1

    def _insert(self, table: str, columns, rows) -> None:
        if rows:
            marks = ", ".join("?" * len(columns))
            self.db.conn.executemany(
                f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)

    def _tell(self, stage: str, done: int, total: int) -> None:
        if self.progress:
            self.progress(stage, done, total)

    # --- directory and shifts ------------------------------------------------------------
    def directory(self) -> list[tuple[int, str]]:
        with self.vault.write("demo", "directory", detail=f"{len(_DIRECTORY)} entries"):
            ids = [(directory.insert_row(self.vault, directory.clean(entry)), entry["kind"])
                   for entry in _DIRECTORY]
        return ids

    def shifts(self, weeks: int, end_week: str) -> list[tuple[int, datetime, float, list[str]]]:
        """3-5 evening or night outings a week: (id, start UTC, length in seconds, sites)."""
        rng = self.rng
        year, number = clock.parse_week(end_week)
        last_monday = date.fromisocalendar(year, number, 1)
        out, rows = [], []
        next_id = self._next_id("shifts")
        for w in range(weeks - 1, -1, -1):
            monday = last_monday - timedelta(weeks=w)
            days = sorted(rng.sample(range(7), rng.randint(3, 5)))
            for d in days:
                start_local = datetime.combine(monday + timedelta(days=d),
                                               time(rng.choice((18, 19, 20, 20, 21, 22)),
                                                    rng.choice((0, 30))), self.zone)
                start = start_local.astimezone(timezone.utc)
                length = rng.choice((4, 5, 5, 6, 6, 7)) * 3600 + rng.choice((0, 1800))
                sites = rng.sample(SITES[:-2], rng.randint(1, 3))
                if rng.random() < 0.3:
                    sites.append("Van delivery")
                end = start + timedelta(seconds=length)
                out.append((next_id, start, length, sites))
                rows.append((next_id, self.staff_id, clock.to_db(start), clock.to_db(end),
                             json.dumps(sites, ensure_ascii=False)))
                next_id += 1
        with self.vault.write("demo", "shift", detail=f"{len(rows)} shifts"):
            self._insert("shifts", ("id", "staff_id", "started_at", "ended_at", "sites"), rows)
        return out

    # --- clients ------------------------------------------------------------------------
    def _person(self) -> dict:
        rng = self.rng
        r = rng.random()
        gender = "F" if r < 0.70 else "M" if r < 0.90 else "X" if r < 0.98 else ""
        pool = {"F": _GIVEN_F, "M": _GIVEN_M}.get(gender, _GIVEN_X)
        rare = rng.random() < 0.06
        given = rng.choice(_GIVEN_RARE[gender or "X"]) if rare else rng.choice(pool)
        surname = rng.choice(_SURNAMES)
        street = rng.choice(_STREET_NAMES).replace("_", " ")
        r = rng.random()
        name = (given if r < 0.55 else street if r < 0.80
                else f"{given} {surname[0]}." if r < 0.95 else f"{street} {given}")
        fields = {"name": name, "aliases": (), "legal_name": "", "phone": "", "pronouns": "",
                  "contact_notes": ""}  # every row with the same columns, for executemany
        n_alias = rng.choices((0, 1, 2), (60, 30, 10))[0]
        if n_alias:
            others = {street, rng.choice(_STREET_NAMES).replace("_", " "), rng.choice(pool)}
            others.discard(name)
            fields["aliases"] = sorted(others)[:n_alias]
        # Parts given for the code: most complete, some missing a part.
        year = date.today().year - int(rng.triangular(19, 64, 32))
        legal_first = given if rng.random() < 0.85 else rng.choice(pool)
        r = rng.random()
        fields |= {"gender": gender, "uic_first": legal_first, "uic_last": surname,
                   "birth_year": year}
        if r < 0.08:
            fields["birth_year"] = None
        elif r < 0.14:
            fields["uic_last"] = ""
        elif r < 0.17:
            fields["uic_first"] = ""
        if rng.random() < 0.30:
            fields["legal_name"] = f"{legal_first} {surname}"
        if rng.random() < 0.20:
            fields["phone"] = f"519-555-01{rng.randrange(100):02d}"
        if rng.random() < 0.15:
            fields["pronouns"] = rng.choice(_PRONOUNS[gender])
        if rng.random() < 0.08:
            fields["contact_notes"] = rng.choice(_CONTACT_NOTES)
        return clients.clean(fields)

    def clients(self, count: int, shifts: list) -> list[tuple[int, list[int]]]:
        """Insert `count` clients; returns (client id, shift indexes of their visits) in id
        order. Ids follow first contact, so the newest client has the highest id."""
        rng, n_shifts = self.rng, len(shifts)
        plans = []
        for _ in range(count):
            first = min(n_shifts - 1, int(n_shifts * rng.random() ** 1.6))
            wanted = 1 + int(rng.expovariate(1 / 9.5))
            later = range(first + 1, n_shifts)
            extra = rng.choices(later, k=wanted - 1) if later else []
            plans.append((first, sorted({first, *extra})))
        plans.sort(key=lambda p: p[0])
        next_id = self._next_id("clients")
        out, rows, terms, done = [], [], [], 0
        columns = None
        for first, visit_shifts in plans:
            fields = self._person()
            row = clients.db_row(fields, created_at=shifts[first][1])
            if columns is None:
                columns = ("id", *row)
            rows.append((next_id, *row.values()))
            terms.append((next_id, clients.search_terms(row | {"aliases": fields["aliases"], "ref": ""})))
            out.append((next_id, visit_shifts))
            next_id += 1
            if len(rows) >= BATCH:
                done = self._flush_clients(columns, rows, terms, done, count)
                rows, terms = [], []
        self._flush_clients(columns, rows, terms, done, count)
        return out

    def _flush_clients(self, columns, rows, terms, done: int, total: int) -> int:
        if not rows:
            return done
        with self.vault.write("demo", "client", f"{rows[0][0]}-{rows[-1][0]}",
                              detail=f"{len(rows)} clients"):
            self._insert("clients", columns, rows)
            self._insert("client_fts", ("rowid", "terms"), terms)
        self._tell("clients", done + len(rows), total)
        return done + len(rows)


    # --- pools cleaned once by the records' own cleaning functions ----------------------
    def pools(self, destinations: list[tuple[int, str]]) -> None:
        rng, vault = self.rng, self.vault
        text = lambda name, values: [visits.clean(vault, {name: v})[name] for v in values]
        self.reasons = text("reason", _REASONS)
        self.notes = text("note", _NOTES)
        self.follow_ups = text("follow_up", _FOLLOW_UPS)
        self.site_names = {s: visits.clean(vault, {"site": s})["site"] for s in SITES}
        self.services = []  # (items, the same with results still pending)
        tests = ("sti_test", "hiv_test", "hcv_test", "pregnancy_test")
        others = ("wound_care", "vaccination", "contraception", "naloxone_training",
                  "counselling", "basic_needs", "basic_needs", "wound_care")
        for _ in range(200):
            kinds = set(rng.sample(others, rng.choice((0, 1, 1, 2))))
            kinds |= set(rng.sample(tests, rng.choice((0, 0, 1, 2, 3))))
            kinds = kinds or {"counselling"}
            items = [ServiceItem(k, rng.choices(("negative", "positive", "declined", "invalid"),
                                                (88, 4, 6, 2))[0] if k in tests else "")
                     for k in sorted(kinds)]
            pending = [ServiceItem(i.kind, "pending" if i.result else "") for i in items]
            self.services.append((visits.clean_services(items), visits.clean_services(pending)))
        self.referral_templates = []  # (referral fields, weight)
        for destination_id, kind in destinations:
            for reason, request, urgency, topics, told in _REFERRAL_TEMPLATES[kind]:
                data = referrals.clean(vault, {
                    "destination_id": destination_id, "reason": reason, "request": request,
                    "urgency": urgency, "disclose": topics, "client_told": told})
                referrals.check_consent(data.pop("_destination"), data["disclose"])
                weight = 1 if kind in ("police_liaison", "legal_aid") else 4
                self.referral_templates.append((referrals.row_for(data), weight))
        incident_text = lambda name, values: [incidents.clean(vault, {name: v})[name]
                                              for v in values]
        self.areas = incident_text("area", _AREAS)
        self.people = incident_text("person_description", _PEOPLE)
        self.vehicles = incident_text("vehicle_description", _VEHICLES)
        self.happened = incident_text("what_happened", _HAPPENED)

    # --- visits, referrals, incidents ---------------------------------------------------
    def _supplies(self, quick: bool) -> dict[str, int]:
        rng = self.rng
        supplies = {}
        if rng.random() < 0.45:
            supplies["needles"] = rng.choice((10, 10, 20, 20, 50, 100))
        if rng.random() < 0.30:
            supplies["pipes"] = rng.randint(1, 5)
        if rng.random() < 0.40:
            supplies["condoms"] = rng.choice((5, 10, 10, 20))
        if rng.random() < 0.06:
            supplies[rng.choice(("naloxone_nasal", "naloxone_injectable"))] = rng.randint(1, 2)
        if rng.random() < 0.08:
            supplies["sharps_containers"] = 1
        if quick and not supplies:
            supplies["condoms"] = 10
        return visits.clean_supplies(supplies)

    def _visit(self, client_id: int | None, shift, at: datetime,
               recent: bool) -> tuple[dict, list, dict]:
        rng = self.rng
        shift_id, _, _, sites = shift
        quick = client_id is None or rng.random() < 0.30
        data = {"client_id": client_id, "staff_id": self.staff_id, "shift_id": shift_id,
                "occurred_at": at, "site": self.site_names[rng.choice(sites)], "quick": quick}
        services = ()
        if quick:
            supplies = self._supplies(True)
        else:
            supplies = self._supplies(False) if rng.random() < 0.6 else {}
            if rng.random() < 0.7:
                services = rng.choice(self.services)[1 if recent else 0]
            data["reason"] = rng.choice(self.reasons)
            if rng.random() < 0.25:
                data["note"] = rng.choice(self.notes)
            if rng.random() < 0.10:
                data["follow_up"] = rng.choice(self.follow_ups)
            if rng.random() < 0.002:
                data["overdose_reversals"] = 1
        if "needles" in supplies and rng.random() < 0.4:
            data["needles_returned"] = rng.randint(1, supplies["needles"])
        if supplies and rng.random() < 0.10:
            data["secondary"] = True
        return visits.db_row(data, self.tz), services, supplies

    def _referral(self, referral_id: int, visit_id: int, client_id: int, at: datetime,
                  end: datetime) -> dict:
        rng = self.rng
        templates = self.referral_templates
        row = rng.choices([t[0] for t in templates], [t[1] for t in templates])[0]
        status, status_date, recorded = "made", None, None
        days_left = (end - at).days
        if days_left >= 4 and rng.random() < 0.8:  # followed up at a later contact
            status = rng.choices(("attended", "not_attended", "declined"), (55, 30, 15))[0]
            when = at + timedelta(days=rng.uniform(2, min(14, days_left)))
            recorded = clock.to_db(when.replace(microsecond=0))
            status_date = (clock.local_date(when, self.tz) - timedelta(days=rng.randint(0, 3))
                           ).isoformat()
        return {"id": referral_id, "client_id": client_id, "staff_id": self.staff_id,
                "made_at": clock.to_db(at)} | row | {
            "visit_id": visit_id, "status": status, "status_date": status_date,
            "status_recorded_at": recorded}

    def _incident(self, incident_id: int, client_id: int, at: datetime) -> dict:
        rng = self.rng
        plate = "".join(rng.choice(_LETTERS) for _ in range(rng.randint(2, 4)))
        if rng.random() < 0.4:
            plate += " " + "".join(str(rng.randrange(10)) for _ in range(rng.randint(1, 3)))
        data = {
            "occurred_at": (at - timedelta(hours=rng.randint(2, 72))),
            "area": rng.choice(self.areas), "person_description": rng.choice(self.people),
            "vehicle_description": rng.choice(self.vehicles),
            "plate_partial": plate if rng.random() < 0.6 else "",
            "phone": f"519-555-01{rng.randrange(100):02d}" if rng.random() < 0.1 else "",
            "what_happened": rng.choice(self.happened),
            "client_id": client_id if rng.random() < 0.9 else None,
            "consent_sheet": rng.random() < 0.85, "consent_police": rng.random() < 0.30,
        }
        return {"id": incident_id, "staff_id": self.staff_id,
                "recorded_at": clock.to_db(at)} | incidents.row_for(data)

    def visits(self, plans: list[tuple[int, list[int]]], shifts: list, end: datetime) -> dict:
        rng = self.rng
        by_shift: list[list[int | None]] = [[] for _ in shifts]
        for client_id, visit_shifts in plans:
            for s in visit_shifts:
                by_shift[s].append(client_id)
        for people in by_shift:  # anonymous quick contacts: about one contact in eight
            people.extend([None] * (int(len(people) * rng.uniform(0.08, 0.16)) + rng.randint(0, 2)))
        total = sum(len(b) for b in by_shift)
        ids = {t: self._next_id(t) for t in ("visits", "referrals", "incidents")}
        first_ids = dict(ids)
        batch = _Batch()
        counts = {"visits": 0, "anonymous": 0}
        for index, shift in enumerate(shifts):
            people = by_shift[index]
            rng.shuffle(people)
            _, start, length, _ = shift
            offsets = sorted(rng.random() * length for _ in people)
            recent = start > end - timedelta(days=10)
            for client_id, offset in zip(people, offsets):
                at = start + timedelta(seconds=int(offset))
                visit_id = ids["visits"]
                ids["visits"] += 1
                row, services, supplies = self._visit(client_id, shift, at, recent)
                batch.add("visits", {"id": visit_id} | row)
                for item in services:
                    batch.add("visit_services", {"visit_id": visit_id, "kind": item.kind,
                                                 "result": item.result})
                for kind, quantity in supplies.items():
                    batch.add("visit_supplies", {"visit_id": visit_id, "kind": kind,
                                                 "quantity": quantity})
                counts["visits"] += 1
                if client_id is None:
                    counts["anonymous"] += 1
                elif not row["quick"]:
                    if rng.random() < 0.04:
                        batch.add("referrals", self._referral(ids["referrals"], visit_id,
                                                              client_id, at, end))
                        ids["referrals"] += 1
                    if rng.random() < 0.01:
                        batch.add("incidents", self._incident(ids["incidents"], client_id, at))
                        ids["incidents"] += 1
                if len(batch.rows["visits"]) >= BATCH:
                    self._flush_visits(batch, counts, total)
                    batch = _Batch()
        self._flush_visits(batch, counts, total)
        for table in ("referrals", "incidents"):
            counts[table] = ids[table] - first_ids[table]
        return counts

    def _flush_visits(self, batch: "_Batch", counts: dict, total: int) -> None:
        visit_rows = batch.rows["visits"]
        if not visit_rows:
            return
        detail = (f"{len(visit_rows)} visits, {len(batch.rows['referrals'])} referrals, "
                  f"{len(batch.rows['incidents'])} incidents")
        with self.vault.write("demo", "visit", f"{visit_rows[0][0]}-{visit_rows[-1][0]}",
                              detail=detail):
            for table in _Batch.TABLES:  # parents before children
                self._insert(table, batch.columns.get(table), batch.rows[table])
        self._tell("visits", counts["visits"], total)


class _Batch:
    """Rows waiting for one transaction, per table, as tuples in the order of `columns`."""
    TABLES = ("visits", "visit_services", "visit_supplies", "referrals", "incidents")

    def __init__(self):
        self.columns: dict[str, tuple] = {}
        self.rows: dict[str, list[tuple]] = {t: [] for t in self.TABLES}

    def add(self, table: str, row: dict) -> None:
        columns = self.columns.setdefault(table, tuple(row))
        if len(row) != len(columns):
            raise AssertionError(f"{table}: a row with other columns")
        self.rows[table].append(tuple(row.values()))


def _check_sizes(clients: int, weeks: int) -> tuple[int, int]:
    clients = validate.quantity("clients", clients, maximum=10_000_000)
    weeks = validate.quantity("weeks", weeks, maximum=520)
    if weeks < 1:
        raise ValidationError("weeks", "must be at least 1")
    return clients, weeks


def populate(vault: "Vault", *, clients: int = 200, weeks: int = 8, seed: int = 1,
             end_week: str | None = None, progress: Progress | None = None) -> Counts:
    """Add demo records to an open vault: the directory, `weeks` ISO weeks of shifts ending
    with `end_week` (default: the last complete week in the clinic's zone), `clients`
    clients with about ten contacts each on average (fewer when the weeks are few), anonymous
    quick contacts, referrals with outcomes, and incidents. Deterministic for a seed and end
    week. `progress(stage, done, total)` is called after each batch."""
    clients_wanted, weeks = _check_sizes(clients, weeks)
    vault.require_clinical()
    started = timer.perf_counter()
    end_week = end_week or clock.last_complete_week(vault.settings.timezone)
    end = clock.week_bounds(end_week, vault.settings.timezone)[1]
    gen = _Generator(vault, random.Random(seed), progress)
    destinations = gen.directory()
    gen.pools(destinations)
    shifts = gen.shifts(weeks, end_week)
    plans = gen.clients(clients_wanted, shifts)
    counts = gen.visits(plans, shifts, end)
    return Counts(clients=clients_wanted, visits=counts["visits"], anonymous=counts["anonymous"],
                  shifts=len(shifts), referrals=counts["referrals"], incidents=counts["incidents"],
                  directory=len(destinations), seconds=timer.perf_counter() - started)
