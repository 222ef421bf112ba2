"""Each van signs: its key made with the vault (or at the first open of an older vault),
`van-key`, van codes as safe names, the coordinator's keyring (`coordinator trust`), the
merge's command-line contract, and the stock `age` tool still opening a bundle."""
import dataclasses
import io
import json
import re
import shutil
import subprocess
import sys
import zipfile

import pytest
from conftest import FAST_KDF, PASSPHRASE, TEST_SETTINGS
from weekdata import WEEK, coordinator, week_vault  # noqa: F401 (fixtures)

from helpers import trust
from records import settings
from records.errors import ValidationError
from records.export import keyring, vankey
from records.vault import Vault
from flows.export import export_week


def run(*args, stdin=None):
    return subprocess.run([sys.executable, "main.py", *args], capture_output=True, text=True,
                          input=stdin)


@pytest.fixture
def secret(tmp_path):
    path = tmp_path / "pass"
    path.write_text(PASSPHRASE)
    return path


def test_a_vault_is_created_with_a_signing_key_and_an_older_vault_gets_one_at_open(
        vault, vault_dir):
    key = vankey.van_public_text(vault.db)
    assert re.fullmatch(r"van-clinic-sign:[A-Za-z0-9+/]{43}=", key)
    # An older vault: no key and migration 0008 not yet applied.
    vault.db.execute("DELETE FROM meta WHERE key = 'van_signing_key'")
    vault.db.execute("DELETE FROM _sqlite_migrations WHERE name = '0008_van_signing_key'")
    vault.lock()
    reopened = Vault.open(vault_dir, None, PASSPHRASE)
    try:
        again = vankey.van_public_text(reopened.db)
        assert again != key and again.startswith("van-clinic-sign:")
        reopened.lock()
        reopened = Vault.open(vault_dir, None, PASSPHRASE)
        assert vankey.van_public_text(reopened.db) == again  # kept, not remade
    finally:
        reopened.lock()
    assert b"van_signing_key" not in (vault_dir / "vault.db").read_bytes()  # encrypted


def test_cli_van_key_prints_one_line_and_the_fingerprint(vault, vault_dir, secret):
    key = vankey.van_public_text(vault.db)
    vault.lock()
    done = run("van-key", "--data-dir", str(vault_dir), "--passphrase-file", str(secret))
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"VAN1 {key}\n"
    assert done.stderr.strip() == f"fingerprint {vankey.fingerprint(key)}"
    assert re.fullmatch(r"([0-9a-f]{4}-){7}[0-9a-f]{4}", vankey.fingerprint(key))
    new = run("van-key", "--new", "--data-dir", str(vault_dir), "--passphrase-file",
              str(secret))
    assert new.returncode == 0 and new.stdout.startswith("VAN1 van-clinic-sign:")
    assert new.stdout != done.stdout


@pytest.mark.parametrize("code", ["VAN/1", "van1", "../X", "", "-VAN", "A" * 17, "VAN 1",
                                  "ALL", "=1+1"])
def test_van_codes_must_be_safe_names_at_init_and_in_settings(code, vault, tmp_path):
    with pytest.raises(ValidationError, match="van_code"):
        Vault.create(tmp_path / "new", "Nora", PASSPHRASE, kdf=FAST_KDF,
                     settings=dataclasses.replace(TEST_SETTINGS, van_code=code))
    assert not (tmp_path / "new" / "vault.db").exists()
    with pytest.raises(ValidationError, match="van_code"):
        settings.update(vault, van_code=code)
    for good in ("VAN1", "A", "NORTH_2", "V-9", "A" * 16):
        settings.update(vault, van_code=good)


def test_cli_init_and_settings_set_refuse_an_unsafe_van_code(tmp_path, secret):
    done = run("init", "--data-dir", str(tmp_path / "v"), "--staff", "Nora",
               "--passphrase-file", str(secret), "--van-code", "VAN/1")
    assert done.returncode == 1 and done.stderr.startswith("error: van_code: must be 1 to 16")
    assert not (tmp_path / "v" / "vault.db").exists()


