"""Commands: `export` (a van's week to the coordinator) and the coordinator's side,
`coordinator keygen`, `coordinator secret` and `coordinator merge` (no vault needed)."""
from __future__ import annotations

import os
import sys
from pathlib import Path

from records import clock, outputs
from records.cli import CliError, open_vault, read_secret, vault_options, warn_weak_secret
from records.export import keys, merge
from records.fsutil import atomic_write, ensure_private_dir

from . import weekly


def cmd_export(args) -> int:
    from .export_bundle import export_week
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


def cmd_keygen(args) -> int:
    out = outputs.check_file(args.out, force=True)  # a protected place or a folder: refused
    if os.path.lexists(out) and not args.force:
        raise CliError(f"{args.out} already exists; nothing was written (every export "
                       "encrypted to that key needs it; --force keeps it under a new name "
                       "and writes a new key)")
    passphrase = read_secret(args.passphrase_file) if args.passphrase_file else None
    content, public = keys.generate(passphrase)
    kept = outputs.set_aside(out) if os.path.lexists(out) else None
    try:
        outputs.write_file(out, content)
    except BaseException:
        if kept:
            os.rename(kept, out)
        raise
    print(public)
    if kept:
        print(f"the old key is kept as {kept}: keep it until every export encrypted to it "
              "is merged", file=sys.stderr)
    return 0


def cmd_secret(args) -> int:
    from records import uic
    written = outputs.write_file(args.out, (uic.new_secret() + "\n").encode(), force=args.force)
    print(f"program secret written to {written}: give it to every van (settings set "
          "uic_secret --value-file FILE); keep it like a key")
    return 0


def _read(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise CliError(f"cannot read {path}: {exc.strerror}") from None


def cmd_merge(args) -> int:
    content = _read(args.identity)
    passphrase = None
    if keys.is_protected(content):
        passphrase = read_secret(args.passphrase_file)
    identities = keys.load(content, args.identity, passphrase)
    opened = [merge.open_bundle(path, _read(path), identities) for path in args.files]
    merged = merge.merge(opened)
    files = merge.outputs(merged)
    for w in merged.weeks:
        for van in w.per_van:
            files[f"summary-{w.week}-{van}.pdf"] = weekly.render(merge.header(w, van),
                                                                   w.per_van[van])
        files[f"summary-{w.week}-all-vans.pdf"] = weekly.render(merge.header(w), w.combined)
    out = Path(args.out)
    try:
        ensure_private_dir(out)
        for name, body in files.items():
            atomic_write(out / name, body)
    except OSError as exc:
        raise CliError(f"cannot write to {out}: {exc.strerror}") from None
    vans = sorted({van for w in merged.weeks for van in w.per_van})
    print(f"merged {len(opened) - len(merged.replaced)} bundles ({len(vans)} vans, "
          f"{len(merged.weeks)} weeks) into {out}")
    for old in merged.replaced:
        print(f"replaced by a newer export of {old.key[0]} {old.key[1]}: {old.source}")
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

    p = sub.add_parser("coordinator", help="the coordinator's tools (no vault needed)")
    actions = p.add_subparsers(dest="coordinator_command", metavar="ACTION", required=True)
    keygen = actions.add_parser("keygen", help="make the coordinator's key pair")
    keygen.add_argument("--out", metavar="KEYFILE", required=True)
    keygen.add_argument("--passphrase-file", metavar="FILE",
                        help="protect the key file with this passphrase ('-' for stdin)")
    keygen.add_argument("--force", action="store_true",
                        help="write a new key even if KEYFILE exists (the old one is kept "
                             "as KEYFILE.replaced-<time>)")
    keygen.set_defaults(func=cmd_keygen)
    secret = actions.add_parser("secret", help="make the program's code secret (64 hex digits)")
    secret.add_argument("--out", metavar="FILE", required=True)
    secret.add_argument("--force", action="store_true", help="replace an existing file")
    secret.set_defaults(func=cmd_secret)
    combine = actions.add_parser("merge", help="decrypt and merge weekly bundles")
    combine.add_argument("--identity", metavar="KEYFILE", required=True)
    combine.add_argument("--passphrase-file", metavar="FILE",
                         help="passphrase of a protected key file ('-' for stdin)")
    combine.add_argument("--out", metavar="DIR", required=True)
    combine.add_argument("files", metavar="FILE", nargs="+")
    combine.set_defaults(func=cmd_merge)
