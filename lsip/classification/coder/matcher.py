"""A small ranked matcher: IDF-weighted token overlap between a query and short documents.

Pure Python and picklable, so that the coder starts in well under a second and runs in any
worker process. Misspelt words are corrected against the vocabulary by single-edit
neighbours before matching.
"""

import math
from bisect import bisect_left
from collections import Counter, defaultdict

#: A word in more documents than this only adds to documents found through rarer words.
COMMON = 1500


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _one_edit_apart(a: str, b: str) -> bool:
    """Whether `b` is `a` with one letter added, dropped or changed, or two neighbouring
    letters swapped (Damerau-Levenshtein distance 1)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) != len(b):
        short, long = sorted((a, b), key=len)
        return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return len(diff) == 1 or (
        len(diff) == 2
        and diff[1] == diff[0] + 1
        and a[diff[0]] == b[diff[1]]
        and a[diff[1]] == b[diff[0]]
    )


class Matcher:
    def __init__(self, documents: list[tuple[str, ...]]):
        """`documents` are token tuples; a document's id is its position in the list."""
        df = Counter(token for doc in documents for token in set(doc))
        total = max(len(documents), 1)
        self.idf = {t: math.log(1 + total / n) for t, n in df.items()}
        self.df = dict(df)
        self.postings: dict[str, list[int]] = defaultdict(list)
        self.norms = []
        self.heads = []
        for doc_id, doc in enumerate(documents):
            for token in set(doc):
                self.postings[token].append(doc_id)
            self.norms.append(math.sqrt(sum(self.idf[t] ** 2 for t in set(doc))) or 1.0)
            self.heads.append(doc[-1] if doc else "")
        self.postings = dict(self.postings)
        neighbours = defaultdict(set)
        for token in self.idf:
            if len(token) >= 4:
                for variant in _deletes(token):
                    neighbours[variant].add(token)
        self.neighbours = {k: tuple(v) for k, v in neighbours.items()}
        self.vocabulary = sorted(self.idf)

    def correct(self, token: str) -> str:
        """For an unknown `token` of five letters or more, the commonest vocabulary word it
        begins (survey forms cut answers short: "carpen", "electrici"); otherwise the
        vocabulary word one edit away (most frequent wins); otherwise `token`."""
        if token in self.idf or len(token) < 4:
            return token
        found = set(self.completions(token)) if len(token) >= 5 else set()
        if not found:
            found = self.one_edit(token)
        return max(found, key=lambda t: (self.df[t], t)) if found else token

    def one_edit(self, token: str) -> set[str]:
        """Vocabulary words exactly one edit from `token`: a letter added, dropped or
        changed, or two neighbouring letters swapped ("platner": planter, planer). Words
        that meet `token` only when each loses a letter are two edits away and left out
        ("nima" is not "imam")."""
        found = set(self.neighbours.get(token, ()))
        for variant in _deletes(token):
            if variant in self.idf:
                found.add(variant)
            found.update(self.neighbours.get(variant, ()))
        return {word for word in found if _one_edit_apart(token, word)}

    def completions(self, prefix: str, limit: int = 50) -> list[str]:
        """Vocabulary words that begin with `prefix` (at most `limit`)."""
        words = []
        for word in self.vocabulary[bisect_left(self.vocabulary, prefix) :]:
            if not word.startswith(prefix) or len(words) >= limit:
                break
            words.append(word)
        return words

    def search(self, query: tuple[str, ...], limit: int = 40) -> list[tuple[float, int]]:
        """The best documents for `query` as (score, doc id), best first; scores are 0..1."""
        known = [t for t in dict.fromkeys(query) if t in self.idf]
        if not known:
            return []
        head = query[-1] if query else ""
        weights = {t: self.idf[t] * (1.5 if t == head else 1.0) for t in known}
        q_norm = math.sqrt(sum(w * w for w in weights.values()))
        scores: dict[int, float] = {}
        for token in sorted(known, key=lambda t: self.df[t]):
            w = weights[token] * self.idf[token]
            posting = self.postings[token]
            if scores and len(posting) > COMMON:
                for doc_id in scores:
                    if doc_id in self._posting_set(token):
                        scores[doc_id] += w
                continue
            for doc_id in posting:
                scores[doc_id] = scores.get(doc_id, 0.0) + w
        ranked = []
        for doc_id, overlap in scores.items():
            score = overlap / (q_norm * self.norms[doc_id])
            if self.heads[doc_id] == head:
                score += 0.15
            ranked.append((score, doc_id))
        ranked.sort(reverse=True)
        return ranked[:limit]

    def _posting_set(self, token: str) -> frozenset:
        cache = self.__dict__.setdefault("_sets", {})
        if token not in cache:
            cache[token] = frozenset(self.postings[token])
        return cache[token]
