"""Issue 11, small holes: the wrong-passphrase delay cannot be bypassed through another
spelling of the vault's path; an unknown staff name costs a key derivation like a wrong
passphrase; bidirectional control characters are refused in names and free text."""
from datetime import datetime, timezone

import pytest
from conftest import FAST_KDF, PASSPHRASE

from records import clients, directory, incidents, keyfile, referrals, settings, staff, validate, visits
from records.errors import UnknownStaff, ValidationError, WrongPassphrase
from records.keyfile import KdfParams, KeyFile
from records.unlock_guard import UnlockGuard, open_guarded
from records.vault import KEY_NAME


# --- the delay is keyed by the vault's resolved path ---------------------------------------

class FakeTime:
    def __init__(self):
        self.now, self.slept = 1_000_000.0, []

    def clock(self):
        return self.now

    def sleep(self, seconds):
        self.slept.append(seconds)
        self.now += seconds


def test_a_symlink_or_dotdot_path_shares_the_delay(vault, vault_dir, tmp_path):
    vault.lock()
    (vault_dir / "sub").mkdir()
    link = tmp_path / "link"
    link.symlink_to(vault_dir)
    t = FakeTime()
    spellings = [vault_dir, link, vault_dir / "sub" / "..", tmp_path / "." / "link"]
    guards = [UnlockGuard(p, state_dir=tmp_path / "state", sleep=t.sleep, clock=t.clock)
              for p in spellings]
    for guard, path in zip(guards, spellings):
        with pytest.raises(WrongPassphrase):
            open_guarded(path, None, "wrong guess", guard=guard)
    assert t.slept == [1, 2, 4]
    assert {g.path for g in guards} == {guards[0].path}
    assert guards[1].failures == 4


# --- an unknown staff name costs what a wrong passphrase costs ------------------------------

SLOW_ISH = KdfParams(time_cost=2, memory_kib=8192, parallelism=1)


@pytest.fixture
def derivations(monkeypatch):
    calls = []
    real = keyfile.derive

    def counting(passphrase, salt, kdf):
        calls.append(kdf)
        return real(passphrase, salt, kdf)
    monkeypatch.setattr(keyfile, "derive", counting)
    return calls


def test_an_unknown_staff_name_runs_the_key_derivation(derivations):
    kf = KeyFile.new()
    key = bytes(32)
    kf.add_slot("Nora Nurse", PASSPHRASE, key, kdf=SLOW_ISH)
    kf.add_slot("Olly Outreach", "olly's passphrase", key, kdf=FAST_KDF)
    derivations.clear()
    with pytest.raises(WrongPassphrase):
        kf.unlock("Nora Nurse", "a wrong guess")
    wrong_passphrase = list(derivations)
    derivations.clear()
    with pytest.raises(UnknownStaff):
        kf.unlock("Nobody Here", "a wrong guess")
    assert wrong_passphrase == [SLOW_ISH]
    assert derivations == [SLOW_ISH], "the same Argon2id work as a wrong passphrase"


def test_vault_open_with_an_unknown_name_runs_the_key_derivation(vault, vault_dir, derivations):
    vault.lock()
    stored = KeyFile.load(vault_dir / KEY_NAME)._slot(vault.staff.slot_id).kdf
    derivations.clear()
    with pytest.raises(UnknownStaff):
        open_guarded(vault_dir, "Nobody Here", PASSPHRASE,
                     guard=UnlockGuard(vault_dir, state_dir=vault_dir.parent / "s",
                                       sleep=lambda s: None))
    assert derivations == [stored]


# --- bidirectional control characters ---------------------------------------------------------

BIDI = [chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))]


@pytest.mark.parametrize("ch", BIDI)
def test_validate_text_refuses_every_bidi_control(ch):
    for multiline in (False, True):
        with pytest.raises(ValidationError) as caught:
            validate.text("note", f"pay {ch}0001$ later", multiline=multiline)
        assert caught.value.field == "note"
        assert f"U+{ord(ch):04X}" in str(caught.value)
        assert "bidirectional" in str(caught.value)


def test_ordinary_right_to_left_text_is_kept():
    assert validate.text("name", "سارة") == "سارة"
    assert validate.text("name", "שרה\u200f") == "שרה\u200f"  # a right-to-left mark is fine


RLO = "\u202e"
WHEN = datetime(2026, 3, 1, 12, 0, tzinfo=timezone.utc)


def test_bidi_controls_are_refused_everywhere_text_is_stored(vault):
    client = clients.register(vault, "Sam")
    entry = directory.add(vault, "Health Unit", "sexual_health")
    attempts = {
        "name": lambda: clients.register(vault, f"Sam{RLO}"),
        "contact_notes": lambda: clients.update(vault, client.id, contact_notes=f"x{RLO}y"),
        "aliases": lambda: clients.update(vault, client.id, aliases=["ok", f"x{RLO}"]),
        "note": lambda: visits.record(vault, client_id=client.id, note=f"a{RLO}b"),
        "what_happened": lambda: incidents.report(vault, occurred_at=WHEN, consent_sheet=False,
                                                  consent_police=False,
                                                  what_happened=f"a{RLO}b"),
        "request": lambda: referrals.make(vault, client.id, entry.id, request=f"a{RLO}b"),
        "phone": lambda: directory.add(vault, "Other", "shelter", phone=f"555{RLO}"),
        "staff name": lambda: staff.add(vault, f"Eve{RLO}", "nurse", "eve's passphrase",
                                        kdf=FAST_KDF),
        "clinic_name": lambda: settings.update(vault, clinic_name=f"Van{RLO}"),
        "letterhead": lambda: settings.update(vault, letterhead=("ok", f"bad{RLO}")),
    }
    for field, attempt in attempts.items():
        with pytest.raises(ValidationError) as caught:
            attempt()
        assert caught.value.field == field, field
        assert "bidirectional" in caught.value.problem
