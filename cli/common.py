"""Command-line plumbing shared by every command group: running a command (one `error: `
line and exit 1 on failure), reading secrets, the common vault options and opening the vault.
Conventions: --data-dir, --staff, --passphrase-file ('-' = stdin)."""
from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from records.errors import ClinicError, refused_write


class CliError(ClinicError):
    """A user-facing failure of a command."""


def run_command(args) -> int:
    """Run a command; any failure becomes one `error: ` line and exit status 1. A write the
    system refused (full disk, file-size limit, failing disk) is said to be that, never
    damage: SQLite rolled it back and the vault is as it was."""
    import sqlcipher3

    from records.vault import is_disk_full
    try:
        return args.func(args)
    except ClinicError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except (sqlcipher3.DatabaseError, OSError) as exc:
        if is_disk_full(exc):
            print(f"error: {refused_write(_written_folder(args, exc))}", file=sys.stderr)
        elif isinstance(exc, OSError):
            where = f" ({exc.filename})" if exc.filename else ""
            print(f"error: {exc.strerror or exc}{where}", file=sys.stderr)
        else:
            print(f"error: the database failed while reading or writing ({exc}); "
                  "run: python main.py check", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 1


def _written_folder(args, exc: BaseException) -> Path:
    """Where a refused write went: the file an OSError names, else the vault folder."""
    if isinstance(exc, OSError) and exc.filename:
        return Path(os.fsdecode(exc.filename)).parent
    return data_dir(args) if hasattr(args, "data_dir") else Path.cwd()


def read_secret(path: str | None, what: str = "passphrase",
                option: str = "--passphrase-file") -> str:
    """From a file (first line), '-' for standard input, or a no-echo prompt on a terminal."""
    if path == "-":
        line = sys.stdin.readline()
    elif path:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise CliError(f"cannot read the {what} file {path}: {exc.strerror}") from None
        except UnicodeDecodeError:
            raise CliError(f"the {what} file {path} is not UTF-8 text") from None
        line = text.splitlines()[0] if text else ""
    elif sys.stdin is not None and sys.stdin.isatty():
        line = getpass.getpass(f"{what.capitalize()}: ")
    else:
        raise CliError(f"no {what} given: use {option} FILE (or - for standard input)")
    secret = line.rstrip("\r\n")
    if not secret:
        raise CliError(f"the {what} is empty")
    return secret


def read_identity(path: str, passphrase_file: str | None) -> bytes:
    """An age identity file's content; a passphrase-protected one is decrypted in memory
    with the passphrase from `passphrase_file` (or a no-echo prompt on a terminal). The
    decrypted identity is never written anywhere."""
    from records.export import coordinator_key
    try:
        content = Path(path).read_bytes()
    except OSError as exc:
        raise CliError(f"cannot read the identity file {path}: {exc.strerror}") from None
    if coordinator_key.is_protected(content):
        passphrase = read_secret(passphrase_file, "identity passphrase",
                                 "--identity-passphrase-file")
        content = coordinator_key.unprotect(content, path, passphrase)
    return content


def data_dir(args) -> Path:
    from records.vault import default_data_dir
    return Path(args.data_dir) if args.data_dir else default_data_dir()


def open_vault(args):
    """Unlock the vault named by the common options, after the delay that recent wrong
    passphrases call for (records/unlock_guard.py)."""
    from records.unlock_guard import open_guarded
    return open_guarded(data_dir(args), args.staff, read_secret(args.passphrase_file))


def vault_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data-dir", metavar="DIR",
                        help="vault folder (default: CLINIC_DATA_DIR or the user's data folder)")
    parser.add_argument("--staff", metavar="NAME",
                        help="staff member (needed only when the vault has several)")
    parser.add_argument("--passphrase-file", metavar="FILE",
                        help="read the passphrase from FILE ('-' for standard input)")


def warn_weak_secret(settings) -> None:
    """A weak program secret already in the vault: a warning on stderr, not a refusal."""
    from records.settings import weak_secret_warning
    warning = weak_secret_warning(settings)
    if warning:
        print(f"warning: {warning}", file=sys.stderr)
