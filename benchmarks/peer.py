"""lsip's SOC coder beside a SOCMapper-like peer, on the real job titles. Prints its figures.

    .venv/bin/python benchmarks/peer.py [--data DIR] [--half test|dev] [--cache DIR]

The peer does what Nesta's SOCMapper does: every title of the ONS coding index and the job
title being coded are embedded with all-MiniLM-L6-v2 (the whole six-layer model, here run
by lsip's numpy encoder from the same packaged weights), and the title takes the unit group
of the index title nearest in meaning; the five candidates are the first five unit groups in
order of similarity. Embedding the 30,000 index titles takes minutes, so they are kept in
`--cache` (default var/benchmarks/ in the checkout) keyed by the index file's SHA-256.
"""

import argparse
import hashlib
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from evaluation import real_compatible, real_soc_sets  # noqa: E402
from support import default_data  # noqa: E402

from lsip.classification.coder.normalise import fold  # noqa: E402
from lsip.classification.coder.sources import read_soc_coding_index  # noqa: E402
from lsip.classification.coder.store import SOC_FILES  # noqa: E402


def index_embeddings(coding_index: Path, cache: Path):
    """(titles, unit groups of each title by frequency, unit vectors), from the cache if there."""
    import numpy as np

    from lsip.classification.coder.semantic import encoder

    codes: dict[str, dict[str, int]] = {}
    for row in read_soc_coding_index(coding_index):
        if row.unit:
            title = " ".join(fold(row.title).split())
            counts = codes.setdefault(title, {})
            counts[row.unit] = counts.get(row.unit, 0) + 1
    titles = sorted(codes)
    units = [sorted(codes[t], key=lambda u: -codes[t][u]) for t in titles]
    digest = hashlib.sha256(coding_index.read_bytes()).hexdigest()[:16]
    path = cache / f"peer-index-{digest}.npy"
    if path.is_file():
        return titles, units, np.load(path).astype(np.float32)
    print(f"  embedding {len(titles):,} index titles (kept in {path})", flush=True)
    start = time.perf_counter()
    order = sorted(range(len(titles)), key=lambda i: len(titles[i]))  # less padding
    vectors = np.zeros((len(titles), 384), dtype=np.float32)
    for at in range(0, len(order), 256):
        chunk = order[at : at + 256]
        vectors[chunk] = encoder().encode([titles[i] for i in chunk], batch=256)
    print(f"  {time.perf_counter() - start:.0f} s", flush=True)
    cache.mkdir(parents=True, exist_ok=True)
    np.save(path, vectors.astype(np.float16))
    return titles, units, vectors


def peer_candidates(query_vectors, index_vectors, units, keep=5):
    """The first `keep` distinct unit groups of the nearest index titles, per query."""
    import numpy as np

    out = []
    for similarity in query_vectors @ index_vectors.T:
        found: list[str] = []
        for i in np.argsort(-similarity)[:200]:
            for unit in units[i]:
                if unit not in found:
                    found.append(unit)
            if len(found) >= keep:
                break
        out.append(found[:keep])
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path(default_data()))
    parser.add_argument("--half", choices=["test", "dev"], default="test")
    parser.add_argument(
        "--cache", type=Path, default=Path(__file__).resolve().parent.parent / "var" / "benchmarks"
    )
    args = parser.parse_args()
    from lsip.classification.coder import load_soc_coder
    from lsip.classification.coder.semantic import encoder

    coding_index = args.data / SOC_FILES[1]
    _, units, index_vectors = index_embeddings(coding_index, args.cache)
    soc = load_soc_coder(args.data)
    compatible = real_compatible()
    print(f"\nReal titles, {args.half} half: lsip ({soc.version}) beside the SOCMapper-like peer")
    print("  (compatible: the title's unit group or another compatible with it, data/README.md)")
    header = ["titles", "lsip top-1", "peer top-1", "lsip top-5", "peer top-5"]
    print(f"  {'set':42}" + "".join(f" {h:>10}" for h in header))
    for name, rows in real_soc_sets(coding_index).items():
        rows = [r for r in rows if r[2] == args.half]
        ours = [[c.code for c in soc.code(title).candidates] for title, *_ in rows]
        queries = encoder().encode([" ".join(fold(title).split()) for title, *_ in rows])
        theirs = peer_candidates(queries, index_vectors, units)
        for label, golds in (
            ("", [[gold] for _, gold, *_ in rows]),
            (", compatible", [compatible[fold(title).strip()] for title, *_ in rows]),
        ):
            figures = [
                sum(
                    1
                    for found, gold in zip(lists, golds, strict=True)
                    if set(found[:k]) & set(gold)
                )
                / len(rows)
                for k, lists in ((1, ours), (1, theirs), (5, ours), (5, theirs))
            ]
            print(f"  {name + label:42} {len(rows):10}" + "".join(f" {f:10.1%}" for f in figures))


if __name__ == "__main__":
    main()
