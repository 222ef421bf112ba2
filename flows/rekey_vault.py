"""Change a passphrase (and re-key the vault at once, `passwd --rekey`), and remove a staff
member, which always re-keys: the new data key is wrapped to the remaining slots only. The
order of the steps that makes every crash safe is records.rekey's.
`progress(done, total, what)` hears each step as it starts (the long one is
records.rekey.REKEYING: the command line prints it, scripts wait on it) and, at the end,
`done == total`.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from records import rekey, staff
from records.keyfile import normalize_name
from records.models import Staff

if TYPE_CHECKING:
    from records.vault import Vault

Progress = Callable[[int, int, str], None]
REKEYING = rekey.REKEYING


class _Steps:
    """The first step, then records.rekey's signal that the re-key starts, then the end."""

    def __init__(self, progress: Progress | None, first: str, rekeys: bool):
        self.progress, self.total = progress, 2 if rekeys else 1
        self.say(0, first)

    def say(self, done: int, what: str) -> None:
        if self.progress is not None:
            self.progress(done, self.total, what)

    def rekeying(self, what: str) -> None:
        self.say(1, what)

    def done(self, what: str) -> None:
        self.say(self.total, what)


def change_passphrase(vault: "Vault", old: str, new: str, *, rekey_now: bool = False,
                      kdf=None, progress: Progress | None = None) -> None:
    """The signed-in staff member's own passphrase; with `rekey_now`, the vault re-keyed at
    once so the old passphrase opens nothing with an old copy of the key file."""
    steps = _Steps(progress, "changing the passphrase", rekey_now)
    rekey.change_passphrase(vault, old, new, kdf=kdf, rekey=rekey_now, progress=steps.rekeying)
    steps.done("passphrase changed" + (" and the vault re-keyed" if rekey_now else ""))


def active_member(vault: "Vault", name: str) -> Staff | None:
    """The active staff member called `name` (case and spacing as the key file compares),
    or None."""
    return next((member for member in staff.all_staff(vault)
                 if normalize_name(member.name) == normalize_name(name)), None)


def remove_staff(vault: "Vault", staff_id: int, progress: Progress | None = None) -> None:
    """Remove a staff member and re-key the vault (nurses only; not yourself)."""
    steps = _Steps(progress, "removing the staff member's key slot", True)
    rekey.remove_staff(vault, staff_id, progress=steps.rekeying)
    steps.done("removed and re-keyed")
