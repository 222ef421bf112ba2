"""Search as you type over 100k clients: the cost of each keystroke and of scrolling.

Creates a throwaway vault with N clients (one transaction), then times records.search for
each prefix of a few names, the list model's first page, and paging to the end of a common
prefix. Usage: python benchmarks/search_typing.py [clients]
"""
from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

FIRST = ["Rosa", "Sam", "Alex", "Kit", "Dee", "Mona", "Jo", "Lee", "Max", "Ana", "Tina", "Ray",
         "Bea", "Cy", "Eve", "Gus", "Ida", "Ned", "Ola", "Pat", "Quinn", "Ruth", "Sol", "Val"]
LAST = ["Smith", "Ng", "Martin", "Tremblay", "Roy", "Gagnon", "Lee", "Wilson", "Brown",
        "Clark", "Singh", "Nguyen", "Bouchard", "Côté", "Lavoie", "Fortin", "Hill"]


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    from PySide6.QtWidgets import QApplication
    from records import clients, search
    from records.keyfile import KdfParams
    from records.vault import Vault
    from ui.client_search import ClientListModel
    app = QApplication([])  # noqa: F841 (the model needs one)
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        vault = Vault.create(Path(tmp) / "v", "Nora", "correct horse battery",
                             kdf=KdfParams(1, 8192, 1))
        start = time.perf_counter()
        with vault.write("import", "client"):
            for i in range(n):
                name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
                clients.insert_row(vault, {"name": name, "aliases": (f"{rng.choice(FIRST)}{i}",)})
        print(f"{n} clients inserted in {time.perf_counter() - start:.1f} s")
        timings = []
        for word in ("rosa smith", "quinn côté", "alex ma", "tremblay"):
            for k in range(1, len(word) + 1):
                t = time.perf_counter()
                search.search(vault, word[:k], limit=50)
                timings.append((time.perf_counter() - t) * 1000)
        print(f"keystroke search (limit 50): median {statistics.median(timings):.2f} ms, "
              f"worst {max(timings):.2f} ms over {len(timings)} prefixes")
        model = ClientListModel(vault)
        t = time.perf_counter()
        model.set_query("r")
        print(f"model first page for 'r': {(time.perf_counter() - t) * 1000:.2f} ms")
        t = time.perf_counter()
        pages = 0
        while model.canFetchMore() and pages < 200:
            model.fetchMore()
            pages += 1
        per_page = (time.perf_counter() - t) * 1000 / max(pages, 1)
        print(f"scrolling: {pages} more pages of 50, {per_page:.2f} ms per page "
              f"({model.rowCount()} rows loaded)")
        vault.lock()


if __name__ == "__main__":
    main()
