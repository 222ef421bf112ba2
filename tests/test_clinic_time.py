"""Local times across daylight-saving changes (America/Toronto, 2026): a time the spring change
skips (8 March, 02:00 -> 03:00) is refused, one the autumn change shows twice (1 November,
02:00 -> 01:00) needs to say which, in records.clock and in the spreadsheet import."""
from datetime import datetime, time, timezone
from zoneinfo import ZoneInfo

import pytest

from records import clock, importer, visits
from records.errors import ValidationError

TZ = "America/Toronto"
UTC = timezone.utc


def at(hour, minute, day=1, month=11):
    return datetime(2026, month, day, hour, minute, tzinfo=UTC)


def test_a_skipped_time_has_no_instant_and_is_refused_with_the_reason():
    assert clock.instants(datetime(2026, 3, 8, 2, 30), TZ) == ()
    with pytest.raises(ValidationError) as caught:
        clock.to_utc(datetime(2026, 3, 8, 2, 30), TZ, field="when")
    assert caught.value.field == "when"
    assert caught.value.problem == ("does not exist in America/Toronto: the clocks jump ahead "
                                    "1 hour that night (EST to EDT); type the time the clock "
                                    "showed")
    # Either side of the jump is fine.
    assert clock.to_utc(datetime(2026, 3, 8, 1, 59), TZ) == at(6, 59, 8, 3)
    assert clock.to_utc(datetime(2026, 3, 8, 3, 0), TZ) == at(7, 0, 8, 3)


def test_a_time_shown_twice_needs_which_one():
    assert clock.instants(datetime(2026, 11, 1, 1, 30), TZ) == (at(5, 30), at(6, 30))
    with pytest.raises(clock.AmbiguousTime) as caught:
        clock.to_utc(datetime(2026, 11, 1, 1, 30), TZ, field="when")
    assert (caught.value.first, caught.value.second) == (at(5, 30), at(6, 30))
    assert caught.value.problem == ("happens twice in America/Toronto (the clocks go back 1 "
                                    "hour that night): choose EDT (UTC-04:00, the first) or "
                                    "EST (UTC-05:00, the second)")
    assert clock.to_utc(datetime(2026, 11, 1, 1, 30), TZ, fold=0) == at(5, 30)
    assert clock.to_utc(datetime(2026, 11, 1, 1, 30), TZ, fold=1) == at(6, 30)
    assert clock.to_utc(datetime(2026, 11, 1, 2, 0), TZ) == at(7, 0)  # once, after the change


def test_latest_at_takes_the_latest_past_instant_and_asks_only_when_both_are_past():
    # 01:10 EST (06:10 UTC): 01:30 has happened once (EDT); the EST one is still ahead.
    assert clock.latest_at(time(1, 30), TZ, at(6, 10)) == at(5, 30)
    # 01:40 EST: both 01:30s are past, so say which.
    with pytest.raises(clock.AmbiguousTime):
        clock.latest_at(time(1, 30), TZ, at(6, 40))
    assert clock.latest_at(time(1, 30), TZ, at(6, 40), fold=1) == at(6, 30)
    # 01:04 EST, a shift started at 01:55 (EDT, nine minutes before): today's only past one.
    assert clock.latest_at(time(1, 55), TZ, at(6, 4)) == at(5, 55)
    # A time later than now is yesterday's.
    assert clock.latest_at(time(23, 15), TZ, at(6, 30, 8, 3)) == at(4, 15, 8, 3)
    with pytest.raises(ValidationError, match="does not exist"):
        clock.latest_at(time(2, 30), TZ, at(7, 40, 8, 3))


def test_zone_differs_compares_what_the_two_clocks_show():
    winter, summer = at(4, 3, 2, 12), at(4, 3, 2, 7)
    utc = ZoneInfo("UTC")
    assert clock.zone_differs(winter, TZ, utc) and clock.zone_differs(summer, TZ, utc)
    assert not clock.zone_differs(winter, TZ, ZoneInfo("America/New_York"))
    assert not clock.zone_differs(winter, TZ, ZoneInfo(TZ))
    # Same offset in winter only (Regina keeps CST all year).
    assert not clock.zone_differs(winter, "America/Winnipeg", ZoneInfo("America/Regina"))
    assert clock.zone_differs(summer, "America/Winnipeg", ZoneInfo("America/Regina"))
    assert clock.zone_name(winter, TZ) == "EST" and clock.zone_name(summer, TZ) == "EDT"


