"""The bundle as the coordinator receives it: every file present and described by the
manifest, no direct identifier anywhere, FHIR valid with the right codes and references,
small counts suppressed in the PDF only, and the export recorded in the vault."""
import hashlib
import json
import re
import subprocess
import sys

import pyrage
import pytest
from conftest import PASSPHRASE
from weekdata import BIRTH_DATE, MARKERS, WEEK, coordinator, week_vault  # noqa: F401 (fixtures)
from fhir.resources.R4B.bundle import Bundle

from helpers import indicators, open_bundle, pdf_text
from records import audit, clients
from records.export import bundle, fhir, vankey, week
from records.export.bundle import Header
from records.export.fhir import references
from reports import weekly
from flows.export import build, export_week

FILES = {"manifest.json", "manifest.sig", "indicators.json", "indicators.csv", "contacts.csv", "fhir.json",
         "dhis2.json", "summary.pdf"}


def searchable(files: dict[str, bytes]) -> str:
    """Every file's text after unzipping, plus the PDF's extracted text, lower-cased."""
    parts = [body.decode("latin-1") for body in files.values()]
    parts += [pdf_text(body) for name, body in files.items() if name.endswith(".pdf")]
    return "\n".join(parts).lower()


def identifiers(vault) -> list[str]:
    """Markers of every client field, note, referral and incident text, plus each client's
    code and the full date of birth."""
    found = [v.lower() for v in MARKERS.values()] + [BIRTH_DATE]
    found += [c.uic.lower() for c in (clients.get(vault, i) for i in (1, 2, 3, 5)) if c.uic]
    found += [f"{MARKERS[k]}{n}".lower() for k in ("name", "legal_name", "ref", "alias")
              for n in range(1, 7)]
    return found


