"""Each attack on the coordinator's merge found on the old code (issue 12), as a test: the
bundle is refused naming the file and the reason, nothing is written outside --out (or at
all, by default), and no malformed bundle ends in a traceback."""
import csv
import io
import json
import tracemalloc
import zipfile

import pyrage
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from weekdata import WEEK, at, coordinator, week_vault  # noqa: F401 (fixtures)

from helpers import open_bundle, seal, trust, van_signer
from records import visits
from records.export import indicators, keyring, merge, validate, verify
from flows.export import build, export_week
from flows.merge import merge_files


@pytest.fixture
def ring(tmp_path, week_vault):
    return trust(tmp_path / "vans.json", week_vault)


@pytest.fixture
def real(week_vault, coordinator):
    """VAN1's authentic week, unpacked."""
    return open_bundle(build(week_vault, WEEK).payload, coordinator)


def refused(payload, coordinator, ring, name="x.age") -> str:
    with pytest.raises(merge.BundleRejected) as caught:
        merge.open_bundle(name, payload, [coordinator], ring)
    message = str(caught.value)
    assert message.startswith(f"{name}: ")
    return message


def edited(files, **changes) -> dict:
    m = json.loads(files["manifest.json"])
    m.update(changes)
    return m


def indicators_with(files, **values) -> bytes:
    doc = json.loads(files["indicators.json"])
    doc["indicators"].update(values)
    return json.dumps(doc).encode()


def test_path_traversal_in_the_manifest_van_is_refused_and_nothing_written(
        real, week_vault, coordinator, ring, tmp_path):
    evil = "../../../../../PWNED"
    doc = json.loads(real["indicators.json"]) | {"van": evil}
    files = real | {"indicators.json": json.dumps(doc).encode()}
    # Even signed with the van's real key (a van in the wrong hands).
    payload = seal(files, coordinator.to_public(), van_signer(week_vault),
                   manifest=edited(real, van=evil))
    assert "not a valid van code" in refused(payload, coordinator, ring)
    path = tmp_path / "evil.age"
    path.write_bytes(payload)
    out = tmp_path / "deep" / "a" / "b" / "report"
    with pytest.raises(merge.BundleRejected):
        merge_files([path], [coordinator], ring.path, out)
    assert not out.exists() and not list(tmp_path.rglob("PWNED*"))


def test_a_forged_newer_bundle_is_refused_and_the_real_week_kept(
        real, week_vault, coordinator, ring, tmp_path):
    attacker = Ed25519PrivateKey.generate()  # holds the coordinator's public key only
    files = real | {"indicators.json": indicators_with(real, **{"contacts.total": 999999})}
    forged = seal(files, coordinator.to_public(), attacker,
                  manifest=edited(real, created_at="2099-12-31T00:00:00Z"))
    assert "bad signature: not signed by VAN1's registered key" in refused(
        forged, coordinator, ring)
    # The same forgery claiming the old unsigned format is refused too.
    m = edited(real, version=1)
    unsigned = dict(files)
    del unsigned["manifest.sig"]
    assert "upgrade the van" in refused(seal(unsigned, coordinator.to_public(), None,
                                             manifest=m), coordinator, ring)
    good, bad = tmp_path / "good.age", tmp_path / "forged.age"
    export_week(week_vault, WEEK, good)
    bad.write_bytes(forged)
    heard = []
    done = merge_files([good, bad], [coordinator], ring.path, tmp_path / "out",
                       skip_invalid=True, refused=heard.append)
    assert done.used == 1 and len(heard) == 1 and heard[0].startswith(f"{bad}: ")
    (week,) = done.merged.weeks
    assert week.per_van["VAN1"]["contacts.total"] == 12


