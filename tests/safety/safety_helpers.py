"""Shared helpers of the safety tests."""
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

CHILD = Path(__file__).with_name("safety_child.py")
REPO = Path(__file__).resolve().parents[2]


def child(mode: str, **args) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(CHILD), mode, json.dumps(args)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            cwd=REPO)


def run_child(mode: str, timeout: float = 60, **args) -> tuple[int, str, str]:
    proc = child(mode, **args)
    out, err = proc.communicate(timeout=timeout)
    return proc.returncode, out, err


def acks(output: str) -> dict[int, int]:
    """{save number: visit id} for every 'ack' line."""
    found = {}
    for line in output.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[0] == "ack":
            found[int(parts[1])] = int(parts[2])
    return found


def snapshot(folder: Path) -> dict[str, str]:
    """name -> sha256 of every file in a folder (to prove nothing changed)."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(Path(folder).iterdir()) if p.is_file()}


def flip_byte(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x55
    path.write_bytes(bytes(data))


def cli(*argv: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    """Run `python main.py ...` as a user would."""
    return subprocess.run([sys.executable, str(REPO / "main.py"), *argv], cwd=REPO,
                          capture_output=True, text=True, input=stdin, timeout=120,
                          env=os.environ.copy())


def opens_with(vault_dir, staff_name, passphrase) -> bool:
    """Whether that passphrase opens the vault now (a wrong one: False)."""
    from records.errors import WrongPassphrase
    from records.vault import Vault
    try:
        Vault.open(vault_dir, staff_name, passphrase).lock()
        return True
    except WrongPassphrase:
        return False
