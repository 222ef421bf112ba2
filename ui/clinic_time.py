"""Clinic time on screen: every time a nurse types or reads is the clinic's local time
(settings.timezone), with the zone's name beside it when the laptop's clock would show another
time ("23:03 EST"). The rules (a time the spring change skips, one the autumn change shows
twice) are records.clock's; this module adds the laptop's zone and the Qt fields.

Qt's clock and its local-time QDateTime follow the laptop's zone, so nothing here asks Qt for
the time or converts through its local time: an edit holds the clinic's wall-clock fields in a
UTC QDateTime (UTC has no gaps), and the current time comes from records.clock.now_utc.

In English times read as they always have (2026-12-01 23:03); in another language they are
written by that language's QLocale (French: 2026-12-01 23 h 03), never by hand.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone, tzinfo

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime, QTimeZone, Signal
from PySide6.QtWidgets import (QButtonGroup, QDateTimeEdit, QHBoxLayout, QLabel, QRadioButton,
                               QSizePolicy, QTimeEdit, QWidget)

from records import clock
from records.errors import ValidationError
from ui import i18n

# The laptop's zone; None: the operating system's, as Python sees it (TZ). Tests set a zone.
laptop_zone: tzinfo | None = None
_UTC = QTimeZone(QTimeZone.Initialization.UTC)
DATE_TIME = "%Y-%m-%d %H:%M"  # English, as shown since the start
LOCALES = {"fr": QLocale(QLocale.Language.French, QLocale.Country.Canada)}


def locale() -> QLocale | None:
    """The QLocale dates and times are written in, or None for English (strftime, as ever)."""
    return LOCALES.get(i18n.current())


def use_locale(widget: QWidget) -> None:
    """Month and day names (a calendar) in the app's language; English keeps Qt's default."""
    if locale() is not None:
        widget.setLocale(locale())


def _edit_format(date: bool) -> str:
    """A date-time edit's display format: the language's short formats, else ISO."""
    shown = locale()
    if shown is None:
        return "yyyy-MM-dd HH:mm" if date else "HH:mm"
    time_format = shown.timeFormat(QLocale.FormatType.ShortFormat)
    return f"{shown.dateFormat(QLocale.FormatType.ShortFormat)} {time_format}" if date \
        else time_format


def zone_suffix(moment: datetime, tz: str) -> str:
    """The clinic zone's name ("EST") when the laptop's clock shows `moment` otherwise, or
    when the clinic's clocks show that time twice (01:30 EDT, then 01:30 EST); else ""."""
    local = moment.astimezone(clock.zone(tz))
    if clock.repeated(local) or clock.zone_differs(moment, tz, laptop_zone):
        return local.tzname() or ""
    return ""


def _written(local: datetime, fmt: str) -> str:
    words = locale()
    if words is None:
        return local.strftime(fmt)
    short = QLocale.FormatType.ShortFormat
    parts = [words.toString(QDate(local.date()), short) if "%d" in fmt else "",
             words.toString(QTime(local.hour, local.minute), short) if "%H" in fmt else ""]
    return " ".join(part for part in parts if part)


def text(moment: datetime, tz: str, fmt: str = DATE_TIME) -> str:
    """`moment` as the clinic's clocks show it, with the zone when the laptop's differs.
    `fmt` is English's; another language shows the same parts (a date with %d, a time with
    %H) in its QLocale's short formats."""
    shown = _written(moment.astimezone(clock.zone(tz)), fmt)
    suffix = zone_suffix(moment, tz)
    return f"{shown} {suffix}" if suffix else shown


def day(moment: datetime, tz: str) -> str:
    """The clinic's local date of `moment` (YYYY-MM-DD in English and French)."""
    local = clock.local_date(moment, tz)
    words = locale()
    return local.isoformat() if words is None else \
        words.toString(QDate(local), QLocale.FormatType.ShortFormat)


def today(tz: str) -> QDate:
    return QDate(clock.local_date(clock.now_utc(), tz))


