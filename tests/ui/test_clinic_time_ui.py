"""Clinic time in the forms with the laptop in UTC and the clinic in America/Toronto.

The laptop's zone is injected through ui.clinic_time.laptop_zone (Qt's system zone cannot be
changed offscreen once the app runs); the last test runs the shift bar in a subprocess with
TZ=UTC, the real path. "Now" is records.clock.now_utc, patched to nights around the 2026
changes: 8 March (02:00 EST -> 03:00 EDT) and 1 November (02:00 EDT -> 01:00 EST).
"""
import json
import os
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from formkit import save_keys, shoot, show
from PySide6.QtCore import Qt

from records import clients, clock, incidents, shifts, visits
from records.export import indicators
from records.export import week as export_week
from ui import clinic_time
from ui.client_page import visit_line
from ui.incident_form import IncidentForm
from ui.record_text import local_time
from ui.shift_bar import ShiftBar
from ui.visit_form import VisitForm

UTC = timezone.utc
TZ = "America/Toronto"
ROOT = Path(__file__).resolve().parents[2]


def at(hour, minute, day=1, month=11, second=0):
    return datetime(2026, month, day, hour, minute, second, tzinfo=UTC)


@pytest.fixture
def laptop_utc(monkeypatch):
    monkeypatch.setattr(clinic_time, "laptop_zone", ZoneInfo("UTC"))


@pytest.fixture(autouse=True)
def end_without_asking(monkeypatch):
    """Ending a shift asks (tests/ui/test_pages.py); here the answer is always yes."""
    monkeypatch.setattr(ShiftBar, "confirm_end", lambda self, running: True)


@pytest.fixture
def now(monkeypatch):
    """Set the clock: now.set(moment)."""
    class Now:
        moment = at(12, 0)

        def set(self, moment):
            self.moment = moment
    clock_now = Now()
    monkeypatch.setattr(clock, "now_utc", lambda: clock_now.moment)
    return clock_now


def hours_exported(vault, week: str) -> float:
    return indicators.compute(export_week.collect(vault, week))["shifts.hours"]


def type_moment(qtbot, edit, digits: str):
    """Type a date and time into a date-time field, section after section, as from the keys."""
    edit.setFocus(Qt.TabFocusReason)
    edit.setSelectedSection(edit.Section.YearSection)
    qtbot.keyClicks(edit, digits)


def zone_shown(note) -> str:
    """What the note beside a time says of its zone: the choice made, or the zone's name."""
    chosen = [b.text() for b in (note.first, note.second) if not b.isHidden() and b.isChecked()]
    return chosen[0] if chosen else note.label.text()


@pytest.mark.parametrize("start, end, shown, visit_zone, week", [
    # The reported night: 04:02 on the laptop is 23:02 EST at the clinic (it exported 19.15).
    (at(4, 2, 2, 12, second=40), at(4, 11, 2, 12), ("2026-12-01", "23:02", "EST"), "EST",
     "2026-W49"),
    # Across the autumn change: it ends at 01:04 EST, the clocks reading earlier than 01:55 EDT.
    # 01:55 happens twice that night: the visit form shows which one "now" is.
    (at(5, 55), at(6, 4), ("2026-11-01", "01:55", "EDT"), "01:55 EDT, the first", "2026-W44"),
])
def test_a_nine_minute_shift_exports_nine_minutes(qtbot, vault, laptop_utc, now, start, end,
                                                  shown, visit_zone, week):
    """The start box, the bar and the visit form all say the clinic's time with its zone."""
    day, time_shown, zone = shown
    now.set(start)
    bar = ShiftBar(vault)
    qtbot.addWidget(bar)
    assert (bar.started.text(), bar.started.note.label.text()) == (time_shown, zone)
    bar.sites.setText("Dundas & Richmond")
    qtbot.keyClick(bar.sites, Qt.Key_Return)
    assert bar.status.text() == f"Shift running since {time_shown} {zone} at Dundas & Richmond"
    form = VisitForm(vault, client_id=clients.register(vault, "Rosie").id)
    qtbot.addWidget(form)
    assert (form.when.text(), zone_shown(form.when.note)) == (f"{day} {time_shown}", visit_zone)
    assert form.when.moment() == start.replace(second=0)
    now.set(end)
    bar.toggle()
    ended = shifts.get(vault, 1)
    assert (ended.started_at, ended.ended_at) == (start.replace(second=0), end)
    assert hours_exported(vault, week) == 0.15