def test_parse_local_refuses_skipped_and_unmarked_twice_shown_times():
    with pytest.raises(ValidationError, match="does not exist in America/Toronto"):
        clock.parse_local("2026-03-08 02:30", TZ)
    with pytest.raises(ValidationError) as caught:
        clock.parse_local("2026-11-01T01:30", TZ)
    assert caught.value.problem == (
        "happens twice in America/Toronto (the clocks go back 1 hour that night): add the UTC "
        "offset, -04:00 for the first (EDT) or -05:00 for the second (EST), as in "
        "YYYY-MM-DDTHH:MM-05:00")
    assert "2026-11-01" not in caught.value.problem  # no cell value in a message
    assert clock.parse_local("2026-11-01T01:30-05:00", TZ) == at(6, 30)
    assert clock.parse_local("2026-11-01T01:30-04:00", TZ) == at(5, 30)
    assert clock.parse_local("2026-11-01", TZ) == at(17, 0)  # a bare date: noon


def test_import_names_file_line_and_column_of_a_skipped_or_twice_shown_time(vault, tmp_path):
    path = tmp_path / "visits.csv"
    path.write_text("date,supplies\n"
                    "2026-03-08 01:59,condoms: 2\n"
                    "2026-03-08 02:30,condoms: 2\n"
                    "2026-11-01 01:30,condoms: 2\n"
                    "2026-11-01T01:30-05:00,condoms: 2\n")
    with pytest.raises(importer.ImportFailed) as caught:
        importer.run(vault, visits_csv=path)
    found = [(p.file, p.line, p.column) for p in caught.value.problems]
    assert found == [("visits.csv", 3, "date"), ("visits.csv", 4, "date")]
    skipped, twice = (str(p) for p in caught.value.problems)
    assert skipped.startswith("visits.csv, line 3, column date: does not exist in "
                              "America/Toronto")
    assert "add the UTC offset, -04:00 for the first (EDT) or -05:00" in twice
    assert visits.between(vault, at(0, 0, 1, 1), at(0, 0, 1, 12)) == []  # nothing imported


def test_import_accepts_a_twice_shown_time_with_its_offset(vault, tmp_path):
    path = tmp_path / "visits.csv"
    path.write_text("date,supplies\n"
                    "2026-11-01T01:30-04:00,condoms: 2\n"
                    "2026-11-01T01:30-05:00,condoms: 3\n")
    importer.run(vault, visits_csv=path)
    stored = visits.between(vault, at(0, 0), at(12, 0))
    assert sorted((v.occurred_at, v.supplies["condoms"]) for v in stored) == [
        (at(5, 30), 2), (at(6, 30), 3)]
    days = vault.db.execute("SELECT DISTINCT local_date FROM visits").fetchall()
    assert [tuple(d) for d in days] == [("2026-11-01",)]  # one local day, not two


def test_a_referral_outcome_is_dated_on_the_clinic_day_not_the_laptop_day(vault, monkeypatch):
    from records import clients, directory, referrals
    rose = clients.register(vault, "Rose")
    shelter = directory.add(vault, "Shelter", "shelter")
    made = referrals.make(vault, rose.id, shelter.id, made_at=at(15, 0, 13, 6))
    # 23:00 on Sunday 14 June in Toronto is 03:00 on Monday 15 June UTC.
    monkeypatch.setattr(clock, "now_utc", lambda: at(3, 0, 15, 6))
    done = referrals.set_outcome(vault, made.id, "attended")
    assert done.status_date == datetime(2026, 6, 14).date()


def test_repeated_is_true_only_inside_the_repeated_hour():
    local = ZoneInfo(TZ)
    assert [clock.repeated(m.astimezone(local)) for m in (at(4, 59), at(5, 0), at(6, 59), at(7, 0))
            ] == [False, True, True, False]
