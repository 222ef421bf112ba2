"""Command-line plumbing shared by every command, and the vault commands (init,
audit verify). Conventions: --data-dir, --staff, --passphrase-file ('-' = stdin)."""
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


# --- commands ------------------------------------------------------------------------

def cmd_init(args) -> int:
    from records.models import Settings
    from records.vault import Vault
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
    from records import audit
    vault = open_vault(args)
    try:
        verdict = audit.verify(vault.db, audit.recorded_heads(vault.db))
    finally:
        vault.lock()
    if not verdict.ok:
        raise CliError(f"audit log broken at entry {verdict.first_broken}: {verdict.problem}")
    print(f"audit log intact: {verdict.entries} entries")
    return 0


# Settings a command line can set with one value; the letterhead and schedule are lists
# (repeat --value), the secret and keys are best read from a file (--value-file).
_LIST_SETTINGS = ("letterhead",)
_SECRET_SETTINGS = ("uic_secret",)


def warn_weak_secret(settings) -> None:
    """A weak program secret already in the vault: a warning on stderr, not a refusal."""
    from records.settings import weak_secret_warning
    warning = weak_secret_warning(settings)
    if warning:
        print(f"warning: {warning}", file=sys.stderr)


def cmd_settings_show(args) -> int:
    import dataclasses
    vault = open_vault(args)
    try:
        warn_weak_secret(vault.settings)
        for name, value in dataclasses.asdict(vault.settings).items():
            if name in _SECRET_SETTINGS:
                value = "(set)" if value else "(not set)"
            elif isinstance(value, (list, tuple)):
                value = "; ".join(str(v) if not isinstance(v, dict) else f"{v['when']} at {v['site']}"
                                  for v in value)
            print(f"{name}\t{value}")
    finally:
        vault.lock()
    return 0


def cmd_settings_set(args) -> int:
    import dataclasses
    from records import settings as settings_store
    from records.models import Settings
    kinds = {f.name: f.type for f in dataclasses.fields(Settings)}
    if args.name not in kinds or args.name == "schedule":
        raise CliError(f"{args.name!r} is not a setting this command sets "
                       f"(choose from: {', '.join(n for n in kinds if n != 'schedule')})")
    if args.name == "recovery_recipient":
        raise CliError("use set-recovery: it also gives the key file its recovery slot")
    if args.value_file:
        values = [read_secret(args.value_file, what=args.name, option="--value-file")]
    elif args.value:
        values = args.value
    else:
        raise CliError("give the new value (--value VALUE, or --value-file FILE for a secret)")
    if args.name in _LIST_SETTINGS:
        value = tuple(values)
    elif len(values) > 1:
        raise CliError(f"{args.name} takes one value")
    elif kinds[args.name] == "int":
        try:
            value = int(values[0])
        except ValueError:
            raise CliError(f"{args.name} must be a whole number") from None
    else:
        value = values[0]
    vault = open_vault(args)
    try:
        settings_store.update(vault, **{args.name: value})
    finally:
        vault.lock()
    print(f"{args.name} updated")
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

    p = sub.add_parser("settings", help="show or change the clinic's settings")
    actions = p.add_subparsers(dest="settings_command", metavar="ACTION", required=True)
    show = actions.add_parser("show", help="list every setting (secrets shown as set / not set)")
    vault_options(show)
    show.set_defaults(func=cmd_settings_show)
    change = actions.add_parser("set", help="change one setting (nurses only; audited)")
    vault_options(change)
    change.add_argument("name", metavar="NAME", help="e.g. uic_secret, export_recipient, van_code")
    change.add_argument("--value", action="append", metavar="VALUE",
                        help="the new value (repeat for each letterhead line)")
    change.add_argument("--value-file", metavar="FILE",
                        help="read the value from FILE ('-' for standard input), for secrets")
    change.set_defaults(func=cmd_settings_set)
