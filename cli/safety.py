"""Safety commands: check, backup, restore, passwd, staff add/remove/list, recover and
set-recovery. Conventions as in cli/common.py."""
from __future__ import annotations

import getpass
import sys
from pathlib import Path

from records.models import ROLES

from .common import (CliError, data_dir, open_vault, read_identity, read_secret,
                     vault_options)


def read_new_secret(path: str | None) -> str:
    """A new passphrase: from --new-passphrase-file, or typed twice on a terminal."""
    if path is None and sys.stdin is not None and sys.stdin.isatty():
        first = getpass.getpass("New passphrase: ")
        if first != getpass.getpass("New passphrase again: "):
            raise CliError("the two new passphrases differ; nothing was changed")
        if not first:
            raise CliError("the new passphrase is empty")
        return first
    return read_secret(path, "new passphrase", "--new-passphrase-file")


def say_rekeying(_done: int, _total: int, what: str) -> None:
    """The re-key's progress line on standard error (`re-keying ...`: tests and scripts wait
    on it); the other steps are quick and not shown."""
    from flows.rekey_vault import REKEYING
    if what == REKEYING:
        print(what, file=sys.stderr, flush=True)


def _locked_after(func):
    """Run func(vault, args) on the vault named by the options; always lock afterwards."""
    def command(args) -> int:
        vault = open_vault(args)
        try:
            return func(vault, args)
        finally:
            vault.lock()
    return command


def cmd_check(vault, args) -> int:
    from records import audit, backup, leftovers
    for note in vault.resolved + leftovers.find(vault.path):
        print(note)
    pages = backup.check(vault)
    verdict = audit.verify(vault.db, audit.recorded_heads(vault.db))
    if not verdict.ok:
        raise CliError(f"audit log broken at entry {verdict.first_broken}: {verdict.problem}")
    print(f"vault intact: {pages} pages checked; audit log intact: {verdict.entries} entries")
    return 0


def cmd_backup(vault, args) -> int:
    from flows.backup_restore import back_up
    if not (args.to or vault.settings.backup_folder):
        raise CliError("no backup folder: use --to DIR or set backup_folder in the settings")
    made = back_up(vault, Path(args.to) if args.to else None)
    if made is None:
        print("no change since the newest backup; nothing to do")
        return 0
    print(f"backup written and verified: {made}")
    return 0


def identity_text(args) -> str:
    """The coordinator's age identity from --identity (and --identity-passphrase-file when
    the file is protected), as text."""
    try:
        return read_identity(args.identity, args.identity_passphrase_file).decode("utf-8")
    except UnicodeDecodeError:
        raise CliError(f"the identity file {args.identity} is not text") from None


def cmd_restore(args) -> int:
    from flows.backup_restore import restore
    stdin = [args.passphrase_file, args.backup_passphrase_file, args.identity_passphrase_file]
    if stdin.count("-") > 1:
        raise CliError("only one passphrase can be read from standard input; give the others "
                       "as files")
    identity = identity_text(args) if args.identity else None
    passphrase = None
    if args.passphrase_file or identity is None:
        passphrase = read_secret(args.passphrase_file)
    backup_passphrase = passphrase
    if args.backup_passphrase_file:
        backup_passphrase = read_secret(args.backup_passphrase_file, "backup passphrase",
                                        "--backup-passphrase-file")
    result = restore(Path(args.source), data_dir(args), args.staff,
                     None if identity else passphrase, backup_passphrase=backup_passphrase,
                     identity=identity, different_vault=args.different_vault)
    print(f"restored {data_dir(args)} from {result.backup} (by {result.staff})")
    if result.different_vault:
        print(f"the replaced vault was another one: {result.different_vault}")
    if result.replaced:
        print(f"the vault it replaced is kept in {result.replaced} (delete it yourself once "
              "you have checked the restored vault)")
    if result.removed_again:
        print("removed again (the current key file had removed them): "
              + ", ".join(result.removed_again))
    for warning in result.warnings:
        print(f"warning: {warning}")
    return 0


def cmd_passwd(args) -> int:
    from flows.rekey_vault import change_passphrase
    old = read_secret(args.passphrase_file)
    new = read_new_secret(args.new_passphrase_file)
    from records.unlock_guard import open_guarded
    vault = open_guarded(data_dir(args), args.staff, old)
    try:
        change_passphrase(vault, old, new, rekey_now=args.rekey, progress=say_rekeying)
        if args.rekey:
            print(f"passphrase changed for {vault.staff.name} and the vault re-keyed: the old "
                  "passphrase no longer opens it, with any copy of the key file; older "
                  "backups still open with the passphrases of their day")
        else:
            print(f"passphrase changed for {vault.staff.name}; until the vault is re-keyed "
                  "(passwd --rekey, or a staff removal) the old passphrase still opens it "
                  "with an old copy of the key file (every backup holds one)")
    finally:
        vault.lock()
    return 0


def cmd_staff_add(vault, args) -> int:
    from records import staff
    new = read_new_secret(args.new_passphrase_file)
    member = staff.add(vault, args.name, args.role, new, contact_line=args.contact or "")
    print(f"added {member.name} ({member.role})")
    return 0