def test_every_merged_csv_cell_is_escaped_against_formula_injection(real, coordinator, ring,
                                                                  week_vault, tmp_path):
    for van in ("=HYPERLINK(\"http://x\")", "+1", "-1", "@SUM(A1)", "\tVAN", "\rVAN"):
        payload = seal(real, coordinator.to_public(), van_signer(week_vault),
                       manifest=edited(real, van=van))
        assert "not a valid van code" in refused(payload, coordinator, ring)
    text = indicators.to_csv([("=cmd|' /C calc'!A0", "@x", {"-2": "+3", "\tz": "\rq"})])
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[1:] == [["'=cmd|' /C calc'!A0", "'@x", "'-2", "'-2", "'+3"],
                        ["'=cmd|' /C calc'!A0", "'@x", "'\tz", "'\tz", "'\rq"]]
    path = tmp_path / "good.age"
    export_week(week_vault, WEEK, path)
    done = merge_files([path], [coordinator], ring.path, tmp_path / "out")
    merged = (done.out / "indicators.csv").read_text()
    assert all(cell[:1] not in "=+-@\t\r" for row in csv.reader(io.StringIO(merged))
               for cell in row)


def test_a_slash_in_a_van_code_is_refused_everywhere(real, week_vault, coordinator, ring,
                                                    tmp_path):
    from records import settings
    from records.errors import ValidationError
    with pytest.raises(ValidationError, match="van_code"):
        settings.update(week_vault, van_code="VAN/1")
    payload = seal(real, coordinator.to_public(), van_signer(week_vault),
                   manifest=edited(real, van="VAN/1"))
    path = tmp_path / "slash.age"
    path.write_bytes(payload)
    good = tmp_path / "good.age"
    good.write_bytes(build(week_vault, WEEK).payload)
    out = tmp_path / "report"
    with pytest.raises(merge.BundleRejected, match="not a valid van code"):
        merge_files([good, path], [coordinator], ring.path, out)
    assert not out.exists()  # no partial output
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".report")] == []


@pytest.mark.parametrize("case", ["csv_nul", "csv_huge_field", "invalid_week",
                                  "list_for_indicators",
                                  "list_for_manifest_files", "indicators_json_list",
                                  "negative_count", "fractional_count", "unknown_indicator",
                                  "nan_hours", "bool_count", "csv_extra_column",
                                  "csv_bad_client", "csv_wrong_header"])
def test_malformed_authentic_bundles_are_refused_without_a_traceback(
        case, real, week_vault, coordinator, ring):
    files, m = dict(real), edited(real)
    doc = json.loads(real["indicators.json"])
    rows = real["contacts.csv"].decode().split("\r\n")
    if case == "csv_nul":
        files["contacts.csv"] = real["contacts.csv"].replace(b"visit", b"vi\0sit", 1)
    elif case == "csv_huge_field":
        files["contacts.csv"] = real["contacts.csv"] + b'1,"' + b"x" * 200_000 + b'"\r\n'
    elif case == "invalid_week":
        m["week"] = doc["week"] = "2026-W99"
    elif case == "list_for_indicators":
        doc["indicators"] = list(doc["indicators"].items())
    elif case == "list_for_manifest_files":
        m["files"] = list(m["files"])
    elif case == "indicators_json_list":
        files["indicators.json"] = b"[1, 2]"
    elif case == "negative_count":
        doc["indicators"]["contacts.total"] = -5
    elif case == "fractional_count":
        doc["indicators"]["contacts.total"] = 2.5
    elif case == "unknown_indicator":
        doc["indicators"]["=evil"] = 1
    elif case == "nan_hours":
        files["indicators.json"] = json.dumps(doc).replace('"shifts.hours": 7.0',
                                                           '"shifts.hours": NaN').encode()
    elif case == "bool_count":
        doc["indicators"]["contacts.total"] = True
    elif case == "csv_extra_column":
        rows[1] += ",extra"
    elif case == "csv_bad_client":
        cells = rows[1].split(",")
        cells[4] = "../../x"
        rows[1] = ",".join(cells)
    elif case == "csv_wrong_header":
        rows[0] = rows[0].replace("client", "name")
    if case.startswith("csv_") and case not in ("csv_nul", "csv_huge_field"):
        files["contacts.csv"] = "\r\n".join(rows).encode()
    if case in ("list_for_indicators", "negative_count", "fractional_count", "invalid_week",
                "unknown_indicator", "bool_count"):
        files["indicators.json"] = json.dumps(doc).encode()
    payload = seal(files, coordinator.to_public(), van_signer(week_vault), manifest=m)
    message = refused(payload, coordinator, ring)
    assert "refused" in message
    assert "=evil" not in message and "../../x" not in message and "xxxx" not in message