def test_an_older_vault_with_an_unsafe_code_is_told_how_to_change_it_before_exporting(
        week_vault, tmp_path):
    settings.save_raw(week_vault.db, dataclasses.replace(week_vault.settings,
                                                         van_code="North van/2"))
    week_vault.forget_settings()
    settings.update(week_vault, idle_lock_minutes=10)  # other settings still change
    with pytest.raises(ValidationError) as caught:
        export_week(week_vault, WEEK, tmp_path / "x.age")
    assert "settings set van_code --value" in str(caught.value)
    assert not (tmp_path / "x.age").exists()
    settings.update(week_vault, van_code="NORTH2")
    export_week(week_vault, WEEK, tmp_path / "x.age")


def test_cli_trust_add_replace_revoke_and_list(vault, tmp_path):
    ring = tmp_path / "vans.json"
    first = vankey.van_public_text(vault.db)
    second = "van-clinic-sign:" + "A" * 43 + "="
    added = run("coordinator", "trust", "--keyring", str(ring), "--van", "VAN1", "--key", first)
    assert added.returncode == 0, added.stderr
    assert vankey.fingerprint(first) in added.stdout
    assert ring.stat().st_mode & 0o777 == 0o600
    again = run("coordinator", "trust", "--keyring", str(ring), "--van", "VAN1", "--key", second)
    assert again.returncode == 1 and "--replace" in again.stderr
    replaced = run("coordinator", "trust", "--keyring", str(ring), "--van", "VAN1", "--key",
                   second, "--replace")
    assert replaced.returncode == 0 and f"replaced the old key {vankey.fingerprint(first)}" in (
        replaced.stdout)
    bad = run("coordinator", "trust", "--keyring", str(ring), "--van", "VAN/2", "--key", first)
    assert bad.returncode == 1 and bad.stderr.startswith("error: van:")
    bad = run("coordinator", "trust", "--keyring", str(ring), "--van", "VAN2", "--key", "age1x")
    assert bad.returncode == 1 and "van-clinic-sign:" in bad.stderr
    run("coordinator", "trust", "--keyring", str(ring), "--van", "VAN2", "--key", first)
    revoked = run("coordinator", "trust", "--keyring", str(ring), "--revoke", "VAN2")
    assert revoked.returncode == 0 and vankey.fingerprint(first) in revoked.stdout
    listed = run("coordinator", "trust", "--keyring", str(ring), "--list")
    assert listed.stdout.splitlines() == [
        f"VAN1\t{vankey.fingerprint(second)}\tactive",
        f"VAN2\t{vankey.fingerprint(first)}\trevoked"]
    again = run("coordinator", "trust", "--keyring", str(ring), "--van", "VAN3", "--key", first)
    assert again.returncode == 1 and "was revoked" in again.stderr
    doc = json.loads(ring.read_text())
    assert doc["format"] == "van-clinic-keyring" and len(doc["revoked"]) == 1
    ring.write_text("[1, 2]")
    broken = run("coordinator", "trust", "--keyring", str(ring), "--list")
    assert broken.returncode == 1 and "not a van-clinic keyring" in broken.stderr
    assert "Traceback" not in broken.stderr