def cmd_staff_remove(vault, args) -> int:
    from flows.rekey_vault import active_member, remove_staff
    member = active_member(vault, args.name)
    if member is None:
        raise CliError("no active staff member with that name")
    remove_staff(vault, member.id, progress=say_rekeying)
    print(f"removed {member.name} and re-keyed the vault: {member.name}'s passphrase and "
          "every passphrase replaced before now no longer open it, with any copy of the key "
          "file; the other staff members' current passphrases still do; older backups "
          "still open with the passphrases of their day")
    return 0


def cmd_staff_list(vault, args) -> int:
    from records import staff
    for member in staff.all_staff(vault, include_removed=args.all):
        print(f"{member.name}\t{member.role}" + ("" if member.active else "\tremoved"))
    return 0


def cmd_recover(args) -> int:
    from records import rekey
    if not args.staff:
        raise CliError("recover needs --staff NAME (whose passphrase to reset)")
    identity = identity_text(args)
    new = read_new_secret(args.new_passphrase_file)
    vault = rekey.recover(data_dir(args), identity, args.staff, new)
    try:
        print(f"recovered: {vault.staff.name} has a new passphrase")
    finally:
        vault.lock()
    return 0


def cmd_set_recovery(vault, args) -> int:
    from records import rekey
    rekey.set_recovery(vault, args.recipient)
    print("recovery key set: the coordinator's identity can now reset a passphrase")
    return 0


def add_commands(sub) -> None:
    p = sub.add_parser("check", help="full integrity check of the vault")
    vault_options(p)
    p.set_defaults(func=_locked_after(cmd_check))

    p = sub.add_parser("backup", help="write a verified encrypted backup")
    vault_options(p)
    p.add_argument("--to", metavar="DIR", help="folder for the backup (default: the "
                   "backup folder in the settings, rolling)")
    p.set_defaults(func=_locked_after(cmd_backup))

    p = sub.add_parser("restore", help="replace the vault with a checked backup")
    vault_options(p)
    p.add_argument("--from", dest="source", required=True, metavar="BACKUP",
                   help="a backup folder (van-clinic-backup-...)")
    p.add_argument("--backup-passphrase-file", metavar="FILE",
                   help="the passphrase that opens the backup (default: the same passphrase)")
    p.add_argument("--identity", metavar="KEYFILE",
                   help="the coordinator's age identity file, instead of a nurse's passphrase")
    p.add_argument("--identity-passphrase-file", metavar="FILE",
                   help="passphrase of a protected identity file ('-' for standard input)")
    p.add_argument("--different-vault", action="store_true",
                   help="replace the vault even though the backup is of another vault")
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("passwd", help="change your passphrase")
    vault_options(p)
    p.add_argument("--new-passphrase-file", metavar="FILE",
                   help="read the new passphrase from FILE ('-' for standard input)")
    p.add_argument("--rekey", action="store_true",
                   help="also re-key the vault now, so the old passphrase opens nothing "
                        "with any old copy of the key file")
    p.set_defaults(func=cmd_passwd)

    p = sub.add_parser("staff", help="staff members and their key slots")
    actions = p.add_subparsers(dest="staff_command", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="add a staff member with their own passphrase")
    vault_options(add)
    add.add_argument("--name", required=True, help="the new staff member's name")
    add.add_argument("--role", default="nurse", choices=ROLES)
    add.add_argument("--contact", metavar="LINE", help="contact line printed on letters")
    add.add_argument("--new-passphrase-file", metavar="FILE",
                     help="the new staff member's passphrase ('-' for standard input)")
    add.set_defaults(func=_locked_after(cmd_staff_add))
    remove = actions.add_parser("remove", help="remove a staff member and re-key the vault")
    vault_options(remove)
    remove.add_argument("--name", required=True, help="the staff member to remove")
    remove.set_defaults(func=_locked_after(cmd_staff_remove))
    listing = actions.add_parser("list", help="list staff members")
    vault_options(listing)
    listing.add_argument("--all", action="store_true", help="include removed staff")
    listing.set_defaults(func=_locked_after(cmd_staff_list))

    p = sub.add_parser("recover", help="reset a passphrase with the coordinator's recovery key")
    p.add_argument("--data-dir", metavar="DIR", help="vault folder")
    p.add_argument("--staff", metavar="NAME", help="whose passphrase to reset")
    p.add_argument("--identity", required=True, metavar="KEYFILE",
                   help="the coordinator's age identity file (AGE-SECRET-KEY-1...)")
    p.add_argument("--identity-passphrase-file", metavar="FILE",
                   help="passphrase of a protected identity file ('-' for standard input; "
                   "default: asked without echo on a terminal)")
    p.add_argument("--new-passphrase-file", metavar="FILE",
                   help="read the new passphrase from FILE ('-' for standard input)")
    p.set_defaults(func=cmd_recover)

    p = sub.add_parser("set-recovery", help="let the coordinator's key reset passphrases")
    vault_options(p)
    p.add_argument("--recipient", required=True, metavar="AGE1...",
                   help="the coordinator's age public key")
    p.set_defaults(func=_locked_after(cmd_set_recovery))
