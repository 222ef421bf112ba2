"""Time rules (records/clock.py): UTC stored, days and weeks counted in the clinic's zone,
whatever zone the machine itself is set to. The `machine_tz` fixture sets the process's own
zone to one that differs from both UTC and the clinic's (Toronto), so code that silently used
machine-local time would give a wrong answer here even on a UTC build machine."""
import os
import time
from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

import pytest

from records import clock
from records.errors import ValidationError

TORONTO = "America/Toronto"
UTC = timezone.utc


@pytest.fixture
def machine_tz():
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Kolkata"  # UTC+05:30 all year: unlike UTC and unlike Toronto
    time.tzset()
    assert datetime(2026, 1, 1, 12).astimezone().utcoffset().total_seconds() == 5.5 * 3600
    yield
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    time.tzset()


def refused(call, *args, **kwargs) -> str:
    with pytest.raises(ValidationError) as caught:
        call(*args, **kwargs)
    return str(caught.value)


def test_now_is_utc_to_the_second():
    now = clock.now_utc()
    assert now.tzinfo is UTC and now.microsecond == 0


def test_zone_names_and_refusals():
    assert clock.zone(TORONTO) == ZoneInfo(TORONTO)
    message = "timezone: unknown time zone; use a name such as America/Toronto"
    for bad in (None, 5, "", "Mars/Olympus", "a\0b", "x" * 101, "../etc/passwd"):
        assert refused(clock.zone, bad) == message, bad


def test_to_db_stores_the_utc_instant_whatever_the_machine_zone(machine_tz):
    evening = datetime(2026, 3, 7, 22, 30, 15, tzinfo=ZoneInfo(TORONTO))  # EST, UTC-5
    assert clock.to_db(evening) == "2026-03-08T03:30:15Z"
    assert clock.to_db(datetime(2026, 3, 8, 3, 30, 15, tzinfo=UTC)) == "2026-03-08T03:30:15Z"
    assert clock.from_db(clock.to_db(evening)) == evening


def test_to_db_refuses_a_time_without_a_zone(machine_tz):
    # A naive datetime is machine-local to Python: storing it would shift it by the
    # machine's offset and still label it "Z".
    assert refused(clock.to_db, datetime(2026, 3, 7, 22, 30)) == \
        "time: a time without a time zone cannot be stored"


def test_from_db():
    assert clock.from_db(None) is None and clock.from_db("") is None
    got = clock.from_db("2026-03-08T03:30:15Z")
    assert got == datetime(2026, 3, 8, 3, 30, 15, tzinfo=UTC) and got.utcoffset().seconds == 0


def test_local_day_and_iso_week(machine_tz):
    # 06:30 UTC on Sunday 8 March is 01:30 EST in Toronto (still Sunday), 12:00 in Kolkata.
    assert clock.local_date(datetime(2026, 3, 8, 6, 30, tzinfo=UTC), TORONTO) == date(2026, 3, 8)
    # 04:30 UTC on Monday 9 March is still Sunday 23:30 EDT in Toronto.
    assert clock.local_date(datetime(2026, 3, 9, 3, 30, tzinfo=UTC), TORONTO) == date(2026, 3, 8)
    assert clock.iso_week(date(2026, 3, 8)) == "2026-W10"
    assert clock.iso_week(date(2026, 2, 2)) == "2026-W06"
    assert clock.iso_week(date(2027, 1, 1)) == "2026-W53"  # the ISO year, not the calendar's


def test_parse_week():
    assert clock.parse_week("2026-W47") == (2026, 47)
    assert clock.parse_week(" 2026W07 ") == (2026, 7)
    assert clock.parse_week("2026-W53") == (2026, 53)
    for bad in ("2026-47", "2026-W5", "26-W47", "2026-W470", "W47", ""):
        assert refused(clock.parse_week, bad) == f"week: {bad!r} is not an ISO week like 2026-W47"
    assert refused(clock.parse_week, "2025-W53") == "week: 2025 has no week 53"
    assert refused(clock.parse_week, "2026-W00") == "week: 2026 has no week 0"


def test_week_bounds_are_local_midnights_across_a_dst_change(machine_tz):
    # 2026-W10: Monday 2 March 00:00 EST to Monday 9 March 00:00 EDT (clocks went forward).
    start, end = clock.week_bounds("2026-W10", TORONTO)
    assert start == datetime(2026, 3, 2, 5, tzinfo=UTC) and start.tzinfo == UTC
    assert end == datetime(2026, 3, 9, 4, tzinfo=UTC) and end.tzinfo == UTC
    assert clock.week_bounds("2026-W10", "UTC") == (datetime(2026, 3, 2, tzinfo=UTC),
                                                    datetime(2026, 3, 9, tzinfo=UTC))


def test_last_complete_week_turns_at_local_midnight(machine_tz):
    sunday_night = datetime(2026, 3, 9, 3, 30, tzinfo=UTC)     # Sunday 23:30 EDT
    monday_early = datetime(2026, 3, 9, 4, 30, tzinfo=UTC)     # Monday 00:30 EDT
    assert clock.last_complete_week(TORONTO, now=sunday_night) == "2026-W09"
    assert clock.last_complete_week(TORONTO, now=monday_early) == "2026-W10"
    assert clock.last_complete_week("UTC", now=sunday_night) == "2026-W10"


def test_a_bare_date_means_noon_local_time(machine_tz):
    # Noon on the day the clocks go forward (EDT, UTC-4), and on the day before (EST).
    assert clock.parse_local("2026-03-08", TORONTO) == datetime(2026, 3, 8, 16, tzinfo=UTC)
    assert clock.parse_local(" 2026-03-07 ", TORONTO) == datetime(2026, 3, 7, 17, tzinfo=UTC)
    assert clock.parse_local("2026-03-08", "UTC") == datetime(2026, 3, 8, 12, tzinfo=UTC)


def test_a_local_date_time(machine_tz):
    assert clock.parse_local("2026-03-08T01:30", TORONTO) == datetime(2026, 3, 8, 6, 30, tzinfo=UTC)
    assert clock.parse_local("2026-03-08 22:30", TORONTO) == datetime(2026, 3, 9, 2, 30, tzinfo=UTC)
    got = clock.parse_local("2026-03-08T22:30:05.123456+00:00", TORONTO)  # an explicit offset wins
    assert got == datetime(2026, 3, 8, 22, 30, 5, tzinfo=UTC) and got.microsecond == 0
    assert got.tzinfo == UTC


def test_parse_local_refusals():
    shape = "is not an ISO date or date-time (YYYY-MM-DD or YYYY-MM-DDTHH:MM)"
    assert refused(clock.parse_local, "14/03/2026", TORONTO) == f"date: {shape}"
    assert refused(clock.parse_local, None, TORONTO) == f"date: {shape}"
    assert refused(clock.parse_local, "2026-02-30", TORONTO, field="visit date") == \
        f"visit date: {shape}"
    assert refused(clock.parse_local, "2026-03-08", "Mars/Olympus").startswith("timezone: ")
    out_of_range = "date: is out of range (years 1900 to 2200)"
    assert refused(clock.parse_local, "1899-12-31", TORONTO) == out_of_range
    assert refused(clock.parse_local, "2201-01-01T00:00", TORONTO) == out_of_range
    assert clock.parse_local("1900-01-01", "UTC").year == 1900
    assert clock.parse_local("2200-12-31", "UTC").year == 2200