def test_merge_output_folder_pdf_choices_and_skip_invalid(week_vault, coordinator, tmp_path):
    from flows.merge import merge_files
    from records.outputs import OutputRefused
    ring = trust(tmp_path / "vans.json", week_vault)
    good, cut = tmp_path / "good.age", tmp_path / "cut.age"
    export_week(week_vault, WEEK, good)
    cut.write_bytes(good.read_bytes()[:-40])
    expected = {"none": set(), "combined": {"summary-2026-W10-all-vans.pdf"},
                "all": {"summary-2026-W10-all-vans.pdf", "summary-2026-W10-VAN1.pdf"}}
    for pdf, pdfs in expected.items():
        done = merge_files([good], [coordinator], ring.path, tmp_path / pdf, pdf=pdf)
        assert {p.name for p in done.out.iterdir()} == {
            "indicators.json", "indicators.csv", "dhis2.json"} | pdfs
    taken = tmp_path / "none"
    with pytest.raises(OutputRefused, match="not empty"):
        merge_files([good], [coordinator], ring.path, taken)
    merge_files([good], [coordinator], ring.path, taken, force=True, pdf="all")
    assert len(list(taken.iterdir())) == 5
    assert [p.name for p in tmp_path.iterdir() if ".partial" in p.name or ".old" in p.name] == []
    # All or nothing, the ledger included.
    ledger = tmp_path / "all-or-nothing.json"
    with pytest.raises(Exception, match="damaged, truncated"):
        merge_files([good, cut], [coordinator], ring.path, tmp_path / "r", ledger_path=ledger)
    assert not (tmp_path / "r").exists() and not ledger.exists()
    heard = []
    done = merge_files([good, cut], [coordinator], ring.path, tmp_path / "r",
                       ledger_path=ledger, skip_invalid=True, refused=heard.append)
    assert done.used == 1 and heard == done.refused and heard[0].startswith(str(cut))
    assert ledger.exists()


def test_cli_merge_skip_invalid_exit_codes(week_vault, coordinator, tmp_path):
    ring = trust(tmp_path / "vans.json", week_vault)
    key = tmp_path / "coordinator.key"
    key.write_bytes(f"{coordinator}\n".encode())
    good, cut = tmp_path / "good.age", tmp_path / "cut.age"
    export_week(week_vault, WEEK, good)
    cut.write_bytes(good.read_bytes()[:-40])
    base = ["coordinator", "merge", "--identity", str(key), "--keyring", str(ring.path)]
    done = run(*base, "--skip-invalid", "--pdf", "none", "--out", str(tmp_path / "a"),
               str(good), str(cut))
    assert done.returncode == 0, done.stderr
    assert done.stderr.startswith(f"refused: {cut}: damaged")
    assert "merged 1 bundles (1 vans, 1 weeks)" in done.stdout
    none = run(*base, "--skip-invalid", "--out", str(tmp_path / "b"), str(cut))
    assert none.returncode == 1 and none.stderr.splitlines()[-1].startswith(
        "error: no bundle could be merged")
    assert not (tmp_path / "b").exists()
    unknown = run(*base[:-2], "--keyring", str(tmp_path / "missing.json"), "--out",
                  str(tmp_path / "c"), str(good))
    assert unknown.returncode == 1 and "register the vans first" in unknown.stderr


def test_the_stock_age_tool_still_decrypts_a_bundle(week_vault, coordinator, tmp_path):
    age = shutil.which("age")
    assert age, "the age command is needed (.ci/system-packages installs it)"
    key = tmp_path / "coordinator.key"
    key.write_bytes(f"# test\n{coordinator}\n".encode())
    bundle = tmp_path / "PAR-VAN1-2026-W10.age"
    export_week(week_vault, WEEK, bundle)
    done = subprocess.run([age, "-d", "-i", str(key), str(bundle)], capture_output=True)
    assert done.returncode == 0, done.stderr
    archive = zipfile.ZipFile(io.BytesIO(done.stdout))
    assert {"manifest.json", "manifest.sig", "contacts.csv"} <= set(archive.namelist())
    manifest = archive.read("manifest.json")
    assert vankey.verifies(vankey.van_public_text(week_vault.db), manifest,
                           archive.read("manifest.sig"))


def test_keyring_refuses_a_key_registered_for_another_van(vault, tmp_path):
    ring = keyring.load(tmp_path / "k.json", missing_ok=True)
    key = vankey.van_public_text(vault.db)
    assert ring.add("VAN1", key) is None
    assert ring.add("VAN1", key) is None  # the same again: nothing to do
    with pytest.raises(keyring.KeyringError, match="already registered for van VAN1"):
        ring.add("VAN2", key)
