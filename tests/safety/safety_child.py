"""Child process for the crash and disk-full tests: `python safety_child.py MODE JSON`.

It saves through the records API and prints one line per save only after the save has
returned, so every printed line is a promise the parent checks after killing it.
Modes:
  visits    save visits forever, printing "ack <n> <visit id>"
  diskfull  cap file sizes (RLIMIT_FSIZE) just above the database, then save visits until
            the vault reports a full disk: prints acks, then "diskfull <message>"
  stage     run one key operation with fsutil.crash_hook exiting at the named stage (its
            n-th occurrence with "occurrence": n)
"""
import json
import os
import signal
import sys
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from records import fsutil, rekey, visits  # noqa: E402
from records import staff as staff_ops  # noqa: E402
from records.errors import DiskFull  # noqa: E402
from records.keyfile import KdfParams  # noqa: E402
from records.vault import Vault  # noqa: E402

FAST_KDF = KdfParams(time_cost=1, memory_kib=8192, parallelism=1)


def note_for(n: int) -> str:
    """The note of the n-th save: long enough that saves span pages and checkpoints."""
    return f"visit {n} " + "abcdefghij" * (50 + (n * 37) % 400)


def save(vault, n: int, site: str = ""):
    return visits.record(vault, note=note_for(n), site=site or f"corner {n}",
                         supplies={"needles": 1 + n % 50, "condoms": 2 + n % 7},
                         occurred_at=datetime(2026, 3, 1, 12, 0, tzinfo=timezone.utc))


def main() -> None:
    mode, args = sys.argv[1], json.loads(sys.argv[2])
    vault = Vault.open(Path(args["dir"]), args.get("staff"), args["passphrase"])
    if mode == "visits":
        print("ready", flush=True)
        n = args["start"]
        while True:
            visit = save(vault, n, args.get("site", ""))
            print(f"ack {n} {visit.id}", flush=True)
            n += 1
    elif mode == "diskfull":
        import resource
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        sizes = [os.path.getsize(p) for p in Path(args["dir"]).iterdir() if p.is_file()]
        limit = max(sizes) + args["headroom"]
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
        n = args["start"]
        try:
            while n < args["start"] + 1000:
                visit = save(vault, n)
                print(f"ack {n} {visit.id}", flush=True)
                n += 1
        except DiskFull as exc:
            print(f"diskfull {exc}", flush=True)
        # The open vault still reads after the failed save.
        print(f"still reads {len(visits.between(vault, datetime(2026, 1, 1, tzinfo=timezone.utc), datetime(2027, 1, 1, tzinfo=timezone.utc)))}", flush=True)
        vault.lock()
    elif mode == "stage":
        left = [args.get("occurrence", 1)]

        def crash(name):
            if name == args["stage"]:
                left[0] -= 1
                if left[0] == 0:
                    os._exit(9)
        fsutil.crash_hook = crash
        if args["op"] == "passwd":
            rekey.change_passphrase(vault, args["passphrase"], args["new"], kdf=FAST_KDF)
        elif args["op"] == "passwd-rekey":
            rekey.change_passphrase(vault, args["passphrase"], args["new"], kdf=FAST_KDF,
                                   rekey=True)
        elif args["op"] == "remove":
            member = next(s for s in staff_ops.all_staff(vault) if s.name == args["remove"])
            rekey.remove_staff(vault, member.id)
        print("finished", flush=True)


if __name__ == "__main__":
    main()
