"""Command-line plumbing shared by every command, and the vault commands (init,
audit verify). Conventions: --data-dir, --staff, --passphrase-file ('-' = stdin)."""
from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from .errors import ClinicError


class CliError(ClinicError):
    """A user-facing failure of a command."""


def run_command(args) -> int:
    import sqlcipher3
    try:
        return args.func(args)
    except ClinicError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except sqlcipher3.DatabaseError as exc:
        print(f"error: the database failed while reading or writing ({exc}); "
              "run: python main.py check", file=sys.stderr)
        return 1
    except OSError as exc:
        where = f" ({exc.filename})" if exc.filename else ""
        print(f"error: {exc.strerror or exc}{where}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 1


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


def data_dir(args) -> Path:
    from .vault import default_data_dir
    return Path(args.data_dir) if args.data_dir else default_data_dir()


def open_vault(args):
    """Unlock the vault named by the common options, after the delay that recent wrong
    passphrases call for (records/unlock_guard.py)."""
    from .unlock_guard import open_guarded
    return open_guarded(data_dir(args), args.staff, read_secret(args.passphrase_file))


def vault_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data-dir", metavar="DIR",
                        help="vault folder (default: CLINIC_DATA_DIR or the user's data folder)")
    parser.add_argument("--staff", metavar="NAME",
                        help="staff member (needed only when the vault has several)")
    parser.add_argument("--passphrase-file", metavar="FILE",
                        help="read the passphrase from FILE ('-' for standard input)")


# --- commands ------------------------------------------------------------------------

def cmd_init(args) -> int:
    from .models import Settings
    from .vault import Vault
    if not args.staff:
        raise CliError("init needs --staff NAME (the first staff member)")
    passphrase = read_secret(args.passphrase_file)
    settings = Settings(clinic_name=args.clinic or "Street clinic", timezone=args.timezone,
                        van_code=args.van_code)
    vault = Vault.create(data_dir(args), args.staff, passphrase, role=args.role,
                         contact_line=args.contact or "", settings=settings)
    vault.lock()
    print(f"created a vault in {data_dir(args)}")
    return 0


def cmd_audit_verify(args) -> int:
    from . import audit
    vault = open_vault(args)
    try:
        verdict = audit.verify(vault.db, audit.recorded_heads(vault.db))
    finally:
        vault.lock()
    if not verdict.ok:
        raise CliError(f"audit log broken at entry {verdict.first_broken}: {verdict.problem}")
    print(f"audit log intact: {verdict.entries} entries")
    return 0


def add_commands(sub) -> None:
    p = sub.add_parser("init", help="create a new vault")
    vault_options(p)
    p.add_argument("--clinic", metavar="NAME", help="clinic name for letterheads")
    p.add_argument("--role", default="nurse", choices=("nurse", "outreach", "police_liaison"))
    p.add_argument("--contact", metavar="LINE", help="contact line printed on letters")
    p.add_argument("--timezone", default="America/Toronto", metavar="ZONE")
    p.add_argument("--van-code", default="VAN1", metavar="CODE")
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("audit", help="audit log tools")
    actions = p.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify = actions.add_parser("verify", help="check the audit log's hash chain")
    vault_options(verify)
    verify.set_defaults(func=cmd_audit_verify)
