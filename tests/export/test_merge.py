"""The coordinator's side: keygen, opening bundles (rejecting bad ones by name) and merging
vans and weeks without counting anything twice. Attacks on the merge: test_merge_attacks.py."""
import dataclasses
import io
import json
import subprocess
import sys
import zipfile

import pyrage
import pytest
from conftest import FAST_KDF, PASSPHRASE, TEST_SETTINGS
from weekdata import WEEK, at, coordinator, week_vault  # noqa: F401 (fixtures)

from helpers import open_bundle, pdf_text, seal, trust, van_signer
from records import clients, visits
from records.export import combine, coordinator_key, merge
from records.vault import Vault
from flows.export import build, export_week


@pytest.fixture
def second_van(tmp_path, coordinator):
    """VAN2 saw B (same code as in VAN1) and one person of its own, in the same week."""
    settings = dataclasses.replace(TEST_SETTINGS, van_code="VAN2",
                                   export_recipient=str(coordinator.to_public()))
    v = Vault.create(tmp_path / "van2", "Val Nurse", PASSPHRASE, settings=settings,
                     kdf=FAST_KDF)
    shared = clients.register(v, "Someone", uic_chosen="MBOJO1990")
    own = clients.register(v, "Other", uic_chosen="FZOZO1980")
    visits.quick_contact(v, shared.id, supplies={"condoms": 4}, occurred_at=at(3, 20))
    visits.quick_contact(v, own.id, supplies={"condoms": 6}, occurred_at=at(4, 20))
    yield v
    v.lock()


@pytest.fixture
def ring(tmp_path, week_vault, second_van):
    return trust(tmp_path / "vans.json", week_vault, second_van)


def opened(vault, identity, name, ring):
    return merge.open_bundle(name, build(vault, WEEK).payload, [identity], ring)


def test_two_vans_sharing_a_client_count_that_person_once(week_vault, second_van,
                                                          coordinator, ring):
    result = merge.merge([opened(week_vault, coordinator, "van1.age", ring),
                          opened(second_van, coordinator, "van2.age", ring)])
    (week,) = result.weeks
    assert week.week == WEEK and list(week.per_van) == ["VAN1", "VAN2"]
    assert week.per_van["VAN1"]["clients.unique"] == 3
    assert week.per_van["VAN2"]["clients.unique"] == 2
    assert week.combined["clients.unique"] == 4  # A, B, D + VAN2's own; B once
    assert week.combined["clients.seen_at_several_vans"] == 1
    assert week.combined["contacts.total"] == 14
    assert week.combined["supplies.condoms"] == 32
    assert week.combined["shifts.hours"] == 7.0
    files = {name: b"".join(chunks) for name, chunks in combine.outputs(result).items()}
    doc = json.loads(files["indicators.json"])
    assert doc["weeks"][0]["combined"]["clients.unique"] == 4
    assert "ALL,2026-W10,clients.unique,Unique clients (complete UIC),4" in (
        files["indicators.csv"].decode())
    dhis = json.loads(files["dhis2.json"])
    assert {(d["orgUnit"], d["period"]) for d in dhis["dataValues"]} == {
        ("VAN1", "2026W10"), ("VAN2", "2026W10")}


def test_a_re_export_replaces_the_earlier_one_by_audit_sequence_not_clock(
        week_vault, second_van, coordinator, tmp_path, ring):
    first = tmp_path / "van2-first.age"
    export_week(second_van, WEEK, first)
    visits.quick_contact(second_van, None, supplies={"needles": 50}, occurred_at=at(5, 20))
    second = tmp_path / "van2-second.age"
    export_week(second_van, WEEK, second)
    # The first export claims a creation time far in the future (a van's clock gone wrong),
    # still signed by the van: the audit sequence decides, not the clock.
    files = open_bundle(first.read_bytes(), coordinator)
    m = json.loads(files["manifest.json"])
    m["created_at"] = "2099-01-01T00:00:00Z"
    first.write_bytes(seal(files, coordinator.to_public(), van_signer(second_van), manifest=m))
    older = merge.open_bundle(str(first), first.read_bytes(), [coordinator], ring)
    newer = merge.open_bundle(str(second), second.read_bytes(), [coordinator], ring)
    assert older.seq < newer.seq
    for order in ([older, newer], [newer, older]):
        result = merge.merge([opened(week_vault, coordinator, "van1.age", ring), *order])
        (week,) = result.weeks
        assert week.per_van["VAN2"]["contacts.total"] == 3
        assert week.combined["contacts.total"] == 15
        assert week.combined["supplies.needles"] == 35 + 50
        assert [o.source for o in result.replaced] == [str(first)]


