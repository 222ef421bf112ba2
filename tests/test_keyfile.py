import hashlib
import json
import os
import stat
import unicodedata

import pyrage
import pytest

from records import kdf
from records.errors import NotFound, UnknownStaff, ValidationError, VaultDamaged, WrongPassphrase
from records.keyfile import KdfParams, KeyFile, calibrate

# Cheap parameters so the suite is fast; real vaults use calibrate().
FAST = KdfParams(1, 8192, 1)

ZOE = "Zoë Marchetti"
ZOE_PW = "correct horse battery staple"
BO = "Bo Nguyen"
BO_PW = "another long passphrase"


def new_key() -> bytes:
    return os.urandom(32)


@pytest.fixture
def dk():
    return new_key()


@pytest.fixture
def recovery_identity():
    return pyrage.x25519.Identity.generate()


@pytest.fixture
def two_staff(dk, recovery_identity):
    kf = KeyFile.new()
    zoe = kf.add_slot(ZOE, ZOE_PW, dk, kdf=FAST)
    bo = kf.add_slot(BO, BO_PW, dk, kdf=FAST)
    kf.set_recovery(str(recovery_identity.to_public()), dk)
    return kf, zoe, bo


def rewrite(data: bytes, change) -> bytes:
    """Parse a key file, apply `change` to the dict, and write it back with a correct checksum
    (computed here independently of the module: SHA-256 of the canonical JSON of the rest)."""
    doc = json.loads(data)
    doc.pop("checksum")
    change(doc)
    canon = lambda o: json.dumps(o, sort_keys=True, separators=(",", ":")).encode()
    doc["checksum"] = hashlib.sha256(canon(doc)).hexdigest()
    return canon(doc) + b"\n"


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


# ------------------------------------------------------------------ round trips


def test_round_trip_through_disk(tmp_path, two_staff, dk):
    kf, zoe, bo = two_staff
    path = tmp_path / "vault.key"
    kf.save(path)
    loaded = KeyFile.load(path)
    assert loaded.vault_id == kf.vault_id
    assert loaded.slot_ids() == [zoe, bo]
    assert loaded.unlock(ZOE, ZOE_PW) == (dk, zoe)
    assert loaded.unlock(BO, BO_PW) == (dk, bo)
    assert loaded.to_bytes() == kf.to_bytes()
    assert mode(path) == 0o600


def test_new_files_differ_in_vault_id_and_salt():
    a, b = KeyFile.new(), KeyFile.new()
    assert a.vault_id != b.vault_id
    assert len(a.vault_id) == 32 and int(a.vault_id, 16) >= 0
    assert json.loads(a.to_bytes())["name_salt"] != json.loads(b.to_bytes())["name_salt"]


def test_empty_key_file_round_trips():
    kf = KeyFile.new()
    again = KeyFile.from_bytes(kf.to_bytes())
    assert again.vault_id == kf.vault_id and again.slot_ids() == []
    with pytest.raises(UnknownStaff):
        again.unlock(None, "x")


def test_name_lookup_is_normalized(two_staff, dk):
    kf, zoe, _ = two_staff
    decomposed = unicodedata.normalize("NFD", "  ZOË   MARCHETTI ")
    assert kf.unlock(decomposed, ZOE_PW) == (dk, zoe)
    assert kf.slot_for("zoë marchetti") == zoe
    assert kf.has_slot_for("ＺＯË Marchetti")  # full-width letters fold under NFKC
    assert not kf.has_slot_for("Zoe Marchetti")  # a different name
    assert kf.slot_for("") is None


def test_passphrase_is_not_normalized_beyond_nfc(dk):
    kf = KeyFile.new()
    kf.add_slot("solo", "Pässword", dk, kdf=FAST)
    assert kf.unlock("solo", unicodedata.normalize("NFD", "Pässword"))[0] == dk
    for wrong in ("pässword", "Pässword ", "Password"):
        with pytest.raises(WrongPassphrase):
            kf.unlock("solo", wrong)


