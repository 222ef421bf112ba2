"""Composition root: `python main.py` starts the desktop app; subcommands run the CLI.

Each command module below (one per command group, in cli/) defines `add_commands(subparsers)`;
a command's function returns an exit code. A user mistake prints one clear line on standard error and exits 1, never a
traceback (conventions in docs/cli.md).
"""
from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

COMMAND_MODULES = ("cli.vault", "cli.records", "cli.export", "cli.coordinator", "cli.print",
                   "cli.safety")


def build_parser(*, commands: bool = True) -> argparse.ArgumentParser:
    """The whole command line; without `commands`, only what starting the app needs (the
    command modules load the records layer, which the app's first window does not need)."""
    # No fixed prog: usage lines name what was run (main.py, van-clinic, the packaged app).
    parser = argparse.ArgumentParser(description="Encrypted records for a street-side clinic.")
    parser.add_argument("--data-dir", metavar="DIR", dest="app_data_dir",
                        help="the app's vault folder (python main.py --data-dir DIR)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    gui = sub.add_parser("gui", help="start the desktop app (the default)")
    gui.add_argument("--data-dir", metavar="DIR")
    for name in COMMAND_MODULES if commands else ():
        importlib.import_module(name).add_commands(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    from records.hardening import harden_process
    harden_process()
    argv = sys.argv[1:] if argv is None else argv
    starts_app = not argv or argv[0] == "gui" or argv[0].startswith("--data-dir")
    args = build_parser(commands=not starts_app).parse_args(argv)
    if args.command in (None, "gui"):
        from ui.app import run
        folder = getattr(args, "data_dir", None) or args.app_data_dir
        return run(Path(folder) if folder else None)
    from cli.common import run_command
    return run_command(args)


if __name__ == "__main__":
    sys.exit(main())
