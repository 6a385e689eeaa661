"""Coding business descriptions to UK SIC 2007 subclasses from the ONS activity index.

Employers describe what they do ("we make bespoke kitchens"); the index names activities
("Kitchen furniture (manufacture)"). Verbs are mapped to the index's activity words, filler
is dropped, and a ranked match over the index activities and subclass titles picks the code.
"""

from pathlib import Path

from lsip.classification.coder import calibration, semantic
from lsip.classification.coder.matcher import Matcher
from lsip.classification.coder.normalise import tokens, unreadable
from lsip.classification.coder.result import Candidate, Method, Result, Status
from lsip.classification.coder.sources import read_sic_activities, read_sic_structure

VERSION = "sic-2.2"
OTHER_ACTIVITY_PENALTY = 0.7
#: A subclass is backed by the other subclasses of its SIC group (3 digits) that the text
#: matches: the best `GROUP_SUPPORT_TOP` scores of the group, times this weight, are added to
#: each of its subclasses (tuned on `dev`). "Food production" matches steam supply (35300)
#: a little better than other food products (10890), but group 108 has three matches.
GROUP_SUPPORT_WEIGHT = 0.1
GROUP_SUPPORT_TOP = 3
#: The semantic stage (docs/decisions/0100): how much the index activities and subclass
#: titles nearest in meaning count beside the lexical match, and how many are looked at.
SEMANTIC_WEIGHT = 1.0
SEMANTIC_NEIGHBOURS = 40
SEMANTIC_GROUPS = 40
#: Subclasses whose word match is at least this share of the best one's are scored by their
#: own nearest activity in meaning when none of theirs is among the nearest of all (dev).
BEST_MATCH = 0.9
MAX_LENGTH = 1000

#: Words of a description mapped to the activity words the index uses.
ACTIVITY_WORDS = {
    **dict.fromkeys(
        "make making maker makers manufacturer manufacturing produce producer production "
        "fabricate fabricator fabrication".split(),
        "manufacture",
    ),
    **dict.fromkeys("sell selling seller shop store retailer retailing".split(), "retail"),
    **dict.fromkeys("wholesaler supplier distributor distribution".split(), "wholesale"),
    **dict.fromkeys("repairs repairing fix fixing mend".split(), "repair"),
    **dict.fromkeys("hire hiring rent rental rentals letting".split(), "renting"),
    **dict.fromkeys("install installer installing".split(), "installation"),
    **dict.fromkeys("grow grower".split(), "growing"),
}
QUALIFIERS = frozenset(ACTIVITY_WORDS.values())
#: Everyday names of industries that the index words otherwise.
INDUSTRY_WORDS = {"automotive": ("motor", "vehicle")}
FILLER = frozenset(
    "we our us you your company business firm ltd limited plc provide providing provider "
    "offer offering specialist specialise specialising specialize family run based "
    "independent local leading small large bespoke quality high customer client trade "
    "public people uk".split()
)


def stem(word: str) -> str:
    """Sawmilling and sawmill, guarding and guard, meet as one word."""
    if word.endswith("ing") and len(word) > 6 and word not in ACTIVITY_WORDS:
        return word[:-3]
    return word


def description_tokens(text: str) -> tuple[str, ...]:
    """The words of a description that say what the business does, with the activity word
    (manufacture, retail, wholesale, repair...) last, as the index writes it."""
    words = [
        ACTIVITY_WORDS.get(w, stem(w))
        for word in tokens(text, drop_noise=False)
        if word not in FILLER
        for w in INDUSTRY_WORDS.get(word, (word,))
    ]
    return tuple([w for w in words if w not in QUALIFIERS] + [w for w in words if w in QUALIFIERS])