def test_name_may_be_omitted_only_with_one_slot(dk, two_staff):
    kf = KeyFile.new()
    only = kf.add_slot(ZOE, ZOE_PW, dk, kdf=FAST)
    assert kf.unlock(None, ZOE_PW) == (dk, only)
    assert kf.unlock("", ZOE_PW) == (dk, only)
    many, _, _ = two_staff
    for name in (None, "", "   "):
        with pytest.raises(UnknownStaff):
            many.unlock(name, ZOE_PW)


def test_unknown_staff(two_staff):
    kf, _, _ = two_staff
    with pytest.raises(UnknownStaff) as e:
        kf.unlock("Nobody Here", ZOE_PW)
    assert "Nobody" not in str(e.value)


# ------------------------------------------------------------------ wrong passphrase


def test_wrong_passphrase_raises_and_leaves_file_byte_identical(tmp_path, two_staff):
    kf, _, _ = two_staff
    path = tmp_path / "vault.key"
    kf.save(path)
    before = path.read_bytes()
    loaded = KeyFile.load(path)
    with pytest.raises(WrongPassphrase):
        loaded.unlock(ZOE, ZOE_PW + "x")
    with pytest.raises(WrongPassphrase):
        loaded.unlock(ZOE, BO_PW)  # another staff member's passphrase does not open this slot
    assert path.read_bytes() == before
    assert loaded.to_bytes() == before


def test_identity_is_bound_to_vault_and_slot(two_staff):
    """Moving a wrapped identity to another slot or vault (with a recomputed checksum) fails."""
    kf, _, _ = two_staff
    data = kf.to_bytes()

    def swap_identities(doc):
        a, b = doc["slots"]
        a["identity"], b["identity"] = b["identity"], a["identity"]
        a["nonce"], b["nonce"] = b["nonce"], a["nonce"]
        a["kdf"], b["kdf"] = b["kdf"], a["kdf"]

    swapped = KeyFile.from_bytes(rewrite(data, swap_identities))
    with pytest.raises(WrongPassphrase):
        swapped.unlock(ZOE, BO_PW)  # Bo's wrapped identity, now under Zoë's slot id
    other_vault = KeyFile.from_bytes(rewrite(data, lambda d: d.update(vault_id="ab" * 16)))
    with pytest.raises(WrongPassphrase):
        other_vault.unlock(ZOE, ZOE_PW)


# ------------------------------------------------------------------ nothing readable in the file


def encodings(s: str) -> list[bytes]:
    forms = {s, s.casefold(), s.upper(), unicodedata.normalize("NFD", s), unicodedata.normalize("NFC", s)}
    out = []
    for f in forms:
        out += [f.encode("utf-8"), f.encode("utf-16-le"), json.dumps(f).strip('"').encode()]
        out += [w.encode("utf-8") for w in f.split() if len(w) >= 3]
        out += [json.dumps(w).strip('"').encode() for w in f.split() if len(w) >= 3]
    return out


def found(s: str, data: bytes) -> bool:
    low = data.lower()
    return any(e in data or e.lower() in low for e in encodings(s))


def test_staff_names_and_passphrases_do_not_appear_in_the_file(two_staff):
    kf, _, _ = two_staff
    data = kf.to_bytes()
    for secret in (ZOE, BO, ZOE_PW, BO_PW):
        assert not found(secret, data), secret
    # Controls: the same search does find strings that are in the file, including a name
    # written the way JSON would write it.
    assert found(kf.vault_id, data)
    assert found(json.loads(data)["slots"][0]["recipient"], data)
    assert found(ZOE, json.dumps({"planted": ZOE}).encode())
    assert found(ZOE, json.dumps({"planted": ZOE}, ensure_ascii=False).encode())


def test_removed_names_do_not_appear_either(two_staff, dk):
    kf, _, bo = two_staff
    kf.remove_slot(bo)
    assert not found(BO, kf.to_bytes())


# ------------------------------------------------------------------ damage


@pytest.fixture
def real_file_bytes(two_staff, tmp_path, dk):
    kf, _, bo = two_staff
    third = kf.add_slot("Third Person", "pw3", dk, kdf=FAST)
    kf.remove_slot(third)
    path = tmp_path / "vault.key"
    kf.save(path)
    return path.read_bytes()


