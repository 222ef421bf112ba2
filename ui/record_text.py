"""Visits, referrals and incidents as readable "Caption: value" lines (history, lists)."""
from __future__ import annotations

from datetime import datetime

from records import directory
from records.errors import NotFound
from records.vocab import label
from ui import clinic_time

_FIELDS = {  # entity -> ordered (field, caption)
    "visit": (("occurred_at", "When"), ("site", "Site"), ("reason", "Reason"),
              ("services", "Services"), ("supplies", "Supplies"),
              ("needles_returned", "Needles returned"),
              ("overdose_reversals", "Overdose reversals reported"),
              ("secondary", "Collected for someone else"), ("note", "Note"),
              ("follow_up", "Follow-up")),
    "referral": (("made_at", "Made"), ("destination_id", "Destination"),
                 ("urgency", "Urgency"), ("name_on_paper", "Name on paper"),
                 ("reason", "Reason"), ("request", "Request"),
                 ("client_told", "Client was told"), ("disclose", "Client agrees to share"),
                 ("notes", "Notes"), ("include_notes", "Notes printed on the service copy"),
                 ("status", "Status"), ("status_date", "Status date")),
    "incident": (("occurred_at", "When"), ("area", "Area"),
                 ("person_description", "Person"), ("vehicle_description", "Vehicle"),
                 ("plate_partial", "Partial plate"), ("phone", "Phone"),
                 ("what_happened", "What happened"),
                 ("consent_sheet", "On the alert sheet"),
                 ("consent_police", "Shared with the police liaison")),
}


def local_time(vault, value) -> str:
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return clinic_time.text(moment, vault.settings.timezone)


def _value(vault, name: str, value) -> str:
    if value in (None, "", (), [], {}):
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if name in ("occurred_at", "made_at"):
        return local_time(vault, value)
    if name == "services":
        parts = []
        for item in value:
            kind, result = (item["kind"], item["result"]) if isinstance(item, dict) \
                else (item.kind, item.result)
            text = label("service", kind)
            parts.append(f"{text} ({label('test_result', result)})" if result else text)
        return ", ".join(parts)
    if name == "supplies":
        return ", ".join(f"{label('supply', k)}: {q}" for k, q in value.items())
    if name == "destination_id":
        try:
            return directory.get(vault, value).name
        except NotFound:
            return f"service {value}"
    if name == "disclose":
        return ", ".join(label("topic", t) for t in sorted(value))
    if name in ("urgency", "name_on_paper", "status"):
        kind = "referral_status" if name == "status" else name
        return label(kind, value)
    return str(value)


def render(vault, entity: str, data: dict) -> str:
    """One version as 'Caption: value' lines."""
    return "\n".join(f"{caption}: {_value(vault, name, data.get(name))}"
                     for name, caption in _FIELDS[entity])