def typed_start(qtbot, vault, digits: str):
    """A shift bar with `digits` typed as the start time; the bar and its messages."""
    bar = ShiftBar(vault)
    messages = []
    bar.message.connect(messages.append)
    show(qtbot, bar)
    bar.started.setFocus(Qt.TabFocusReason)
    qtbot.keyClicks(bar.started, digits)
    return bar, messages


def test_the_shift_bar_asks_which_of_a_time_shown_twice(qtbot, vault, laptop_utc, now):
    now.set(at(6, 40))  # 01:40 EST: both 01:30s are past
    bar, messages = typed_start(qtbot, vault, "0130")
    note = bar.started.note
    assert note.first.isVisible() and note.second.isVisible()
    assert (note.first.text(), note.second.text()) == ("01:30 EDT, the first",
                                                       "01:30 EST, the second")
    bar.sites.setText("Van stop A")
    qtbot.keyClick(bar.sites, Qt.Key_Return)
    assert shifts.current(vault) is None
    assert messages[-1].startswith("shift start: happens twice in America/Toronto")
    qtbot.mouseClick(note.second, Qt.LeftButton)
    qtbot.keyClick(bar.sites, Qt.Key_Return)
    assert shifts.current(vault).started_at == at(6, 30)
    assert bar.status.text() == "Shift running since 01:30 EST at Van stop A"


def test_the_shift_bar_started_now_in_the_repeated_hour_needs_no_answer(qtbot, vault,
                                                                         laptop_utc, now):
    now.set(at(6, 40, second=30))  # 01:40 EST, the second 01:40 of the night
    bar = ShiftBar(vault)
    qtbot.addWidget(bar)
    assert zone_shown(bar.started.note) == "01:40 EST, the second"
    bar.toggle()
    assert shifts.current(vault).started_at == at(6, 40)


def test_the_shift_bar_refuses_a_skipped_time(qtbot, vault, laptop_utc, now):
    now.set(at(7, 40, 8, 3))  # 03:40 EDT on 8 March
    bar, messages = typed_start(qtbot, vault, "0230")
    assert "does not exist in America/Toronto" in bar.started.note.label.toolTip()
    qtbot.keyClick(bar.sites, Qt.Key_Return)
    assert shifts.current(vault) is None
    assert messages == ["shift start: does not exist in America/Toronto: the clocks jump ahead "
                        "1 hour that night (EST to EDT); type the time the clock showed"]


def test_a_skipped_time_typed_in_the_visit_form_is_refused_and_nothing_saved(
        qtbot, vault, laptop_utc, now, tmp_path):
    now.set(at(16, 0, 9, 3))
    client = clients.register(vault, "Rosie")
    form = show(qtbot, VisitForm(vault, client_id=client.id))
    type_moment(qtbot, form.when, "202603080230")
    assert form.when.text() == "2026-03-08 02:30"
    assert form.has_changes()  # what Esc and the lock ask: never fails on such a time
    label = form.when.note.label
    qtbot.waitUntil(lambda: label.width() >= label.sizeHint().width())  # laid out in full
    shoot(form, "visit_form_time_skipped", tmp_path)
    assert form.when.note.label.text() == "No such time here: the clocks jump ahead that night."
    assert form.when.note.label.toolTip() == (
        "This time does not exist in America/Toronto: the clocks jump ahead 1 hour that night "
        "(EST to EDT); type the time the clock showed.")
    save_keys(qtbot, form)
    assert form.banner.text() == (
        "Not saved. When: does not exist in America/Toronto: the clocks jump ahead 1 hour that "
        "night (EST to EDT); type the time the clock showed")
    assert visits.for_client(vault, client.id) == []
    assert form.focusWidget() is form.when
    type_moment(qtbot, form.when, "202603080330")
    assert form.when.note.label.text() == "EDT"
    save_keys(qtbot, form)
    assert [v.occurred_at for v in visits.for_client(vault, client.id)] == [at(7, 30, 8, 3)]


