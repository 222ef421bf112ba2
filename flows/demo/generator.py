"""The demo generator itself: draws every record from one seeded `random.Random` and
inserts them in large batches (see flows/demo/__init__.py for what it makes and why)."""
from __future__ import annotations

import json
import random
from collections.abc import Callable
from datetime import date, datetime, time, timedelta, timezone
from typing import TYPE_CHECKING

from records import clients, clock, directory, incidents, referrals, visits
from records.models import ServiceItem

from . import pools

if TYPE_CHECKING:
    from records.vault import Vault

Progress = Callable[[str, int, int], None]  # (stage, done, total)
BATCH = 50_000  # rows of the main table per transaction (and per audit entry)


class Generator:
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
        with self.vault.write("demo", "directory", detail=f"{len(pools.DIRECTORY)} entries"):
            ids = [(directory.insert_row(self.vault, directory.clean(entry)), entry["kind"])
                   for entry in pools.DIRECTORY]
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
                sites = rng.sample(pools.SITES[:-2], rng.randint(1, 3))
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
        pool = {"F": pools.GIVEN_F, "M": pools.GIVEN_M}.get(gender, pools.GIVEN_X)
        rare = rng.random() < 0.06
        given = rng.choice(pools.GIVEN_RARE[gender or "X"]) if rare else rng.choice(pool)
        surname = rng.choice(pools.SURNAMES)
        street = rng.choice(pools.STREET_NAMES).replace("_", " ")
        r = rng.random()
        name = (given if r < 0.55 else street if r < 0.80
                else f"{given} {surname[0]}." if r < 0.95 else f"{street} {given}")
        fields = {"name": name, "aliases": (), "legal_name": "", "phone": "", "pronouns": "",
                  "contact_notes": ""}  # every row with the same columns, for executemany
        n_alias = rng.choices((0, 1, 2), (60, 30, 10))[0]
        if n_alias:
            others = {street, rng.choice(pools.STREET_NAMES).replace("_", " "), rng.choice(pool)}
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
            fields["pronouns"] = rng.choice(pools.PRONOUNS[gender])
        if rng.random() < 0.08:
            fields["contact_notes"] = rng.choice(pools.CONTACT_NOTES)
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
        out, rows, done = [], [], 0
        columns = None
        for first, visit_shifts in plans:
            fields = self._person()
            row = clients.db_row(fields, created_at=shifts[first][1])
            if columns is None:
                columns = ("id", *row)
            rows.append((next_id, *row.values()))
            out.append((next_id, visit_shifts))
            next_id += 1
            if len(rows) >= BATCH:
                done = self._flush_clients(columns, rows, done, count)
                rows = []
        self._flush_clients(columns, rows, done, count)
        return out

    def _flush_clients(self, columns, rows, done: int, total: int) -> int:
        if not rows:
            return done
        with self.vault.write("demo", "client", f"{rows[0][0]}-{rows[-1][0]}",
                              detail=f"{len(rows)} clients"):
            self._insert("clients", columns, rows)
        self._tell("clients", done + len(rows), total)
        return done + len(rows)


    # --- pools cleaned once by the records' own cleaning functions ----------------------
    def pools(self, destinations: list[tuple[int, str]]) -> None:
        rng, vault = self.rng, self.vault
        text = lambda name, values: [visits.clean(vault, {name: v})[name] for v in values]
        self.reasons = text("reason", pools.REASONS)
        self.notes = text("note", pools.NOTES)
        self.follow_ups = text("follow_up", pools.FOLLOW_UPS)
        self.site_names = {s: visits.clean(vault, {"site": s})["site"] for s in pools.SITES}
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
            for reason, request, urgency, topics, told in pools.REFERRAL_TEMPLATES[kind]:
                data = referrals.clean(vault, {
                    "destination_id": destination_id, "reason": reason, "request": request,
                    "urgency": urgency, "disclose": topics, "client_told": told})
                referrals.check_consent(data.pop("_destination"), data["disclose"])
                weight = 1 if kind in ("police_liaison", "legal_aid") else 4
                self.referral_templates.append((referrals.row_for(data), weight))
        incident_text = lambda name, values: [incidents.clean(vault, {name: v})[name]
                                              for v in values]
        self.areas = incident_text("area", pools.AREAS)
        self.people = incident_text("person_description", pools.PEOPLE)
        self.vehicles = incident_text("vehicle_description", pools.VEHICLES)
        self.happened = incident_text("what_happened", pools.HAPPENED)

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
        plate = "".join(rng.choice(pools.LETTERS) for _ in range(rng.randint(2, 4)))
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