class ZoneNote(QWidget):
    """Beside a time field: the zone when the laptop's differs, why a time the spring change
    skips is refused, or, for a time the autumn change shows twice, which one (two choices)."""

    chosen = Signal()

    def __init__(self, tz: str, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._tz = tz
        self.label = QLabel()
        self.label.setAccessibleName(self.tr("{field}: time zone").format(field=name))
        self.label.setSizePolicy(QSizePolicy.Minimum, QSizePolicy.Preferred)  # never cut short
        self.first, self.second = QRadioButton(), QRadioButton()
        self._group = QButtonGroup(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        for fold, button in enumerate((self.first, self.second)):
            self._group.addButton(button, fold)
            layout.addWidget(button)
            button.toggled.connect(lambda on: on and self.chosen.emit())
        self._show("")

    @property
    def fold(self) -> int | None:
        """0 the first, 1 the second, None not chosen."""
        return None if self._group.checkedId() < 0 else self._group.checkedId()

    def choose(self, fold: int | None) -> None:
        self._group.setExclusive(False)  # an exclusive group cannot be emptied
        for index, button in enumerate((self.first, self.second)):
            button.setChecked(index == fold)
        self._group.setExclusive(True)

    def check(self, convert: Callable[[int | None], datetime]) -> None:
        """Show what `convert(fold)` (typed time -> UTC, raising as records.clock does) says."""
        try:
            moment = convert(None)
        except clock.AmbiguousTime as exc:
            self._ask(exc.first, exc.second)
        except ValidationError as exc:  # a skipped time: the full reason in the tooltip
            self._show(self.tr("No such time here: the clocks jump ahead that night."))
            self.label.setToolTip(self.tr("This time {problem}.").format(
                problem=i18n.error_text(exc.problem)))
        else:
            self._show(zone_suffix(moment, self._tz))

    def _ask(self, first: datetime, second: datetime) -> None:
        self._show(self.tr("Happens twice (the clocks go back). Which one?"), asking=True)
        for button, moment, which in ((self.first, first, self.tr("{time} {zone}, the first")),
                                      (self.second, second,
                                       self.tr("{time} {zone}, the second"))):
            local = moment.astimezone(clock.zone(self._tz))
            button.setText(which.format(time=_written(local, "%H:%M"), zone=local.tzname()))
            button.setAccessibleName(button.text())

    def _show(self, words: str, asking: bool = False) -> None:
        self.label.setText(words)
        self.label.setToolTip("")
        self.label.setVisible(bool(words))
        self.first.setVisible(asking)
        self.second.setVisible(asking)


class MomentEdit(QDateTimeEdit):
    """A date and time typed in the clinic's local time; reads back as an aware UTC datetime.
    The form places `note` beside it, and calls `check()` before saving."""

    def __init__(self, name: str, tz: str, parent: QWidget | None = None,
                 field: str = "when"):
        super().__init__(parent)
        self.tz, self._field = tz, field
        self.setTimeZone(_UTC)
        self.setDisplayFormat(_edit_format(date=True))
        use_locale(self)
        self.setCalendarPopup(True)
        self.setAccessibleName(name)
        self.note = ZoneNote(tz, name)
        self.dateTimeChanged.connect(self._typed)
        self.note.chosen.connect(self._check)
        self.set_moment(clock.now_utc())

    def wall(self) -> datetime:
        """The clinic wall-clock time shown (naive)."""
        return datetime.combine(self.date().toPython(), self.time().toPython()).replace(
            second=0, microsecond=0)

    def set_moment(self, moment: datetime) -> None:
        local = moment.astimezone(clock.zone(self.tz)).replace(second=0, microsecond=0)
        self.setDateTime(QDateTime(QDate(local.date()), QTime(local.hour, local.minute), _UTC))
        self.note.choose(local.fold)  # a stored instant knows which of a repeated hour it is
        self._check()

    def moment(self) -> datetime:
        """The instant shown. It never raises, so a draft kept at lock or a check for changes
        works whatever is typed: a skipped time, or a repeated one not yet answered, reads as
        Python's rules read it (fold 0: 02:30 as 03:30 EDT, 01:30 as the first). Saving calls
        `check()` first, which refuses those."""
        try:
            return clock.to_utc(self.wall(), self.tz, self.note.fold, self._field)
        except ValidationError:
            local = self.wall().replace(tzinfo=clock.zone(self.tz), fold=self.note.fold or 0)
            return local.astimezone(timezone.utc)

    def check(self) -> None:
        """Raise records.clock's ValidationError for a time the spring change skips, or
        AmbiguousTime for a repeated one whose question is not answered."""
        clock.to_utc(self.wall(), self.tz, self.note.fold, self._field)

    def focusNextPrevChild(self, forward: bool) -> bool:  # noqa: N802 (Qt naming)
        """Tab leaves the field, as from any other field, instead of walking its five parts
        (typing fills them in turn; Left and Right move between them)."""
        return QWidget.focusNextPrevChild(self, forward)

    def _typed(self) -> None:
        self.note.choose(None)
        self._check()

    def _check(self) -> None:
        self.note.check(lambda fold: clock.to_utc(self.wall(), self.tz, fold, self._field))


class ClockTimeEdit(QTimeEdit):
    """A time of day on the clinic's clocks, the latest one not after now (today, or yesterday
    when today's is still ahead): when a shift started. Its `note` is placed beside it."""

    def __init__(self, name: str, tz: str, parent: QWidget | None = None,
                 field: str = "start"):
        super().__init__(parent)
        self.tz, self._field = tz, field
        self.setDisplayFormat(_edit_format(date=False))
        use_locale(self)
        self.setAccessibleName(name)
        self.note = ZoneNote(tz, name)
        self.timeChanged.connect(self._typed)
        self.note.chosen.connect(self._check)

    def set_now(self) -> None:
        local = clock.now_utc().astimezone(clock.zone(self.tz))
        self.setTime(QTime(local.hour, local.minute))
        self.note.choose(local.fold)  # now is the second 01:40 if both are past
        self._check()

    def moment(self) -> datetime:
        return self._convert(self.note.fold)

    def _convert(self, fold: int | None) -> datetime:
        picked = self.time().toPython().replace(second=0, microsecond=0)
        return clock.latest_at(picked, self.tz, clock.now_utc(), fold, self._field)

    def _typed(self) -> None:
        self.note.choose(None)
        self._check()

    def _check(self) -> None:
        self.note.check(self._convert)

