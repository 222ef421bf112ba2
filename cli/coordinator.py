"""The coordinator's commands (no vault needed): `coordinator keygen`, `secret`, `trust` and
`merge`."""
from __future__ import annotations

import os
import sys

from records import outputs
from records.export import coordinator_key

from .common import CliError, read_identity, read_secret


def cmd_keygen(args) -> int:
    out = outputs.check_file(args.out, force=True)  # a protected place or a folder: refused
    if os.path.lexists(out) and not args.force:
        raise CliError(f"{args.out} already exists; nothing was written (every export "
                       "encrypted to that key needs it; --force keeps it under a new name "
                       "and writes a new key)")
    passphrase = read_secret(args.passphrase_file) if args.passphrase_file else None
    content, public = coordinator_key.generate(passphrase)
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


def cmd_trust(args) -> int:
    from records.export import keyring
    ring = keyring.load(args.keyring, missing_ok=not (args.list or args.revoke))
    if args.list:
        for van, fingerprint, status in ring.listing():
            print(f"{van}\t{fingerprint}\t{status}")
        return 0
    if args.revoke:
        fingerprint = ring.revoke(args.revoke)
        ring.save()
        print(f"revoked {args.revoke}'s key {fingerprint}: every bundle signed by it is "
              "refused from now on")
        return 0
    if not (args.van and args.key):
        raise CliError("give --van CODE --key KEY (or --revoke CODE, or --list)")
    old = ring.add(args.van, args.key, replace=args.replace)
    ring.save()
    from records.export.vankey import fingerprint
    print(f"{args.van} trusted: {fingerprint(args.key)}")
    if old:
        print(f"replaced the old key {old}")
    return 0


def cmd_merge(args) -> int:
    from flows.merge import merge_files
    identities = coordinator_key.load(
        read_identity(args.identity, args.identity_passphrase_file), args.identity)
    done = merge_files(args.files, identities, args.keyring, args.out,
                       ledger_path=args.ledger, pdf=args.pdf, force=args.force,
                       skip_invalid=args.skip_invalid,
                       refused=lambda message: print(f"refused: {message}", file=sys.stderr))
    for warning in done.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(f"merged {done.used} bundles ({len(done.vans)} vans, {len(done.merged.weeks)} "
          f"weeks) into {done.out}")
    for old in done.merged.replaced:
        print(f"replaced by a later export of {old.key[0]} {old.key[1]}: {old.source}")
    if done.replaced_folder:
        print(f"the folder that was there is kept as {done.replaced_folder}")
    if done.refused:
        print(f"{len(done.refused)} bundles refused (listed on standard error)")
    return 0


def add_commands(sub) -> None:
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
    combine = actions.add_parser("merge", help="verify, decrypt and merge weekly bundles")
    combine.add_argument("--identity", metavar="KEYFILE", required=True)
    combine.add_argument("--identity-passphrase-file", "--passphrase-file", metavar="FILE",
                         dest="identity_passphrase_file",
                         help="passphrase of a protected key file ('-' for stdin; without "
                              "it, a prompt on a terminal)")
    combine.add_argument("--keyring", metavar="FILE", required=True,
                         help="the vans' registered signing keys (coordinator trust)")
    combine.add_argument("--ledger", metavar="FILE",
                         help="the vans' audit chains seen so far (default: beside the "
                              "keyring, NAME.ledger.json)")
    combine.add_argument("--out", metavar="DIR", required=True,
                         help="a new or empty folder for the report")
    combine.add_argument("--force", action="store_true", help="replace a non-empty --out")
    combine.add_argument("--skip-invalid", action="store_true",
                         help="merge the valid bundles and list the refused ones")
    combine.add_argument("--pdf", choices=("combined", "all", "none"), default="combined",
                         help="summary PDFs: all vans per week (default), also per van, "
                              "or none")
    combine.add_argument("files", metavar="FILE", nargs="+")
    combine.set_defaults(func=cmd_merge)

    trust = actions.add_parser("trust", help="register (or revoke) a van's signing key")
    trust.add_argument("--keyring", metavar="FILE", required=True)
    trust.add_argument("--van", metavar="CODE")
    trust.add_argument("--key", metavar="KEY", help="van-clinic-sign:... as van-key prints it")
    trust.add_argument("--replace", action="store_true",
                       help="replace the van's registered key")
    trust.add_argument("--revoke", metavar="CODE",
                       help="refuse every bundle signed by this van's key from now on")
    trust.add_argument("--list", action="store_true", help="list vans, fingerprints, status")
    trust.set_defaults(func=cmd_trust)
