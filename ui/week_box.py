"""The week to export, typed or picked: an ISO week ("2026-W48", "2026w48") or any date
("2026-12-01", meaning the week that holds it); F4 or Alt+Down opens a calendar (arrows move,
Enter picks the day's week, Esc closes it). Weeks that have not started are refused.
"""
from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import QCalendarWidget, QFrame, QLineEdit, QVBoxLayout, QWidget

from records import clock
from records.errors import ValidationError
from ui import clinic_time
from ui.i18n import error_text

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
EXAMPLE = QT_TRANSLATE_NOOP("WeekBox", "a date like 2026-12-01 or a week like 2026-W49")


def parse_week_text(text: str, latest: date | None = None) -> str:
    """The ISO week a nurse typed: a week or a date (the week holding it). `latest`: the
    last day that may be in the week (today); a week starting after it is refused."""
    value = text.strip().upper()
    if _DATE.match(value):
        try:
            day = date.fromisoformat(value)
        except ValueError:
            raise ValidationError("week", QCoreApplication.translate(
                "WeekBox", "{text} is not a date").format(text=text.strip())) from None
    else:
        try:
            year, number = clock.parse_week(value)
        except ValidationError:
            raise ValidationError("week", QCoreApplication.translate(
                "WeekBox", "type {example}").format(
                    example=QCoreApplication.translate("WeekBox", EXAMPLE))) from None
        day = date.fromisocalendar(year, number, 1)
    week = clock.iso_week(day)
    if latest is not None and monday_of(week) > latest:
        raise ValidationError("week", QCoreApplication.translate(
            "WeekBox", "{week} has not started yet").format(week=week))
    return week


def monday_of(week: str) -> date:
    year, number = clock.parse_week(week)
    return date.fromisocalendar(year, number, 1)


class _CalendarPopup(QFrame):
    """A calendar under the week box; Enter or a click picks, Esc closes."""

    picked = Signal(object)  # a date

    def __init__(self, parent: QWidget):
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.calendar = QCalendarWidget()
        self.calendar.setAccessibleName(self.tr("Pick a day of the week to export"))
        clinic_time.use_locale(self.calendar)
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.ISOWeekNumbers)
        self.calendar.activated.connect(self._pick)
        self.calendar.clicked.connect(self._pick)
        QVBoxLayout(self).addWidget(self.calendar)
        self.layout().setContentsMargins(0, 0, 0, 0)

    def _pick(self, day: QDate) -> None:
        self.close()
        self.picked.emit(day.toPython())


class WeekBox(QLineEdit):
    """`week()` is the last week accepted; `week_changed(week)` when it changes, and
    `refused(message)` when typed text is not a week (the text stays for correcting)."""

    week_changed = Signal(str)
    refused = Signal(str)

    def __init__(self, latest: date, parent: QWidget | None = None):
        super().__init__(parent)
        self.latest = latest
        self._week = clock.iso_week(latest)
        self.setText(self._week)
        self.setPlaceholderText(self.tr("2026-W49 or 2026-12-01"))
        self.setToolTip(self.tr("Type {example}; F4 or Alt+Down opens a calendar").format(
            example=self.tr(EXAMPLE)))
        self.popup = _CalendarPopup(self)
        self.popup.picked.connect(lambda day: self.set_week(clock.iso_week(day)))
        self.editingFinished.connect(self.accept_text)

    def week(self) -> str:
        return self._week

    def set_week(self, week: str) -> None:
        week = parse_week_text(week, self.latest)
        self.setText(week)
        if week != self._week:
            self._week = week
            self.week_changed.emit(week)

    def accept_text(self) -> bool:
        """Take what was typed; False (and `refused`) when it is not a week."""
        try:
            self.set_week(self.text())
        except ValidationError as exc:
            self.refused.emit(self.tr("Not a week: {problem}.").format(
                problem=error_text(exc.problem)))
            return False
        return True

    def open_calendar(self) -> None:
        self.accept_text()  # from what was typed, if it is a week; else the last good one
        self.popup.calendar.setMaximumDate(QDate(self.latest))
        self.popup.calendar.setSelectedDate(QDate(monday_of(self._week)))
        self.popup.adjustSize()
        self.popup.move(self.mapToGlobal(self.rect().bottomLeft()))
        self.popup.show()
        self.popup.calendar.setFocus()

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        alt_down = (event.key() == Qt.Key.Key_Down
                    and event.modifiers() & Qt.KeyboardModifier.AltModifier)
        if event.key() == Qt.Key.Key_F4 or alt_down:
            self.open_calendar()
            return
        super().keyPressEvent(event)