def test_every_flipped_byte_is_vault_damaged(real_file_bytes):
    data = real_file_bytes
    assert len(data) > 1000
    for pos in range(len(data)):
        for mask in (0x01, 0x20, 0x80, 0xFF):
            bad = bytearray(data)
            bad[pos] ^= mask
            with pytest.raises(VaultDamaged):
                KeyFile.from_bytes(bytes(bad))


def test_flipped_byte_on_disk_never_reaches_the_passphrase(real_file_bytes, tmp_path):
    path = tmp_path / "damaged.key"
    for pos in range(0, len(real_file_bytes), 37):
        bad = bytearray(real_file_bytes)
        bad[pos] ^= 0x04
        path.write_bytes(bad)
        with pytest.raises(VaultDamaged) as e:
            KeyFile.load(path).unlock(ZOE, ZOE_PW)
        assert not isinstance(e.value, WrongPassphrase)


def test_every_truncation_is_vault_damaged(real_file_bytes):
    for n in range(len(real_file_bytes)):
        with pytest.raises(VaultDamaged):
            KeyFile.from_bytes(real_file_bytes[:n])


def test_appended_or_reformatted_bytes_are_damage(real_file_bytes):
    doc = json.loads(real_file_bytes)
    for bad in (
        real_file_bytes + b"\n",
        real_file_bytes[:-1],
        real_file_bytes[:-1] + b" ",
        json.dumps(doc, indent=2).encode(),  # same content, not the form the app writes
        b"\xef\xbb\xbf" + real_file_bytes,
    ):
        with pytest.raises(VaultDamaged):
            KeyFile.from_bytes(bad)


@pytest.mark.parametrize(
    "change, words",
    [
        (lambda d: d.update(format="something-else"), "format"),
        (lambda d: d.update(version=2), "version"),
        (lambda d: d.pop("removed"), "missing"),
        (lambda d: d["slots"][0].pop("lookup"), "missing"),
        (lambda d: d["slots"][0]["kdf"].update(memory_kib=10**9), "range"),
        (lambda d: d["slots"][0]["kdf"].update(time_cost="3"), "range"),
        (lambda d: d["slots"][0].update(nonce="AAAA"), "length"),
        (lambda d: d["slots"][0].update(recipient="age1notakey"), "public key"),
        (lambda d: d["slots"].append(d["slots"][0]), "share"),
        (lambda d: d.update(slots={}), "list"),
        (lambda d: d["removed"].append(d["slots"][0]["id"]), "removed"),
        (lambda d: d.update(extra=1), "unexpected"),
    ],
)
def test_wrong_structure_with_valid_checksum_is_damage(real_file_bytes, change, words):
    with pytest.raises(VaultDamaged) as e:
        KeyFile.from_bytes(rewrite(real_file_bytes, change))
    assert words in str(e.value)


def test_checksum_mismatch_message(real_file_bytes):
    doc = json.loads(real_file_bytes)
    doc["removed"] = []
    bad = json.dumps(doc, sort_keys=True, separators=(",", ":")).encode() + b"\n"
    with pytest.raises(VaultDamaged, match="checksum"):
        KeyFile.from_bytes(bad)


@pytest.mark.parametrize("content", [b"", b"not json at all", b"[]", b"{}", b"null", b"\x00" * 64, "{é}".encode()])
def test_not_a_key_file(content, tmp_path):
    path = tmp_path / "vault.key"
    path.write_bytes(content)
    with pytest.raises(VaultDamaged) as e:
        KeyFile.load(path)
    assert str(path) in str(e.value)


def test_missing_and_unreadable_files_are_damage(tmp_path):
    with pytest.raises(VaultDamaged, match="missing"):
        KeyFile.load(tmp_path / "nope.key")
    with pytest.raises(VaultDamaged, match="cannot be read"):
        KeyFile.load(tmp_path)  # a directory


# ------------------------------------------------------------------ slots


