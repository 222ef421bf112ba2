"""fhir.json: the week's de-identified content as a FHIR R4 Bundle (type "collection").

- Patient: only the keyed hash of a complete UIC as an identifier (no name, no birth date);
  a client with an incomplete code gets a Patient with no identifier, meaningful inside
  this bundle only. Anonymous contacts have no Patient.
- Encounter per contact (class FLD "field", status finished, date only, services as types,
  site as a Location).
- Observation per test (result as value or data-absent reason), plus needles returned and
  overdose reversals when reported.
- ServiceRequest per referral made this week or with an outcome recorded this week, each
  with a Task carrying the follow-up status.
- SupplyDelivery per supply type handed out at a contact.

Every reference is a `urn:uuid:` fullUrl of another entry; ids are name-based UUIDs of the
program, van, week and position, so an unchanged week exports the same bundle content.
Required bindings use the R4 value sets (encounter-status, v3 ActCode, observation-status,
request-status, request-intent, task-status, task-intent, supplydelivery-status,
supply-item-type, data-absent-reason, v3 ObservationInterpretation).
"""
from __future__ import annotations

import hashlib
import uuid

from .. import vocab
from ..models import TEST_SERVICES
from .week import Contact, ReferralItem, WeekData

CODES = "urn:van-clinic:fhir:CodeSystem:"  # the app's own code systems (service, supply, ...)
V3_ACT = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
OBS_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"
ABSENT = "http://terminology.hl7.org/CodeSystem/data-absent-reason"
SUPPLY_TYPE = "http://terminology.hl7.org/CodeSystem/supply-item-type"
SNOMED = "http://snomed.info/sct"
_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:van-clinic:weekly-export")
_NAMESPACE_BYTES = _NAMESPACE.bytes  # a property that builds its bytes on every call


