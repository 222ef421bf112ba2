"""Visits, referrals and incidents as readable "Caption: value" lines (history, lists)."""
from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from records import directory
from records.errors import NotFound
from records.vocab import label
from ui import clinic_time, i18n

_FIELDS = {  # entity -> ordered (field, caption); captions translated where shown
    "visit": (("occurred_at", QT_TRANSLATE_NOOP("RecordText", "When")),
              ("site", QT_TRANSLATE_NOOP("RecordText", "Site")),
              ("reason", QT_TRANSLATE_NOOP("RecordText", "Reason")),
              ("services", QT_TRANSLATE_NOOP("RecordText", "Services")),
              ("supplies", QT_TRANSLATE_NOOP("RecordText", "Supplies")),
              ("needles_returned", QT_TRANSLATE_NOOP("RecordText", "Needles returned")),
              ("overdose_reversals",
               QT_TRANSLATE_NOOP("RecordText", "Overdose reversals reported")),
              ("secondary", QT_TRANSLATE_NOOP("RecordText", "Collected for someone else")),
              ("note", QT_TRANSLATE_NOOP("RecordText", "Note")),
              ("follow_up", QT_TRANSLATE_NOOP("RecordText", "Follow-up"))),
    "referral": (("made_at", QT_TRANSLATE_NOOP("RecordText", "Made")),
                 ("destination_id", QT_TRANSLATE_NOOP("RecordText", "Destination")),
                 ("urgency", QT_TRANSLATE_NOOP("RecordText", "Urgency")),
                 ("name_on_paper", QT_TRANSLATE_NOOP("RecordText", "Name on paper")),
                 ("reason", QT_TRANSLATE_NOOP("RecordText", "Reason")),
                 ("request", QT_TRANSLATE_NOOP("RecordText", "Request")),
                 ("client_told", QT_TRANSLATE_NOOP("RecordText", "Client was told")),
                 ("disclose", QT_TRANSLATE_NOOP("RecordText", "Client agrees to share")),
                 ("notes", QT_TRANSLATE_NOOP("RecordText", "Notes")),
                 ("include_notes",
                  QT_TRANSLATE_NOOP("RecordText", "Notes printed on the service copy")),
                 ("status", QT_TRANSLATE_NOOP("RecordText", "Status")),
                 ("status_date", QT_TRANSLATE_NOOP("RecordText", "Status date"))),
    "incident": (("occurred_at", QT_TRANSLATE_NOOP("RecordText", "When")),
                 ("area", QT_TRANSLATE_NOOP("RecordText", "Area")),
                 ("person_description", QT_TRANSLATE_NOOP("RecordText", "Person")),
                 ("vehicle_description", QT_TRANSLATE_NOOP("RecordText", "Vehicle")),
                 ("plate_partial", QT_TRANSLATE_NOOP("RecordText", "Partial plate")),
                 ("phone", QT_TRANSLATE_NOOP("RecordText", "Phone")),
                 ("what_happened", QT_TRANSLATE_NOOP("RecordText", "What happened")),
                 ("consent_sheet", QT_TRANSLATE_NOOP("RecordText", "On the alert sheet")),
                 ("consent_police",
                  QT_TRANSLATE_NOOP("RecordText", "Shared with the police liaison"))),
}


def _tr(text: str) -> str:
    """A text marked with QT_TRANSLATE_NOOP("RecordText", ...), translated."""
    return QCoreApplication.translate("RecordText", text)


def local_time(vault, value) -> str:
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return clinic_time.text(moment, vault.settings.timezone)


def _value(vault, name: str, value) -> str:
    lang = i18n.current()
    if value in (None, "", (), [], {}):
        return "—"
    if isinstance(value, bool):
        return (QCoreApplication.translate("RecordText", "yes") if value
                else QCoreApplication.translate("RecordText", "no"))
    if name in ("occurred_at", "made_at"):
        return local_time(vault, value)
    if name == "services":
        parts = []
        for item in value:
            kind, result = (item["kind"], item["result"]) if isinstance(item, dict) \
                else (item.kind, item.result)
            text = label("service", kind, lang)
            parts.append(f"{text} ({label('test_result', result, lang)})" if result else text)
        return ", ".join(parts)
    if name == "supplies":
        each = QCoreApplication.translate("RecordText", "{supply}: {count}")
        return ", ".join(each.format(supply=label("supply", k, lang), count=q)
                         for k, q in value.items())
    if name == "destination_id":
        try:
            return directory.get(vault, value).name
        except NotFound:
            return QCoreApplication.translate("RecordText", "service {id}").format(id=value)
    if name == "disclose":
        return ", ".join(label("topic", t, lang) for t in sorted(value))
    if name in ("urgency", "name_on_paper", "status"):
        kind = "referral_status" if name == "status" else name
        return label(kind, value, lang)
    return str(value)


def render(vault, entity: str, data: dict) -> str:
    """One version as 'Caption: value' lines."""
    line = QCoreApplication.translate("RecordText", "{caption}: {value}")
    return "\n".join(line.format(caption=_tr(caption), value=_value(vault, name, data.get(name)))
                     for name, caption in _FIELDS[entity])