def test_the_three_tracebacks_of_the_old_merge_are_one_error_line_on_the_cli(
        real, week_vault, coordinator, ring, tmp_path):
    import subprocess
    import sys
    key = tmp_path / "coordinator.key"
    key.write_bytes(f"{coordinator}\n".encode())
    signer = van_signer(week_vault)
    doc = json.loads(real["indicators.json"])
    cases = {
        "csv.age": real | {"contacts.csv": real["contacts.csv"] + b'"unclosed\0\r\n'},
        "week.age": real | {"indicators.json": json.dumps(doc | {"week": "2026-W99"}).encode()},
        "list.age": real | {"indicators.json": json.dumps(doc | {"indicators": []}).encode()},
    }
    for name, files in cases.items():
        m = edited(real, week="2026-W99") if name == "week.age" else None
        (tmp_path / name).write_bytes(seal(files, coordinator.to_public(), signer,
                                           manifest=m))
        done = subprocess.run(
            [sys.executable, "main.py", "coordinator", "merge", "--identity", str(key),
             "--keyring", str(ring.path), "--out", str(tmp_path / "out"),
             str(tmp_path / name)], capture_output=True, text=True)
        assert done.returncode == 1, done.stderr
        assert done.stderr.startswith(f"error: {tmp_path / name}: refused")
        assert "Traceback" not in done.stderr and len(done.stderr.splitlines()) == 1
        assert not (tmp_path / "out").exists()