def test_add_slot_validation(two_staff, dk):
    kf, _, _ = two_staff
    with pytest.raises(ValidationError) as e:
        kf.add_slot(" zoë MARCHETTI", "pw", dk, kdf=FAST)
    assert e.value.field == "staff name"
    with pytest.raises(ValidationError) as e:
        kf.add_slot("New Person", "", dk, kdf=FAST)
    assert e.value.field == "passphrase"
    with pytest.raises(ValidationError) as e:
        kf.add_slot("   ", "pw", dk, kdf=FAST)
    assert e.value.field == "staff name"
    with pytest.raises(ValidationError) as e:
        kf.add_slot("New Person", "pw", new_key(), kdf=FAST)  # not this vault's data key
    assert e.value.field == "data key"
    with pytest.raises(ValidationError):
        kf.add_slot("New Person", "pw", b"short", kdf=FAST)
    assert len(kf.slot_ids()) == 2


def test_change_passphrase(two_staff, dk, tmp_path):
    kf, zoe, bo = two_staff
    recipient = json.loads(kf.to_bytes())["slots"][0]["recipient"]
    with pytest.raises(WrongPassphrase):
        kf.change_passphrase(ZOE, "not it", "new one", kdf=FAST)
    kf.change_passphrase(ZOE, ZOE_PW, "a brand new passphrase", kdf=FAST)
    path = tmp_path / "vault.key"
    kf.save(path)
    kf = KeyFile.load(path)
    with pytest.raises(WrongPassphrase):
        kf.unlock(ZOE, ZOE_PW)
    assert kf.unlock(ZOE, "a brand new passphrase") == (dk, zoe)
    assert kf.unlock(BO, BO_PW) == (dk, bo)
    # A fresh identity: an old copy's identity is no recipient of a later data key.
    assert json.loads(kf.to_bytes())["slots"][0]["recipient"] != recipient
    with pytest.raises(ValidationError):
        kf.change_passphrase(ZOE, "a brand new passphrase", "", kdf=FAST)


def test_remove_slot_and_rewrap(two_staff, dk, recovery_identity, tmp_path):
    kf, zoe, bo = two_staff
    old_copy = tmp_path / "old.key"
    kf.save(old_copy)
    bo_recipient = next(s["recipient"] for s in json.loads(kf.to_bytes())["slots"] if s["id"] == bo)

    new_dk = new_key()
    kf.remove_slot(bo)
    kf.rewrap(new_dk)
    path = tmp_path / "vault.key"
    kf.save(path)
    current = KeyFile.load(path)

    # The old copy still gives the removed person the OLD key only...
    assert KeyFile.load(old_copy).unlock(BO, BO_PW) == (dk, bo)
    # ...and the current file gives the new key to the remaining staff and the recovery key.
    assert current.unlock(ZOE, ZOE_PW) == (new_dk, zoe)
    assert current.recover(str(recovery_identity)) == new_dk
    with pytest.raises(UnknownStaff):
        current.unlock(BO, BO_PW)
    assert current.slot_ids() == [zoe]
    assert current.removed_slot_ids() == [bo]
    assert bo_recipient.encode() not in path.read_bytes()
    # The old data key is no longer accepted as this vault's key.
    with pytest.raises(ValidationError):
        current.add_slot("Someone", "pw", dk, kdf=FAST)


def test_remove_slot_errors(two_staff):
    kf, zoe, bo = two_staff
    with pytest.raises(UnknownStaff):
        kf.remove_slot("0" * 16)
    kf.remove_slot(bo)
    with pytest.raises(ValidationError):
        kf.remove_slot(zoe)  # the last slot: nobody could open the vault
    assert kf.slot_ids() == [zoe]


# ------------------------------------------------------------------ recovery