def test_a_time_shown_twice_asks_which_in_the_visit_form(qtbot, vault, laptop_utc, now,
                                                         tmp_path):
    now.set(at(16, 0, 2))
    client = clients.register(vault, "Rosie")
    form = show(qtbot, VisitForm(vault, client_id=client.id))
    type_moment(qtbot, form.when, "202611010130")
    note = form.when.note
    assert note.label.text() == "Happens twice (the clocks go back). Which one?"
    assert note.first.isVisible() and not note.first.isChecked() and not note.second.isChecked()
    shoot(form, "visit_form_time_twice", tmp_path)
    save_keys(qtbot, form)
    assert form.banner.text() == (
        "Not saved. When: happens twice in America/Toronto (the clocks go back 1 hour that "
        "night): choose EDT (UTC-04:00, the first) or EST (UTC-05:00, the second)")
    assert visits.for_client(vault, client.id) == []
    # From the keyboard: Tab from the time reaches the question, Right the second, Space picks.
    type_moment(qtbot, form.when, "202611010130")
    qtbot.keyClick(form.focusWidget(), Qt.Key_Tab)
    assert form.focusWidget() is note.first
    qtbot.keyClick(note.first, Qt.Key_Right)
    qtbot.keyClick(form.focusWidget(), Qt.Key_Space)
    assert note.fold == 1
    save_keys(qtbot, form)
    saved = visits.for_client(vault, client.id)
    assert [v.occurred_at for v in saved] == [at(6, 30)]

    # Correcting it shows the stored one chosen, and keeps it.
    corrected = show(qtbot, VisitForm(vault, visit_id=saved[0].id))
    assert corrected.when.note.second.isChecked() and corrected.when.moment() == at(6, 30)
    corrected.reason.setText("Follow-up")
    save_keys(qtbot, corrected)
    fixed = visits.get(vault, saved[0].id)
    assert (fixed.version, fixed.reason, fixed.occurred_at) == (2, "Follow-up", at(6, 30))


def test_a_skipped_time_is_refused_in_the_incident_form(qtbot, vault, laptop_utc, now):
    now.set(at(16, 0, 9, 3))
    form = show(qtbot, IncidentForm(vault))
    form.area.setText("Riverside")
    form.consent_sheet.yes.setChecked(True)
    form.consent_police.no.setChecked(True)
    type_moment(qtbot, form.when, "202603080215")
    save_keys(qtbot, form)
    assert form.banner.text().startswith("Not saved. When it happened: does not exist in "
                                         "America/Toronto")
    assert incidents.find(vault) == []


def test_times_read_are_clinic_time_with_the_zone_only_when_it_helps(vault, monkeypatch):
    record = visits.record(vault, occurred_at=at(4, 3, 2, 12), supplies={"condoms": 1},
                           quick=True)
    monkeypatch.setattr(clinic_time, "laptop_zone", ZoneInfo("UTC"))
    assert visit_line(record, TZ).startswith("2026-12-01 23:03 EST · Quick contact")
    assert local_time(vault, record.occurred_at) == "2026-12-01 23:03 EST"
    monkeypatch.setattr(clinic_time, "laptop_zone", ZoneInfo(TZ))
    assert local_time(vault, record.occurred_at) == "2026-12-01 23:03"
    # The two 01:30s of 1 November stay apart even on a laptop in the clinic's zone.
    assert [clinic_time.text(m, TZ, "%H:%M") for m in (at(5, 30), at(6, 30))] == [
        "01:30 EDT", "01:30 EST"]
    assert clinic_time.day(at(4, 3, 2, 12), TZ) == "2026-12-01"