def test_a_memory_bomb_is_refused_before_it_is_inflated(week_vault, coordinator, ring, real):
    """contacts.csv of 600 MB of one repeated row compresses to about 600 kB: refused from
    its declared size, with the merge's own allocations far under 100 MB."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name, body in real.items():
            if name != "contacts.csv":
                z.writestr(name, body)
        with z.open("contacts.csv", "w", force_zip64=True) as member:
            block = real["contacts.csv"].split(b"\r\n", 1)[1] * 1000
            for _ in range(600 * 1024 * 1024 // len(block)):
                member.write(block)
    payload = pyrage.encrypt(buffer.getvalue(), [coordinator.to_public()])
    assert len(payload) < 5 * 1024 * 1024
    tracemalloc.start()
    try:
        message = refused(payload, coordinator, ring)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert "contacts.csv is too large" in message
    assert peak < 3 * len(payload) + 20 * 1024 * 1024


def test_too_many_rows_and_an_oversized_file_are_refused(week_vault, coordinator, ring, real,
                                                        tmp_path, monkeypatch):
    monkeypatch.setattr(validate, "MAX_ROWS", 5)
    payload = seal(real, coordinator.to_public(), van_signer(week_vault))
    assert "more than 5 rows" in refused(payload, coordinator, ring)
    big = tmp_path / "big.age"
    with open(big, "wb") as f:
        f.truncate(verify.MAX_BUNDLE + 1)
    with pytest.raises(merge.BundleRejected, match="more than a weekly export can be"):
        merge.read_bundle(big)


def test_a_zip_directory_bomb_is_refused(coordinator, ring):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("manifest.json", b"{}")
        for n in range(3000):
            z.writestr(f"f{n}", b"")
    payload = pyrage.encrypt(buffer.getvalue(), [coordinator.to_public()])
    assert "zip directory is too large" in refused(payload, coordinator, ring)


def test_an_unknown_van_is_refused(real, coordinator, ring):
    stranger = Ed25519PrivateKey.generate()
    payload = seal(real, coordinator.to_public(), stranger, manifest=edited(real, van="VAN9"))
    assert "unknown van VAN9" in refused(payload, coordinator, ring)


def test_a_revoked_key_is_refused_and_a_new_key_works(week_vault, coordinator, ring, tmp_path):
    from records.export import vankey
    before = build(week_vault, WEEK).payload
    ring.revoke("VAN1")
    ring.save()
    ring = keyring.load(ring.path)
    assert "signed by a revoked key (van VAN1" in refused(before, coordinator, ring)
    vankey.rotate(week_vault)
    after = build(week_vault, WEEK).payload
    assert "VAN1's key was revoked" in refused(after, coordinator, ring)
    with pytest.raises(keyring.KeyringError, match="was revoked"):
        ring.add("VAN1", json.loads(open_bundle(before, coordinator)["manifest.json"])
                 ["signing_key"])
    ring.add("VAN1", vankey.van_public_text(week_vault.db))
    assert merge.open_bundle("new.age", after, [coordinator], ring).key == ("VAN1", WEEK)
    assert "revoked" in refused(before, coordinator, ring)


def test_a_bundle_altered_and_re_encrypted_by_someone_else_is_refused(
        real, week_vault, coordinator, ring):
    other = pyrage.x25519.Identity.generate()
    # A member changed, the signed manifest kept: the checksum no longer matches.
    files = real | {"indicators.json": indicators_with(real, **{"contacts.total": 1})}
    payload = seal(files, coordinator.to_public(), None, rehash=False)
    assert "indicators.json does not match its signed" in refused(
        payload, coordinator, ring)
    # The manifest's checksums updated too: the signature no longer verifies.
    payload = seal(files, coordinator.to_public(), None)
    assert "bad signature" in refused(payload, coordinator, ring)
    # Unchanged but re-encrypted to another coordinator, who then tries to merge it.
    payload = seal(real, other.to_public(), None, rehash=False)
    with pytest.raises(merge.BundleRejected, match="encrypted for another coordinator"):
        merge.open_bundle("x.age", payload, [other], ring)


def test_a_tampered_member_is_refused(real, coordinator, ring):
    for name in ("contacts.csv", "fhir.json", "dhis2.json", "summary.pdf", "indicators.csv"):
        body = bytearray(real[name])
        body[len(body) // 2] ^= 0x20
        payload = seal(real | {name: bytes(body)}, coordinator.to_public(), None,
                       rehash=False)
        assert f"{name} does not match its signed checksum" in refused(payload, coordinator,
                                                                      ring)


def test_a_cut_back_audit_chain_is_warned_across_merges(week_vault, coordinator, ring,
                                                        tmp_path):
    earlier, later = tmp_path / "w09.age", tmp_path / "w10.age"
    export_week(week_vault, "2026-W09", earlier)
    first = merge_files([earlier], [coordinator], ring.path, tmp_path / "r1")
    assert first.warnings == []
    # The log is cut back past that export, then grows again under the same data key.
    (seq,) = week_vault.db.execute("SELECT max(audit_seq) FROM exports").fetchone()
    week_vault.db.execute("DELETE FROM audit WHERE seq >= ?", [seq - 2])
    visits.quick_contact(week_vault, None, supplies={"condoms": 1}, occurred_at=at(6, 20))
    for _ in range(5):
        week_vault.record("view", "client", 1)
    export_week(week_vault, WEEK, later)
    second = merge_files([later], [coordinator], ring.path, tmp_path / "r2")
    assert second.warnings == ["VAN1: audit history changed between 2026-W09 and 2026-W10"]
    doc = json.loads((tmp_path / "r2" / "indicators.json").read_text())
    assert doc["audit_warnings"] == second.warnings
    # Reported once; the same bundles merged again in one run warn as well.
    assert merge_files([later], [coordinator], ring.path, tmp_path / "r3").warnings == []
    fresh = tmp_path / "fresh.ledger.json"
    both = merge_files([later, earlier], [coordinator], ring.path, tmp_path / "r4",
                       ledger_path=fresh)
    assert both.warnings == ["VAN1: audit history changed between 2026-W09 and 2026-W10"]


def test_an_untouched_chain_gives_no_warning(week_vault, coordinator, ring, tmp_path):
    paths = []
    for week in ("2026-W08", "2026-W09", WEEK):
        paths.append(tmp_path / f"{week}.age")
        export_week(week_vault, week, paths[-1])
        week_vault.record("view", "client", 1)
    done = merge_files(paths[::-1], [coordinator], ring.path, tmp_path / "out")
    assert done.warnings == [] and len(done.merged.weeks) == 3
