"""Time rules: store UTC, count days and ISO weeks in the clinic's local time.

A visit at 01:30 on a Sunday belongs to that Sunday in the clinic's zone; daylight-saving
changes neither move nor duplicate a visit because only UTC instants are stored and the
local day is derived from them with the zone's rules.
"""
from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .errors import Message, ValidationError, msg

_DB_FORMAT = "%Y-%m-%dT%H:%M:%SZ"
_WEEK = re.compile(r"^(\d{4})-?W(\d{2})$")


def now_utc() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


def zone(name: str) -> ZoneInfo:
    if not isinstance(name, str) or not name or "\0" in name or len(name) > 100:
        raise ValidationError("timezone", "unknown time zone; use a name such as America/Toronto")
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise ValidationError("timezone", "unknown time zone; use a name such as America/Toronto") from None


def to_db(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValidationError("time", "a time without a time zone cannot be stored")
    return moment.astimezone(timezone.utc).strftime(_DB_FORMAT)


def from_db(text: str | None) -> datetime | None:
    """Parse what `to_db` wrote. fromisoformat is about twenty times faster than strptime,
    which dominated opening a client with a long history."""
    if not text:
        return None
    return datetime.fromisoformat(text)  # the trailing "Z" makes it UTC


def local_date(moment: datetime, tz: str) -> date:
    return moment.astimezone(zone(tz)).date()


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def parse_week(text: str) -> tuple[int, int]:
    """'2026-W47' (or '2026W47') -> (2026, 47); a clear error for anything else."""
    match = _WEEK.match(text.strip())
    if not match:
        raise ValidationError("week", msg("{text} is not an ISO week like 2026-W47",
                                         text=repr(text)))
    year, week = int(match[1]), int(match[2])
    try:
        date.fromisocalendar(year, week, 1)
    except ValueError:
        raise ValidationError("week", msg("{year} has no week {week}", year=year,
                                         week=week)) from None
    return year, week


def week_bounds(week: str, tz: str) -> tuple[datetime, datetime]:
    """UTC instants [start, end) of an ISO week, Monday 00:00 to Monday 00:00 local time."""
    year, number = parse_week(week)
    monday = date.fromisocalendar(year, number, 1)
    local = zone(tz)
    start = datetime.combine(monday, time(), local)
    end = datetime.combine(monday + timedelta(days=7), time(), local)
    return start.astimezone(timezone.utc), end.astimezone(timezone.utc)


def last_complete_week(tz: str, now: datetime | None = None) -> str:
    today = local_date(now or now_utc(), tz)
    return iso_week(today - timedelta(days=7))


def parse_local(text: str, tz: str, field: str = "date") -> datetime:
    """An ISO 8601 date or date-time typed in clinic local time -> aware UTC datetime.
    A bare date means noon local time (inside that day whatever the DST rules). A time the
    spring change skips is refused; one the autumn change shows twice needs its UTC offset
    (`2026-11-01T01:30-05:00`)."""
    value = (text or "").strip()
    try:
        if len(value) == 10:
            moment = datetime.combine(date.fromisoformat(value), time(12), zone(tz))
        else:
            moment = datetime.fromisoformat(value)
    except ValueError:
        raise ValidationError(field, "is not an ISO date or date-time (YYYY-MM-DD or YYYY-MM-DDTHH:MM)") from None
    if moment.tzinfo is None:
        try:
            moment = to_utc(moment, tz, field=field)
        except AmbiguousTime as exc:
            (name1, off1), (name2, off2) = (_named(m, tz) for m in (exc.first, exc.second))
            raise ValidationError(field, msg(
                "{twice}: add the UTC offset, {off1} for the first ({name1}) or {off2} for the "
                "second ({name2}), as in YYYY-MM-DDTHH:MM{off2}",
                twice=_twice(exc.first, exc.second, tz), off1=off1, name1=name1, off2=off2,
                name2=name2)) from None
    if not 1900 <= moment.year <= 2200:
        raise ValidationError(field, "is out of range (years 1900 to 2200)")
    return moment.astimezone(timezone.utc).replace(microsecond=0)


# --- local times the nurse types: skipped or shown twice by a daylight-saving change --------

class AmbiguousTime(ValidationError):
    """A clinic local time the autumn change shows twice; `first` and `second` are the two
    UTC instants, in order."""

    def __init__(self, field: str, problem: str, first: datetime, second: datetime):
        super().__init__(field, problem)
        self.first, self.second = first, second


def instants(wall: datetime, tz: str) -> tuple[datetime, ...]:
    """The UTC instants at which the clinic's clocks show `wall` (naive, local): none when
    the spring change skips it, two (in order) when the autumn change shows it twice.
    Found by round trip: a candidate counts only if it converts back to the same wall time."""
    local = zone(tz)
    found: list[datetime] = []
    for fold in (0, 1):
        moment = wall.replace(tzinfo=local, fold=fold).astimezone(timezone.utc)
        if moment.astimezone(local).replace(tzinfo=None) == wall and moment not in found:
            found.append(moment)
    return tuple(sorted(found))


def to_utc(wall: datetime, tz: str, fold: int | None = None, field: str = "time") -> datetime:
    """A wall-clock time typed in the clinic's zone (naive) -> aware UTC. A time the spring
    change skips is refused; for one the autumn change shows twice, `fold` says which
    (0 the first, 1 the second), and without it AmbiguousTime asks."""
    found = instants(wall, tz)
    if not found:
        raise ValidationError(field, skipped_problem(wall, tz))
    if len(found) == 1:
        return found[0]
    if fold is None:
        (name1, off1), (name2, off2) = (_named(m, tz) for m in found)
        raise AmbiguousTime(field, msg("{twice}: choose {name1} (UTC{off1}, the first) or "
                                       "{name2} (UTC{off2}, the second)",
                                       twice=_twice(*found, tz), name1=name1, off1=off1,
                                       name2=name2, off2=off2), *found)
    return found[1 if fold else 0]


def latest_at(clock_time: time, tz: str, now: datetime, fold: int | None = None,
              field: str = "time") -> datetime:
    """The latest instant not after `now` at which the clinic's clocks showed `clock_time`:
    today, or yesterday when today's is still ahead (a shift started before midnight and
    entered after). Twice in the past (the autumn night) needs `fold`, as in `to_utc`."""
    wall = datetime.combine(now.astimezone(zone(tz)).date(), clock_time.replace(tzinfo=None))
    found = instants(wall, tz)
    if not found:
        raise ValidationError(field, skipped_problem(wall, tz))
    past = [m for m in found if m <= now]
    if not past:
        return to_utc(wall - timedelta(days=1), tz, fold, field)
    if len(past) == 1:
        return past[0]
    return to_utc(wall, tz, fold, field)


def skipped_problem(wall: datetime, tz: str) -> Message:
    local = zone(tz)
    before, after = (wall.replace(tzinfo=local, fold=f) for f in (0, 1))
    jump = _span(after.utcoffset() - before.utcoffset())
    return msg("does not exist in {zone}: the clocks jump ahead {jump} that night "
               "({before} to {after}); type the time the clock showed",
               zone=tz, jump=jump, before=before.tzname(), after=after.tzname())


def repeated(local: datetime) -> bool:
    """Whether the clinic's clocks show this local time (aware, in the clinic's zone) twice:
    the other fold has another offset only inside the hour the autumn change repeats."""
    return local.replace(fold=1 - local.fold).utcoffset() != local.utcoffset()


def zone_name(moment: datetime, tz: str) -> str:
    """The clinic zone's abbreviation at `moment` (EST, EDT)."""
    return moment.astimezone(zone(tz)).tzname() or ""


def zone_differs(moment: datetime, tz: str, laptop: tzinfo | None = None) -> bool:
    """Whether a laptop in zone `laptop` (None: the system's, as Python sees it) shows
    `moment` at another wall-clock time than the clinic's clocks."""
    return moment.astimezone(zone(tz)).utcoffset() != moment.astimezone(laptop).utcoffset()


def _twice(first: datetime, second: datetime, tz: str) -> Message:
    return msg("happens twice in {zone} (the clocks go back {span} that night)", zone=tz,
               span=_span(second - first))


def _named(moment: datetime, tz: str) -> tuple[str, str]:
    """('EDT', '-04:00')"""
    offset = moment.astimezone(zone(tz)).strftime("%z")
    return zone_name(moment, tz), f"{offset[:3]}:{offset[3:]}"


def _span(delta: timedelta) -> Message:
    minutes = int(abs(delta).total_seconds()) // 60
    if minutes % 60:
        return msg("{minutes} minutes", minutes=minutes)
    return msg("1 hour") if minutes == 60 else msg("{hours} hours", hours=minutes // 60)
