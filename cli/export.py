"""Export commands: `export` (a van's week to the coordinator) and `van-key` (the van's
signing key for the coordinator). The coordinator's side is in cli/coordinator.py."""
from __future__ import annotations

import sys
from pathlib import Path

from records import clock, outputs

from .common import open_vault, vault_options, warn_weak_secret


def cmd_export(args) -> int:
    from flows.export import export_week
    outputs.check_file(args.out, force=args.force)  # before the passphrase and any work
    vault = open_vault(args)
    try:
        warn_weak_secret(vault.settings)
        which = args.week or clock.last_complete_week(vault.settings.timezone)
        done = export_week(vault, which, Path(args.out), recipient=args.recipient,
                           force=args.force)
    finally:
        vault.lock()
    print(f"exported {done.week} to {done.path} "
          f"({done.indicators['contacts.total']} contacts; sha256 {done.checksum})")
    return 0


def cmd_van_key(args) -> int:
    """The van's signing key for the coordinator: `CODE van-clinic-sign:...` on stdout, its
    fingerprint on stderr; `--new` first replaces it (after a laptop was stolen)."""
    from records.export import vankey
    vault = open_vault(args)
    try:
        if args.new:
            vankey.rotate(vault)
        code, key = vault.settings.van_code, vankey.van_public_text(vault.db)
    finally:
        vault.lock()
    print(f"{code} {key}")
    print(f"fingerprint {vankey.fingerprint(key)}", file=sys.stderr)
    return 0


def add_commands(sub) -> None:
    p = sub.add_parser("export", help="export a week, encrypted to the coordinator")
    vault_options(p)
    p.add_argument("--week", metavar="YYYY-Www",
                   help="ISO week, e.g. 2026-W47 (default: the last complete week)")
    p.add_argument("--out", metavar="FILE", required=True, help="the encrypted bundle to write")
    p.add_argument("--recipient", metavar="age1...",
                   help="coordinator's public key (default: the one in settings)")
    p.add_argument("--force", action="store_true", help="replace FILE if it exists")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("van-key", help="print this van's signing key for the coordinator")
    vault_options(p)
    p.add_argument("--new", action="store_true",
                   help="make a new signing key first (the coordinator must register it)")
    p.set_defaults(func=cmd_van_key)
