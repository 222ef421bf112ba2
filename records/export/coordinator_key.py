"""The coordinator's age key pair. The identity file is age-keygen's format (comment lines,
then `AGE-SECRET-KEY-1...`), optionally itself age-encrypted with a passphrase (scrypt), which
the standard `age -d -i KEYFILE` also reads."""
from __future__ import annotations

import pyrage

from .. import clock
from ..errors import ClinicError

_ENCRYPTED = (b"age-encryption.org/v1", b"-----BEGIN AGE ENCRYPTED FILE-----")


class IdentityFileError(ClinicError):
    """The identity file cannot be used (message names the file)."""


def generate(passphrase: str | None = None) -> tuple[bytes, str]:
    """(identity file content, public key). With a passphrase the content is encrypted."""
    identity = pyrage.x25519.Identity.generate()
    public = str(identity.to_public())
    text = (f"# created: {clock.to_db(clock.now_utc())}\n# public key: {public}\n"
            f"{identity}\n").encode()
    if passphrase:
        text = pyrage.passphrase.encrypt(text, passphrase)
    return text, public


def is_protected(content: bytes) -> bool:
    return content.lstrip().startswith(_ENCRYPTED)


def unprotect(content: bytes, source: str, passphrase: str | None) -> bytes:
    """A protected identity file's content decrypted in memory (unprotected content as it
    is); `source` names the file in errors. Nothing is written."""
    if not is_protected(content):
        return content
    if not passphrase:
        raise IdentityFileError(f"{source}: the identity file is protected by a passphrase; "
                                "use --passphrase-file")
    try:
        return pyrage.passphrase.decrypt(content, passphrase)
    except pyrage.DecryptError:
        raise IdentityFileError(f"{source}: wrong passphrase for the identity file") from None


def load(content: bytes, source: str, passphrase: str | None = None
         ) -> list[pyrage.x25519.Identity]:
    """Identities from an identity file's content; `source` names it in errors."""
    content = unprotect(content, source, passphrase)
    try:
        lines = content.decode("ascii").splitlines()
    except UnicodeDecodeError:
        raise IdentityFileError(f"{source}: not an age identity file") from None
    identities = []
    for line in lines:
        line = line.strip()
        if line and not line.startswith("#"):
            try:
                identities.append(pyrage.x25519.Identity.from_str(line))
            except Exception:  # pyrage.IdentityError or a mangled line
                raise IdentityFileError(f"{source}: not an age identity file") from None
    if not identities:
        raise IdentityFileError(f"{source}: no age identity in the file")
    return identities