def test_tampered_truncated_wrong_key_and_unknown_files_are_rejected_by_name(
        week_vault, coordinator, ring):
    good = build(week_vault, WEEK).payload
    me = [coordinator]
    tampered = bytearray(good)
    tampered[len(good) // 2] ^= 0x01
    cases = {
        "tampered.age": (bytes(tampered), me, "damaged, truncated or altered"),
        "truncated.age": (good[:-100], me, "damaged, truncated or altered"),
        "short.age": (good[:40], me, "damaged, truncated or altered"),
        "other-key.age": (good, [pyrage.x25519.Identity.generate()], "wrong recipient"),
        "plain.zip": (b"PK\x03\x04" + b"x" * 100, me, "not an age-encrypted"),
        "not-zip.age": (pyrage.encrypt(b"hello", [coordinator.to_public()]), me,
                        "unknown format"),
    }
    for version, problem in ((3, "format version 3"), (None, "format version unknown"),
                             (1, "upgrade the van")):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as z:
            z.writestr("manifest.json", json.dumps({"format": "van-clinic-weekly-export",
                                                    "version": version}))
        cases[f"v{version}.age"] = (pyrage.encrypt(buffer.getvalue(),
                                                   [coordinator.to_public()]), me, problem)
    for name, (payload, identities, problem) in cases.items():
        with pytest.raises(merge.BundleRejected) as caught:
            merge.open_bundle(name, payload, identities, ring)
        assert str(caught.value).startswith(f"{name}: ") and problem in str(caught.value)


def run(*args, stdin=None):
    return subprocess.run([sys.executable, "main.py", *args], capture_output=True, text=True,
                          input=stdin)


@pytest.mark.slow  # scrypt on the passphrase-protected key file, three times
def test_cli_keygen_and_merge_with_a_protected_key(week_vault, second_van, tmp_path, ring):
    secret = tmp_path / "coordinator-pass"
    secret.write_text("coordinator passphrase\n")
    key = tmp_path / "coordinator.key"
    made = run("coordinator", "keygen", "--out", str(key), "--passphrase-file", str(secret))
    assert made.returncode == 0, made.stderr
    public = made.stdout.strip()
    assert public.startswith("age1") and coordinator_key.is_protected(key.read_bytes())
    assert b"AGE-SECRET-KEY" not in key.read_bytes()
    assert key.stat().st_mode & 0o777 == 0o600
    again = run("coordinator", "keygen", "--out", str(key))
    assert again.returncode == 1 and "already exists" in again.stderr

    van1, van2 = tmp_path / "PAR-VAN1.age", tmp_path / "PAR-VAN2.age"
    export_week(week_vault, WEEK, van1, recipient=public)
    export_week(second_van, WEEK, van2, recipient=public)
    out = tmp_path / "report"
    merged = run("coordinator", "merge", "--identity", str(key), "--identity-passphrase-file",
                 str(secret), "--keyring", str(ring.path), "--pdf", "all", "--out", str(out),
                 str(van1), str(van2))
    assert merged.returncode == 0, merged.stderr
    assert sorted(p.name for p in out.iterdir()) == [
        "dhis2.json", "indicators.csv", "indicators.json", "summary-2026-W10-VAN1.pdf",
        "summary-2026-W10-VAN2.pdf", "summary-2026-W10-all-vans.pdf"]
    combined = json.loads((out / "indicators.json").read_text())["weeks"][0]["combined"]
    assert combined["clients.unique"] == 4
    lines = [x.strip() for x in pdf_text((out / "summary-2026-W10-all-vans.pdf").read_bytes())
             .splitlines()]
    assert lines[lines.index("Contacts") + 1] == "14"
    assert lines[lines.index("Unique clients (counted once across vans)") + 1] == "<5"

    wrong = tmp_path / "wrong-pass"
    wrong.write_text("not it\n")
    bad = run("coordinator", "merge", "--identity", str(key), "--passphrase-file", str(wrong),
              "--keyring", str(ring.path), "--out", str(tmp_path / "r2"), str(van1))
    assert bad.returncode == 1 and "wrong passphrase" in bad.stderr
    assert "Traceback" not in bad.stderr


def test_cli_merge_names_the_bad_file_and_writes_nothing(week_vault, coordinator, tmp_path,
                                                        ring):
    key = tmp_path / "coordinator.key"
    key.write_bytes(f"# test key\n{coordinator}\n".encode())
    good = tmp_path / "good.age"
    export_week(week_vault, WEEK, good)
    cut = tmp_path / "cut.age"
    cut.write_bytes(good.read_bytes()[:-50])
    out = tmp_path / "report"
    result = run("coordinator", "merge", "--identity", str(key), "--keyring", str(ring.path),
                 "--out", str(out), str(good), str(cut))
    assert result.returncode == 1
    assert result.stderr.startswith(f"error: {cut}: damaged, truncated or altered")
    assert not out.exists()
    ok = run("coordinator", "merge", "--identity", str(key), "--keyring", str(ring.path),
             "--out", str(out), str(good))
    assert ok.returncode == 0, ok.stderr
    assert "merged 1 bundles (1 vans, 1 weeks)" in ok.stdout
