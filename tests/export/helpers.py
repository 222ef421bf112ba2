"""Opening a bundle in tests (decrypt with pyrage and unzip, in memory), sealing an edited
one again (as a van, or as an attacker with another key), and the coordinator's keyring."""
import hashlib
import io
import json
import zipfile
from datetime import datetime, timezone

import pyrage
from pypdf import PdfReader

from records.export import bundle, keyring, vankey


def open_bundle(payload: bytes, identity) -> dict[str, bytes]:
    archive = zipfile.ZipFile(io.BytesIO(pyrage.decrypt(payload, [identity])))
    return {name: archive.read(name) for name in archive.namelist()}


def indicators(files: dict[str, bytes]) -> dict:
    return json.loads(files["indicators.json"])["indicators"]


def pdf_text(body: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(body)).pages)


def seal(files: dict[str, bytes], recipient, signer, *, manifest: dict | None = None,
         rehash: bool = True) -> bytes:
    """Zip, sign and encrypt `files` again. `manifest` replaces the manifest's content;
    `rehash` makes its checksums match the members (a van's own bundle); `signer` None keeps
    the old signature (someone without the van's key)."""
    files = dict(files)
    if manifest is not None or rehash:  # else the manifest's exact bytes are kept
        m = manifest if manifest is not None else json.loads(files["manifest.json"])
        if rehash and isinstance(m.get("files"), dict):
            for name, body in files.items():
                if name in m["files"]:
                    m["files"][name] = {**m["files"][name], "bytes": len(body),
                                        "sha256": hashlib.sha256(body).hexdigest()}
        files["manifest.json"] = json.dumps(m).encode()
    if signer is not None:
        files["manifest.sig"] = signer.sign(files["manifest.json"])
    plain = bundle.to_zip(files, datetime(2026, 3, 9, tzinfo=timezone.utc))
    return pyrage.encrypt(plain, [recipient])


def van_signer(vault):
    return vankey.private_key(vault.db)


def trust(path, *vaults) -> keyring.Keyring:
    ring = keyring.load(path, missing_ok=True)
    for vault in vaults:
        ring.add(vault.settings.van_code, vankey.van_public_text(vault.db))
    ring.save()
    return ring