def test_bundle_holds_every_file_described_by_the_manifest(week_vault, coordinator):
    built = build(week_vault, WEEK)
    files = open_bundle(built.payload, coordinator)
    assert set(files) == FILES
    m = json.loads(files["manifest.json"])
    assert (m["format"], m["version"], m["program"], m["van"], m["week"], m["timezone"]) == (
        "van-clinic-weekly-export", 2, "PAR", "VAN1", WEEK, "America/Toronto")
    # Signed by the van's own key, over the manifest's exact bytes, naming the recipient.
    key = vankey.van_public_text(week_vault.db)
    assert m["signing_key"] == key and m["recipient"] == str(coordinator.to_public())
    assert vankey.verifies(key, files["manifest.json"], files["manifest.sig"])
    assert not vankey.verifies(key, files["manifest.json"] + b" ", files["manifest.sig"])
    for name, body in files.items():
        if name not in ("manifest.json", "manifest.sig"):
            assert m["files"][name]["sha256"] == hashlib.sha256(body).hexdigest()
            assert m["files"][name]["bytes"] == len(body)
    assert m["created_by"] == "Nora Nurse" and m["app_version"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", m["created_at"])
    assert (m["audit_head"]["seq"], m["audit_head"]["hash"]) == audit.head(week_vault.db)
    assert m["files"]["contacts.csv"]["records"] == 12
    assert m["files"]["fhir.json"]["records"] == len(json.loads(files["fhir.json"])["entry"])
    assert built.file_name == "PAR-VAN1-2026-W10.age"
    assert built.payload.startswith(b"age-encryption.org/v1\n")


def test_no_direct_identifier_anywhere_in_the_bundle(week_vault, coordinator):
    files = open_bundle(build(week_vault, WEEK).payload, coordinator)
    text = searchable(files)
    wanted = identifiers(week_vault)
    assert len(wanted) > 40
    assert [w for w in wanted if w in text] == []


def test_the_identifier_search_finds_a_planted_marker(week_vault, coordinator):
    """Control: the same search over a plain copy with a marker planted in a CSV and in the
    PDF's drawn text does find it."""
    files = open_bundle(build(week_vault, WEEK).payload, coordinator)
    csv_copy = dict(files, **{"contacts.csv": files["contacts.csv"] + b"\r\n1,Qzname1,x"})
    assert "qzname1" in searchable(csv_copy)
    values = indicators(files)
    planted = weekly.render(Header("PAR", "QZLEGAL PERSON2", WEEK, "", (
        __import__("datetime").date(2026, 3, 2),) * 7), values)
    assert "qzlegal person2" in searchable({"summary.pdf": planted})


def test_fhir_bundle_is_valid_r4_with_right_codes_and_resolving_references(week_vault,
                                                                           coordinator):
    doc = json.loads(open_bundle(build(week_vault, WEEK).payload, coordinator)["fhir.json"])
    Bundle.model_validate(doc)  # structure (R4B models: fhir.resources has no R4 module)
    assert doc["type"] == "collection"
    urls = [e["fullUrl"] for e in doc["entry"]]
    assert len(urls) == len(set(urls))
    refs = references(doc)
    assert refs and set(refs) <= set(urls)
    kinds = {}
    for e in doc["entry"]:
        kinds.setdefault(e["resource"]["resourceType"], []).append(e["resource"])
    assert {k: len(v) for k, v in kinds.items()} == {
        "Patient": 4,  # A, B (= B2: one Patient per code), D, E (incomplete: no identifier)
        "Location": 2, "Encounter": 12, "Observation": 6, "ServiceRequest": 4, "Task": 4,
        "SupplyDelivery": 13}
    for p in kinds["Patient"]:
        assert set(p) <= {"resourceType", "id", "identifier"}
        for ident in p.get("identifier", ()):
            assert re.fullmatch(r"[0-9a-f]{64}", ident["value"])
    assert sum("identifier" in p for p in kinds["Patient"]) == 3
    # Required bindings, checked against the R4 value sets.
    assert {r["status"] for r in kinds["Encounter"]} <= {
        "planned", "arrived", "triaged", "in-progress", "onleave", "finished", "cancelled",
        "entered-in-error", "unknown"}
    assert {(r["class"]["system"], r["class"]["code"]) for r in kinds["Encounter"]} == {
        ("http://terminology.hl7.org/CodeSystem/v3-ActCode", "FLD")}
    assert {r["status"] for r in kinds["Observation"]} <= {
        "registered", "preliminary", "final", "amended", "corrected", "cancelled",
        "entered-in-error", "unknown"}
    for r in kinds["Observation"]:
        for reason in r.get("dataAbsentReason", {}).get("coding", ()):
            assert reason["system"] == "http://terminology.hl7.org/CodeSystem/data-absent-reason"
            assert reason["code"] in {"unknown", "asked-unknown", "temp-unknown", "not-asked",
                                      "asked-declined", "masked", "not-applicable",
                                      "unsupported", "as-text", "error", "not-a-number",
                                      "negative-infinity", "positive-infinity",
                                      "not-performed", "not-permitted"}
        assert not ("dataAbsentReason" in r and any(k.startswith("value") for k in r))
    for r in kinds["ServiceRequest"]:
        assert r["status"] in {"draft", "active", "on-hold", "revoked", "completed",
                               "entered-in-error", "unknown"}
        assert r["intent"] in {"proposal", "plan", "directive", "order", "original-order",
                               "reflex-order", "filler-order", "instance-order", "option"}
        assert r["subject"]["reference"] in urls
    for r in kinds["Task"]:
        assert r["status"] in {"draft", "requested", "received", "accepted", "rejected",
                               "ready", "cancelled", "in-progress", "on-hold", "failed",
                               "completed", "entered-in-error"}
        assert r["intent"] in {"unknown", "proposal", "plan", "order", "original-order",
                               "reflex-order", "filler-order", "instance-order", "option"}
    tasks = {t["focus"]["reference"]: t["status"] for t in kinds["Task"]}
    assert sorted(tasks.values()) == ["completed", "completed", "failed", "requested"]
    for r in kinds["SupplyDelivery"]:
        assert r["status"] in {"in-progress", "completed", "abandoned", "entered-in-error"}
        assert r["type"]["coding"][0]["code"] in {"medication", "device"}
    results = {o["code"]["coding"][0]["code"]: o for o in kinds["Observation"]}
    assert results["hiv_test"]["valueCodeableConcept"]["coding"][0]["code"] == "260385009"
    assert results["hiv_test"]["interpretation"][0]["coding"][0]["code"] == "NEG"
    assert results["hcv_test"]["status"] == "registered"


def test_small_counts_are_suppressed_in_the_pdf_only(week_vault, coordinator):
    files = open_bundle(build(week_vault, WEEK).payload, coordinator)
    values = indicators(files)
    assert values["clients.unique"] == 3 and values["incidents.reported"] == 3  # exact
    lines = [x.strip() for x in pdf_text(files["summary.pdf"]).splitlines()]

    def printed(label):  # a table cell's text follows its label
        return lines[lines.index(label) + 1]
    assert printed("Contacts") == "12"                            # 5 or more: shown
    assert printed("anonymous") == "5"
    assert printed("Needles returned") == "23"
    assert printed("Unique clients (by complete UIC)") == "<5"    # 3
    assert printed("new") == "<5"                                 # 2
    assert printed("Incidents reported") == "<5"                  # 3
    assert printed("alert sheet / police liaison") == "<5 / <5"   # 2 and 1
    assert printed("Mental health services") == "0"               # zero: shown
    assert printed("Hours") == "7.0"                              # a measure, not a count
    assert lines.count("<5") >= 30
    figures = [x for x in lines if re.fullmatch(r"\d+", x)]
    assert {"12", "23", "35", "22", "0"} <= set(figures)
    assert not {"1", "2", "3", "4"} & set(figures)                # chart axes step by 5


def test_export_writes_only_the_encrypted_file_and_records_it(week_vault, coordinator,
                                                               tmp_path):
    out = tmp_path / "usb" / "x.age"
    out.parent.mkdir()
    done = export_week(week_vault, WEEK, out)
    assert [p.name for p in out.parent.iterdir()] == ["x.age"]
    assert out.read_bytes().startswith(b"age-encryption.org/v1\n")
    assert indicators(open_bundle(out.read_bytes(), coordinator))["contacts.total"] == 12
    (record,) = bundle.history(week_vault)
    assert (record.week, record.staff, record.checksum) == (WEEK, "Nora Nurse", done.checksum)
    assert audit.verify(week_vault.db, audit.recorded_heads(week_vault.db)).ok
    assert audit.recorded_heads(week_vault.db) == [(record.audit_seq, record.audit_head)]


def test_audit_verify_notices_a_log_cut_back_past_an_export(week_vault, tmp_path):
    export_week(week_vault, WEEK, tmp_path / "x.age")
    seq, _ = audit.head(week_vault.db)
    week_vault.db.execute("DELETE FROM audit WHERE seq >= ?", [seq - 3])
    verdict = audit.verify(week_vault.db, audit.recorded_heads(week_vault.db))
    assert not verdict.ok and "export" in verdict.problem


def test_export_needs_a_coordinator_key(vault, tmp_path):
    from records.errors import ValidationError
    with pytest.raises(ValidationError, match="coordinator export key"):
        export_week(vault, WEEK, tmp_path / "x.age")
    assert not (tmp_path / "x.age").exists()


def test_the_van_cannot_read_its_export_back(week_vault, coordinator, tmp_path):
    """The van holds only the public key: its own staff key slots do not decrypt."""
    payload = build(week_vault, WEEK).payload
    with pytest.raises(pyrage.DecryptError):
        pyrage.decrypt(payload, [pyrage.x25519.Identity.generate()])
    assert "AGE-SECRET-KEY" not in json.dumps(week_vault.settings.__dict__)


def test_cli_export(week_vault, coordinator, vault_dir, tmp_path):
    week_vault.lock()
    secret = tmp_path / "pass"
    secret.write_text(PASSPHRASE)
    out = tmp_path / "out.age"
    run = subprocess.run([sys.executable, "main.py", "export", "--data-dir", str(vault_dir),
                          "--passphrase-file", str(secret), "--week", WEEK, "--out", str(out)],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "12 contacts" in run.stdout
    assert indicators(open_bundle(out.read_bytes(), coordinator))["clients.unique"] == 3
    bad = subprocess.run([sys.executable, "main.py", "export", "--data-dir", str(vault_dir),
                          "--passphrase-file", str(secret), "--week", "2026-W60",
                          "--out", str(tmp_path / "y.age")], capture_output=True, text=True)
    assert bad.returncode == 1 and bad.stderr.startswith("error: week")
    assert "Traceback" not in bad.stderr


def test_resource_ids_are_the_standard_name_based_uuids():
    import uuid

    from records.export import fhir
    for name in ("NVO/V1/2026-W47", "NVO/V1/2026-W47/patient/ab12", "Éloïse/é/😀", ""):
        assert fhir.resource_id(name) == str(uuid.uuid5(fhir._NAMESPACE, name))


def test_large_json_files_are_the_one_call_encoding_byte_for_byte(week_vault, monkeypatch):
    """fhir.json and dhis2.json are encoded item by item (short calls: the window's thread
    needs the GIL meanwhile); the text is exactly json.dumps's."""
    def one_call(value) -> bytes:
        return (json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n").encode()

    made = {"resourceType": "Bundle", "total": 2.5, "flags": {1: "one", True: None},
            "entry": [{"id": f"é-{n}", "n": n, "tags": list(range(n % 3)),
                       "inner": {"items": [{"k": "ü\"\n"}] * 70}} for n in range(200)],
            "few": [1, 2, 3], "long": ["x"] * 65}
    nested = [made, [made["entry"]] * 2, list(range(100))]
    for value in (made, nested, made["entry"], {}, [], "text", 1.0):
        assert bundle._json(value, pretty=False) == one_call(value)
    monkeypatch.setattr(bundle, "LONG", 4)  # the test week's 45 entries count as long
    data = week.collect(week_vault, WEEK)
    fhir_bundle = fhir.build(data)
    assert bundle._json(fhir_bundle, pretty=False) == one_call(fhir_bundle)