SUBPROCESS = r"""
import json, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from records import clock, shifts
from records.export import indicators, week
from records.keyfile import KdfParams
from records.models import Settings
from records.vault import Vault
from ui.shift_bar import ShiftBar

ShiftBar.confirm_end = lambda self, running: True  # ending asks; answered yes
app = QApplication([])
vault = Vault.create(Path(sys.argv[1]), "Nora", "correct horse battery",
                     settings=Settings(timezone="America/Toronto"),
                     kdf=KdfParams(time_cost=1, memory_kib=8192, parallelism=1))
before = clock.now_utc()
bar = ShiftBar(vault)
shown = [bar.started.text(), bar.started.note.label.text()]
after = clock.now_utc()
bar.sites.setText("Corner")
bar.toggle()
since = bar.status.text()
bar.toggle()
shift = shifts.get(vault, shifts.between(vault, before.replace(year=before.year - 1), after.replace(year=after.year + 1))[0].id)
hours = indicators.compute(week.collect(vault, clock.iso_week(clock.local_date(shift.started_at, "America/Toronto"))))["shifts.hours"]
print(json.dumps({"before": clock.to_db(before), "after": clock.to_db(after), "shown": shown,
                  "since": since, "started": clock.to_db(shift.started_at),
                  "ended": clock.to_db(shift.ended_at), "hours": hours}))
vault.lock()
"""


def test_real_path_a_laptop_in_utc_starts_the_shift_at_clinic_time(tmp_path):
    """No injection: TZ=UTC for Python and Qt, the clinic in Toronto."""
    env = dict(os.environ, TZ="UTC", QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path),
               PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-c", SUBPROCESS, str(tmp_path / "vault")],
                          env=env, capture_output=True, text=True, cwd=ROOT, check=False,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    before, after = clock.from_db(result["before"]), clock.from_db(result["after"])
    toronto = ZoneInfo(TZ)
    shown_then = {f"{m.astimezone(toronto):%H:%M}" for m in (before, after)}
    assert result["shown"][0] in shown_then  # clinic time, not the laptop's
    assert result["shown"][1] in ("EST", "EDT")  # the laptop (UTC) differs: the zone shows
    started, ended = clock.from_db(result["started"]), clock.from_db(result["ended"])
    assert started.replace(second=0) <= before <= ended and ended >= after
    assert result["since"].startswith(f"Shift running since {result['shown'][0]} "
                                      f"{result['shown'][1]}")
    assert result["hours"] == round((ended - started).total_seconds() / 3600, 2)
    assert result["hours"] < 0.05


def test_the_export_week_box_ends_on_the_clinic_day(qtbot, vault, now):
    from ui.export_dialog import ExportDialog
    now.set(at(3, 0, 2, 12))  # 22:00 on Tuesday 1 December in Toronto
    dialog = ExportDialog(vault)
    qtbot.addWidget(dialog)
    assert dialog.week_edit.latest == datetime(2026, 12, 1).date()


def test_locking_over_a_time_not_yet_answered_keeps_the_draft(qtbot, tmp_path):
    """Ctrl+L never fails: a repeated time still to be answered (or a skipped one) is kept in
    the draft (it failed: the vault closed, the unlock window never showed)."""
    from nurse import Nurse
    from shellkit import flush_deletes, make_app, finish_setup, unlock
    app = make_app(tmp_path / "vault")
    try:
        finish_setup(qtbot, app)
        rosie = clients.register(app.vault, "Rosie")
        nurse = Nurse(qtbot)
        nurse.type("rosie")
        nurse.press("Return", "Ctrl+R", "Alt+W")
        nurse.type("202611010130")
        form = app.main.current_page()
        assert form.when.note.first.isVisible() and form.when.note.fold is None
        nurse.press("Ctrl+L")  # never asks, never fails
        flush_deletes()
        assert app.vault is None and app.unlock_window.isVisible()
        unlock(qtbot, app)
        qtbot.waitUntil(lambda: app.main is not None and app.main.host.offer is not None,
                        timeout=10000)
        nurse.press("Return")  # Restore
        form = app.main.current_page()
        assert isinstance(form, VisitForm) and form.when.text() == "2026-11-01 01:30"
        # The draft holds an instant: the question is back, with the first (EDT) chosen.
        assert form.when.note.first.isVisible() and form.when.note.fold == 0
        form.when.note.second.setChecked(True)
        nurse.press("Ctrl+S")
        assert [v.occurred_at for v in visits.for_client(app.vault, rosie.id)] == [at(6, 30)]
    finally:
        app.shutdown()
