"""Time the demo generator: `python benchmarks/demo_generation.py [CLIENTS] [WEEKS]`.

Creates a demo vault in a temporary folder (cheap KDF: the key derivation is not what is
measured), prints the counts, seconds, peak memory and file size, then deletes the folder.
Measured on the 2-core development machine: 100k clients over 52 weeks (1.02M contacts,
1.09M services, 1.06M supply rows) in about 100 s, 126 MB peak, 293 MB vault.
"""
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from flows import demo  # noqa: E402
from records.keyfile import KdfParams  # noqa: E402


def main() -> None:
    clients = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    weeks = int(sys.argv[2]) if len(sys.argv) > 2 else 52
    folder = Path(tempfile.mkdtemp(prefix="demo-bench-"))
    started = time.perf_counter()

    def progress(stage: str, done: int, total: int) -> None:
        print(f"{time.perf_counter() - started:7.1f} s  {stage} {done}/{total}", flush=True)

    try:
        vault, _, counts = demo.create(folder / "vault", "Demo Nurse", "benchmark passphrase",
                                       clients=clients, weeks=weeks, seed=1,
                                       kdf=KdfParams(1, 8192, 1), progress=progress)
        vault.lock()
        size = sum(f.stat().st_size for f in (folder / "vault").iterdir())
    finally:
        shutil.rmtree(folder)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{counts}\n{time.perf_counter() - started:.1f} s in all, peak {peak:.0f} MB, "
          f"vault {size / 1e6:.0f} MB")


if __name__ == "__main__":
    main()
