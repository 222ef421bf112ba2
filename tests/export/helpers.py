"""Opening a bundle in tests: decrypt with pyrage and unzip, in memory."""
import io
import json
import zipfile

import pyrage
from pypdf import PdfReader


def open_bundle(payload: bytes, identity) -> dict[str, bytes]:
    archive = zipfile.ZipFile(io.BytesIO(pyrage.decrypt(payload, [identity])))
    return {name: archive.read(name) for name in archive.namelist()}


def indicators(files: dict[str, bytes]) -> dict:
    return json.loads(files["indicators.json"])["indicators"]


def pdf_text(body: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(body)).pages)
