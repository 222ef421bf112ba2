"""Vault commands: init, audit verify, settings show / set."""
from __future__ import annotations

from records.models import ROLES

from .common import CliError, data_dir, open_vault, read_secret, vault_options, warn_weak_secret


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
    p.add_argument("--role", default="nurse", choices=ROLES)
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