def test_recovery_round_trip_and_reset(two_staff, dk, recovery_identity, tmp_path):
    kf, zoe, _ = two_staff
    assert kf.has_recovery()
    path = tmp_path / "vault.key"
    kf.save(path)
    kf = KeyFile.load(path)
    assert kf.recover(str(recovery_identity)) == dk
    # the file age-keygen writes, comments included, works too
    keygen_file = f"# created: 2026-01-01T00:00:00Z\n# public key: {recovery_identity.to_public()}\n{recovery_identity}\n"
    assert kf.recover(keygen_file) == dk

    # Zoë forgot her passphrase: the coordinator recovers and resets her slot.
    old_recipient = json.loads(kf.to_bytes())["slots"][0]["recipient"]
    kf.reset_passphrase(zoe, "fresh start passphrase", kf.recover(str(recovery_identity)), kdf=FAST)
    kf.save(path)
    kf = KeyFile.load(path)
    assert kf.unlock(ZOE, "fresh start passphrase") == (dk, zoe)
    with pytest.raises(WrongPassphrase):
        kf.unlock(ZOE, ZOE_PW)
    assert json.loads(kf.to_bytes())["slots"][0]["recipient"] != old_recipient
    with pytest.raises(ValidationError):
        kf.reset_passphrase(zoe, "x", new_key(), kdf=FAST)  # wrong data key
    with pytest.raises(UnknownStaff):
        kf.reset_passphrase("0" * 16, "x", dk, kdf=FAST)


def test_recovery_with_wrong_identity(two_staff):
    kf, _, _ = two_staff
    stranger = pyrage.x25519.Identity.generate()
    with pytest.raises(WrongPassphrase, match="does not open this vault's recovery slot"):
        kf.recover(str(stranger))
    with pytest.raises(ValidationError):
        kf.recover("AGE-SECRET-KEY-1NOTREAL")
    with pytest.raises(ValidationError):
        kf.recover("")


def test_set_recovery_validation(dk):
    kf = KeyFile.new()
    kf.add_slot(ZOE, ZOE_PW, dk, kdf=FAST)
    assert not kf.has_recovery()
    with pytest.raises(NotFound):
        kf.recover(str(pyrage.x25519.Identity.generate()))
    for bad in ("age1notakey", "", "AGE-SECRET-KEY-1XYZ", str(pyrage.x25519.Identity.generate())):
        with pytest.raises(ValidationError) as e:
            kf.set_recovery(bad, dk)
        assert e.value.field == "recovery key"
    with pytest.raises(ValidationError):
        kf.set_recovery(str(pyrage.x25519.Identity.generate().to_public()), new_key())
    assert not kf.has_recovery()


def test_recovery_slot_is_readable_by_the_standard_age_format(two_staff, dk, recovery_identity):
    """The recovery data key is plain age: pyrage (like the age CLI) decrypts it directly."""
    kf, _, _ = two_staff
    import base64

    blob = base64.b64decode(json.loads(kf.to_bytes())["recovery"]["data_key"])
    assert blob.startswith(b"age-encryption.org/v1\n")
    assert pyrage.decrypt(blob, [recovery_identity]) == dk


# ------------------------------------------------------------------ KDF


def test_calibrate_picks_passes_not_memory():
    p = calibrate(target_seconds=0.05)
    assert p.time_cost >= 3
    assert 64 * 1024 <= p.memory_kib <= 128 * 1024
    assert p.parallelism >= 1
    assert calibrate(target_seconds=0.05, memory_kib=1024).memory_kib == 64 * 1024
    assert calibrate(target_seconds=0.05, memory_kib=10**7).memory_kib == 128 * 1024


def test_passes_arithmetic():
    assert kdf.passes_for(1.0, 0.7) == 3  # slow machine: floor of 3 passes
    assert kdf.passes_for(0.05, 0.7) == 14
    assert kdf.passes_for(0.0, 0.7) == 200  # clock glitch: capped


def test_kdf_params_are_stored_per_slot(dk):
    kf = KeyFile.new()
    kf.add_slot("a", "pw", dk, kdf=KdfParams(2, 8192, 1))
    kf.add_slot("b", "pw", dk, kdf=KdfParams(1, 16384, 2))
    again = KeyFile.from_bytes(kf.to_bytes())
    kdfs = [s["kdf"] for s in json.loads(again.to_bytes())["slots"]]
    assert [(k["time_cost"], k["memory_kib"], k["parallelism"]) for k in kdfs] == [(2, 8192, 1), (1, 16384, 2)]
    assert again.unlock("b", "pw")[0] == dk


def test_kdf_params_reject_nonsense():
    for args in ((0, 8192, 1), (1, 4, 1), (1, 8192, 0), (True, 8192, 1)):
        with pytest.raises(ValueError):
            KdfParams(*args)