def resource_id(name: str) -> str:
    """str(uuid.uuid5(_NAMESPACE, name)), without building a UUID object: a week's bundle
    names thousands of resources, and the object cost a tenth of the export."""
    digest = bytearray(hashlib.sha1(_NAMESPACE_BYTES + name.encode()).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x50  # version 5
    digest[8] = (digest[8] & 0x3F) | 0x80  # RFC 4122 variant
    h = digest.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"

# test result -> (Observation.status, interpretation code or None, data-absent reason or None)
RESULT = {
    "negative": ("final", "NEG", None),
    "positive": ("final", "POS", None),
    "invalid": ("final", None, "error"),
    "pending": ("registered", None, "temp-unknown"),
    "declined": ("cancelled", None, "asked-declined"),
    "": ("unknown", None, "unknown"),
}
RESULT_VALUE = {"negative": ("260385009", "Negative"), "positive": ("10828004", "Positive")}
# referral status -> (ServiceRequest.status, Task.status)
REFERRAL_STATUS = {
    "made": ("active", "requested"),
    "attended": ("completed", "completed"),
    "not_attended": ("revoked", "failed"),
    "declined": ("revoked", "cancelled"),
}
MEDICATIONS = ("naloxone_injectable", "naloxone_nasal")


def _concept(system: str, code: str, label: str) -> dict:
    return {"coding": [{"system": CODES + system, "code": code, "display": label}], "text": label}


class _Builder:
    def __init__(self, data: WeekData):
        self.data = data
        self.entries: list[dict] = []
        self.scope = f"{data.program}/{data.van_code}/{data.week}"

    def add(self, name: str, resource: dict) -> str:
        rid = resource_id(f"{self.scope}/{name}")
        resource = {"resourceType": resource.pop("resourceType"), "id": rid, **resource}
        url = f"urn:uuid:{rid}"
        self.entries.append({"fullUrl": url, "resource": resource})
        return url


def build(data: WeekData) -> dict:
    b = _Builder(data)
    identifier_system = f"urn:van-clinic:{data.program}:uic-hmac-sha256"

    patients: dict[int, str] = {}  # client id -> Patient; one Patient per hashed code
    by_key: dict[str, str] = {}
    incomplete = 0
    for cid in sorted(data.people):
        key = data.people[cid].key
        if key and key in by_key:
            patients[cid] = by_key[key]
        elif key:
            patients[cid] = by_key[key] = b.add(f"patient/{key}", {
                "resourceType": "Patient",
                "identifier": [{"system": identifier_system, "value": key}]})
        else:
            incomplete += 1
            patients[cid] = b.add(f"patient/incomplete/{incomplete}", {"resourceType": "Patient"})

    locations = {site: b.add(f"location/{site}", {"resourceType": "Location",
                                                   "status": "active", "name": site})
                 for site in sorted({c.site for c in data.contacts if c.site})}

    encounters: dict[int, str] = {}
    for c in data.contacts:
        encounters[c.number] = _contact(b, c, patients.get(c.client_id), locations)

    for r in sorted({*data.referrals_made, *data.outcomes}, key=lambda r: r.id):
        _referral(b, r, patients[r.client_id], encounters.get(r.contact_number))

    return {"resourceType": "Bundle", "id": resource_id(b.scope),
            "identifier": {"system": f"urn:van-clinic:{data.program}:weekly-export",
                           "value": f"{data.van_code}-{data.week}"},
            "type": "collection", "entry": b.entries}


def _contact(b: _Builder, c: Contact, patient: str | None, locations: dict) -> str:
    day = c.day.isoformat()
    subject = {"subject": {"reference": patient}} if patient else {}
    encounter = {
        "resourceType": "Encounter", "status": "finished",
        "class": {"system": V3_ACT, "code": "FLD", "display": "field"},
        **subject, "period": {"start": day, "end": day},
    }
    if c.services:
        encounter["type"] = [_concept("service", s.kind, vocab.label("service", s.kind))
                             for s in c.services]
    if c.site:
        encounter["location"] = [{"location": {"reference": locations[c.site]}}]
    enc = b.add(f"encounter/{c.number}", encounter)
    context = {**subject, "encounter": {"reference": enc}, "effectiveDateTime": day}

    for s in c.services:
        if s.kind in TEST_SERVICES:
            status, interpretation, absent = RESULT[s.result]
            obs = {"resourceType": "Observation", "status": status,
                   "category": [{"coding": [{"system": OBS_CATEGORY, "code": "laboratory",
                                             "display": "Laboratory"}]}],
                   "code": _concept("service", s.kind, vocab.label("service", s.kind)),
                   **context}
            if s.result in RESULT_VALUE:
                code, display = RESULT_VALUE[s.result]
                obs["valueCodeableConcept"] = {
                    "coding": [{"system": SNOMED, "code": code, "display": display}]}
                obs["interpretation"] = [{"coding": [{"system": INTERPRETATION,
                                                      "code": interpretation}]}]
            else:
                obs["dataAbsentReason"] = {"coding": [{"system": ABSENT, "code": absent}]}
            b.add(f"observation/{c.number}/{s.kind}", obs)
    for code, label, value in (("needles_returned", "Needles returned", c.needles_returned),
                               ("overdose_reversals", "Overdose reversals reported",
                                c.overdose_reversals)):
        if value:
            b.add(f"observation/{c.number}/{code}", {
                "resourceType": "Observation", "status": "final",
                "code": _concept("measure", code, label), **context,
                "valueQuantity": {"value": value, "unit": "count",
                                  "system": "http://unitsofmeasure.org", "code": "{count}"}})

    for kind, qty in sorted(c.supplies.items()):
        item_type = "medication" if kind in MEDICATIONS else "device"
        delivery = {"resourceType": "SupplyDelivery", "status": "completed",
                    **({"patient": {"reference": patient}} if patient else {}),
                    "type": {"coding": [{"system": SUPPLY_TYPE, "code": item_type}]},
                    "suppliedItem": {"quantity": {"value": qty},
                                     "itemCodeableConcept": _concept(
                                         "supply", kind, vocab.label("supply", kind))},
                    "occurrenceDateTime": day}
        b.add(f"supply/{c.number}/{kind}", delivery)
    return enc


def _referral(b: _Builder, r: ReferralItem, patient: str, encounter: str | None) -> None:
    request_status, task_status = REFERRAL_STATUS[r.status]
    kind = _concept("directory_kind", r.kind, vocab.label("directory_kind", r.kind))
    request = {"resourceType": "ServiceRequest", "status": request_status, "intent": "order",
               "category": [{"coding": [{"system": SNOMED, "code": "3457005",
                                         "display": "Patient referral"}]}],
               "code": kind, "subject": {"reference": patient},
               **({"encounter": {"reference": encounter}} if encounter else {}),
               "authoredOn": r.made_on.isoformat()}
    sr = b.add(f"referral/{r.id}", request)
    label = vocab.label("referral_status", r.status)
    task = {"resourceType": "Task", "status": task_status, "intent": "order",
            "businessStatus": {"coding": [{"system": CODES + "referral_status",
                                           "code": r.status, "display": label}],
                               "text": label},
            "basedOn": [{"reference": sr}], "focus": {"reference": sr},
            "for": {"reference": patient}, "authoredOn": r.made_on.isoformat()}
    if r.status_date:
        task["lastModified"] = max(r.status_date, r.made_on).isoformat()
    b.add(f"referral-task/{r.id}", task)


def references(bundle: dict) -> list[str]:
    """Every `reference` value inside the bundle's resources (for checks)."""
    found: list[str] = []

    def walk(node) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "reference" and isinstance(value, str):
                    found.append(value)
                else:
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
    for entry in bundle["entry"]:
        walk(entry["resource"])
    return found