class SicCoder:
    version = VERSION

    def __init__(self, structure: Path, indexes: Path):
        self.titles = read_sic_structure(structure)
        documents, self.codes = [], []
        for activity, code in read_sic_activities(indexes):
            documents.append(description_tokens(activity))
            self.codes.append(code)
        for code, title in self.titles.items():
            if len(code) == 5 and code.isdigit():
                documents.append(description_tokens(title))
                self.codes.append(code)
        self.matcher = Matcher(documents)
        self.kinds = [QUALIFIERS.intersection(doc) for doc in documents]
        self.table = semantic.load_table()
        if self.table is not None:
            plain = [tokens(a) for a, _ in read_sic_activities(indexes)] + [
                tokens(title)
                for code, title in self.titles.items()
                if len(code) == 5 and code.isdigit()
            ]
            self._index_by_code(self.table.embed_many(plain, self._weight))

    def _index_by_code(self, doc_vectors):
        """Activities grouped by subclass, with each subclass's centroid, so that a text is
        compared with the activities of the nearest subclasses only. Kept as float16."""
        import numpy as np

        docs_of: dict[str, list[int]] = {}
        for doc_id, code in enumerate(self.codes):
            docs_of.setdefault(code, []).append(doc_id)
        order, starts, centroids = [], [], []
        self.position_of = {code: g for g, code in enumerate(docs_of)}  # subclass: its rows
        for ids in docs_of.values():
            starts.append(len(order))
            order.extend(ids)
            centroid = doc_vectors[ids].sum(0)
            centroids.append(centroid / (np.linalg.norm(centroid) or 1.0))
        starts.append(len(order))
        self.grouped_docs = np.asarray(order, dtype=np.int32)
        self.group_starts = starts
        self.grouped_vectors = doc_vectors[self.grouped_docs].astype(np.float16)
        self.centroids = np.asarray(centroids, dtype=np.float16)

    def __getstate__(self):
        return {k: v for k, v in self.__dict__.items() if not k.startswith("_f32")}

    def _f32(self, name):
        """A float16 matrix of the saved coder as float32, converted once per process."""
        cached = self.__dict__.get(f"_f32_{name}")
        if cached is None:
            cached = self.__dict__[f"_f32_{name}"] = getattr(self, name).astype("float32")
        return cached

    def _weight(self, word: str) -> float:
        return self.matcher.idf.get(word, 8.0)

    def _semantic(self, text, best: dict[str, float]) -> dict[str, float]:
        """The lexical scores with the nearest activities by meaning added."""
        import numpy as np

        words = tokens(text)
        vector = self.table.embed(words, [self._weight(w) for w in words])
        if vector is None:
            return best
        groups = np.argpartition(-(self._f32("centroids") @ vector), SEMANTIC_GROUPS)
        rows = semantic.rows_of(self.group_starts, groups[:SEMANTIC_GROUPS])
        similarity = self._f32("grouped_vectors")[rows] @ vector
        take = min(SEMANTIC_NEIGHBOURS, len(rows) - 1)
        nearest = np.argpartition(-similarity, take)[:take]
        meaning: dict[str, float] = {}
        for i in nearest:
            code = self.codes[int(self.grouped_docs[rows[i]])]
            meaning[code] = max(meaning.get(code, 0.0), float(similarity[i]))
        # The subclasses the words match best are judged by their own nearest activity too,
        # though none of their activities is among the nearest of all ("car manufacturing":
        # "Motor car (manufacture)"), never as nearer than those; others not, so that a word
        # matched by chance ("practice" in "accounting practice": dental practice) lifts
        # nothing, and a rare word ("logistics": military logistics) not to a sure code.
        top = max(best.values(), default=0.0)
        missing = sorted(c for c in best.keys() - meaning.keys() if best[c] >= BEST_MATCH * top)
        if missing:
            positions = [self.position_of[code] for code in missing]
            own = semantic.rows_of(self.group_starts, positions)
            starts = np.cumsum(
                [0] + [self.group_starts[g + 1] - self.group_starts[g] for g in positions]
            )
            nearest_own = np.maximum.reduceat(
                self._f32("grouped_vectors")[own] @ vector, starts[:-1]
            )
            ceiling = float(similarity[nearest].min())
            for code, value in zip(missing, nearest_own, strict=True):
                meaning[code] = min(float(value), ceiling)
        return {
            code: (best.get(code, 0.0) + SEMANTIC_WEIGHT * meaning.get(code, 0.0))
            / (1 + SEMANTIC_WEIGHT)
            for code in set(best) | set(meaning)
        }

    def code(self, text) -> Result:
        status = unreadable(text, MAX_LENGTH)
        if status:
            return Result(str(text or ""), status, coder_version=VERSION)
        query = tuple(self.matcher.correct(w) for w in description_tokens(text))
        best: dict[str, float] = {}
        activities = QUALIFIERS.intersection(query)
        for score, doc_id in self.matcher.search(query, limit=60):
            code = self.codes[doc_id]
            if self.kinds[doc_id] - activities:  # "hotel" is not "hotel furniture (manufacture)"
                score *= OTHER_ACTIVITY_PENALTY
            best[code] = max(best.get(code, 0.0), score)
        method = Method.RANKED
        if self.table is not None:
            best, method = self._semantic(text, best), Method.SEMANTIC
        ranked = sorted(((s, c) for c, s in _with_group_support(best).items()), reverse=True)[:5]
        if not ranked:
            return Result(str(text), Status.NEEDS_REVIEW, Method.NONE, (), VERSION)
        margin = ranked[0][0] - (ranked[1][0] if len(ranked) > 1 else 0.0)
        confidence = calibration.confidence("sic", method, ranked[0][0], margin)
        candidates = tuple(
            Candidate(code, self.titles.get(code, ""), round(confidence * (s / ranked[0][0]), 3))
            for s, code in ranked
        )
        status = (
            Status.CODED if calibration.is_confident("sic", confidence) else Status.NEEDS_REVIEW
        )
        return Result(str(text), status, method, candidates, VERSION)

    def code_many(self, texts) -> list[Result]:
        return [self.code(text) for text in texts]


def _with_group_support(scores: dict[str, float]) -> dict[str, float]:
    """Each subclass's score plus `GROUP_SUPPORT_WEIGHT` times the sum of the best
    `GROUP_SUPPORT_TOP` scores in its SIC group (the first three digits), its own included."""
    by_group: dict[str, list[float]] = {}
    for code, score in scores.items():
        by_group.setdefault(code[:3], []).append(score)
    support = {
        group: sum(sorted(values, reverse=True)[:GROUP_SUPPORT_TOP])
        for group, values in by_group.items()
    }
    return {
        code: score + GROUP_SUPPORT_WEIGHT * support[code[:3]] for code, score in scores.items()
    }
