"""Making the word table of the semantic stage from the packaged MiniLM model.

Running the six-layer encoder for every title would cost some 5 ms a title on this machine,
far from the 2,000 titles a second the coder must keep. So, as model2vec does, each word is
run through the model once, on its own, and its sentence embedding kept; a text's vector is
then the weighted mean of its words' vectors. The vectors are reduced to their main
`DIMENSIONS` components (PCA) and stored as float16 in `data/minilm-words.npz` with the
SHA-256 of the weights they came from.

    .venv/bin/python -m lsip.classification.coder.distil [--data ../shared/data]

The words are those of the SOC 2020 coding index and Volume 1 (normalised as the coder
normalises them) and the whole words of the model's own vocabulary.
"""

import argparse
import hashlib
from pathlib import Path

from lsip.classification.coder.normalise import tokens

TABLE = Path(__file__).parent / "data" / "minilm-words.npz"
DIMENSIONS = 256


def vocabulary(volume1: Path, coding_index: Path, model_vocab: Path) -> list[str]:
    from lsip.classification.coder.sources import read_soc_coding_index, read_soc_volume1

    _, units = read_soc_volume1(volume1)
    words = set()
    for row in read_soc_coding_index(coding_index):
        words.update(tokens(row.title, drop_noise=False))
        words.update(tokens(row.extended_title, drop_noise=False))
    for unit in units.values():
        text = " ".join([unit.title, unit.description, *unit.tasks, *unit.related_titles])
        words.update(tokens(text, drop_noise=False))
    for line in model_vocab.read_text(encoding="utf-8").splitlines():
        word = line.strip()
        if word.isalpha() and word.isascii() and len(word) >= 3:
            words.update(tokens(word, drop_noise=False))
    return sorted(words)


def distil(words: list[str], out: Path = TABLE) -> Path:
    import numpy as np

    from lsip.classification.coder.semantic import encoder, model_folder

    enc = encoder()
    order = sorted(range(len(words)), key=lambda i: len(enc.tokenizer.encode(words[i]).ids))
    vectors = np.zeros((len(words), 384), dtype=np.float32)
    for start in range(0, len(order), 512):
        chunk = order[start : start + 512]
        vectors[chunk] = enc.encode([words[i] for i in chunk], batch=512)
    mean = vectors.mean(0)
    _, _, components = np.linalg.svd(vectors - mean, full_matrices=False)
    reduced = (vectors - mean) @ components[:DIMENSIONS].T
    reduced /= np.linalg.norm(reduced, axis=1, keepdims=True)
    digest = hashlib.sha256((model_folder() / "model.safetensors").read_bytes()).hexdigest()
    out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        out,
        words=np.array(words),
        vectors=reduced.astype(np.float16),
        mean=mean.astype(np.float32),
        components=components[:DIMENSIONS].astype(np.float32),
        weights_sha256=np.array(digest),
    )
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    args = parser.parse_args()
    from lsip.classification.coder.semantic import model_folder
    from lsip.classification.coder.store import SOC_FILES

    words = vocabulary(*(args.data / f for f in SOC_FILES), model_folder() / "vocab.txt")
    print(f"{len(words)} words")  # noqa: T201
    print(distil(words))  # noqa: T201


if __name__ == "__main__":
    main()
