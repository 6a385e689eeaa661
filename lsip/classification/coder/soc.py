"""Coding job titles to SOC 2020 unit groups (and extended sub-unit groups where the index
allows), following the ONS coding index and its rules.

Order of work for one title (SG Annex D asks for SOC 2020 codes for every occupation):
1. the area's learned mappings (titles a person confirmed before);
2. the coding index, title as written, then normalised (abbreviations, plurals, noise), then
   with words cut short, run together or misspelt read as an index title;
3. ONS coding rules for status words: trainees and apprentices are coded to the occupation
   they train for; senior, junior, deputy and similar grades do not change the unit group;
4. a ranked match over index and group titles, with misspellings corrected.
Qualifiers in brackets, the description and the industry re-rank titles the index codes in
more than one unit group.
"""

import itertools
import math
import re
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path

from lsip.classification.coder import calibration, semantic
from lsip.classification.coder.employer import (
    Wording,
    occupation_and_detail,
    occupations_named,
)
from lsip.classification.coder.matcher import Matcher
from lsip.classification.coder.normalise import (
    NOISE,
    PLACES,
    fold,
    split_title,
    tokens,
    unreadable,
)
from lsip.classification.coder.result import Candidate, Method, Result, Status
from lsip.classification.coder.sources import read_soc_coding_index, read_soc_volume1

VERSION = "soc-2.2"

#: How a title the index codes several ways is decided: its share of the index rows against
#: how well the qualifier, description and industry fit each unit group (tuned on `dev`).
PRIOR_WEIGHT = 0.5
CONTEXT_WEIGHT = 1.0
RANKED_CONTEXT_WEIGHT = 0.5
COMBINED_WEIGHT = 0.5
MAX_LENGTH = 200
#: A unit group whose own title names an occupation of exactly an index title's words is the
#: one the title names ("Plasterer": Plasterers, not glass and ceramics makers); for a title
#: of two words or more, a sub-unit group's title also counts when no unit group's does and
#: the group is the one the index gives the title most often.
NAMED_WEIGHT = 0.6
#: A one-word occupation the index gives this many unit groups or more is generic: in a
#: group's title it is read with the words before it ("Glaziers, window fabricators and
#: fitters" names window fitters, not fitters).
GENERIC = 3
#: The semantic stage (tuned on `dev`): how much the nearest index titles and the unit
#: group's Volume 1 text count beside the lexical match, and how many titles are looked at.
SEMANTIC_WEIGHT = 0.6
DESCRIPTION_WEIGHT = 0.3
SEMANTIC_NEIGHBOURS = 40
#: Only the index titles of the unit groups whose titles are nearest on average are compared.
SEMANTIC_GROUPS = 25
#: An index title with several unit groups, none named by it, whose context leaves the first
#: less than this ahead of the second, is ambiguous: it goes to review with those codes.
AMBIGUOUS_MARGIN = 0.1

#: Readings tried for an unknown word (completions, splits, corrections), and for a title.
COMPLETION_READINGS = 30
COMPLETION_TRIES = 400
COMPLETION_FOUND = 4

#: Methods that found the title in the coding index (or the area's confirmed titles).
INDEX_METHODS = frozenset({Method.LEARNED, Method.EXACT, Method.NORMALISED, Method.RULE})

#: Status words the ONS rules code through to the occupation itself.
GRADES = frozenset(
    "senior junior trainee apprentice apprenticeship graduate deputy qualified experienced "
    "lead principal chief head assistant level intermediate advanced".split()
)


class SocCoder:
    version = VERSION

    def __init__(self, volume1: Path, coding_index: Path):
        self.groups, units = read_soc_volume1(volume1)
        self.unit_titles = {code: unit.title for code, unit in units.items()}
        documents: dict[tuple[str, ...], Counter] = defaultdict(Counter)
        self.index_titles = {}
        self.uncodable = set()
        self.extended_titles = {}
        for row in read_soc_coding_index(coding_index):
            key = tokens(row.title, drop_noise=False)
            if not key:
                continue
            if not row.unit:
                self.uncodable.add(key)
                continue
            documents[key][(row.unit, row.extended)] += 1
            self.index_titles.setdefault(fold(row.title).strip(), key)
            self.extended_titles[row.extended] = row.extended_title
        for extended, title in list(self.extended_titles.items()):
            documents[tokens(title, drop_noise=False)][(extended[:4], extended)] += 1
        for code, title in self.unit_titles.items():
            documents[tokens(title, drop_noise=False)][(code, "")] += 1
        self.keys = list(documents)
        self.codes = [documents[k] for k in self.keys]
        self.exact = {key: i for i, key in enumerate(self.keys)}
        self.matcher = Matcher(self.keys)
        self.profiles, self.context_idf = _profiles(units, self.extended_titles, documents)
        breadth = Counter(
            {
                key[0]: len({u for u, _ in counts})
                for key, counts in documents.items()
                if len(key) == 1
            }
        )
        self.named = {
            code: _named_occupations(title, lambda word: breadth[word] >= GENERIC)
            for code, title in [*self.unit_titles.items(), *self.extended_titles.items()]
        }
        self.table = semantic.load_table()
        if self.table is not None:
            weight = self._weight
            doc_vectors = self.table.embed_many(self.keys, weight)
            self.unit_codes = sorted(units)
            self._index_by_unit(doc_vectors)
            self.unit_vectors = self.table.embed_many(
                [
                    tokens(" ".join([units[c].title, units[c].description, *units[c].tasks]))
                    for c in self.unit_codes
                ],
                weight,
            ).astype("float16")

    def _weight(self, word: str) -> float:
        return self.matcher.idf.get(word, 8.0)

    def _index_by_unit(self, doc_vectors):
        """Index titles grouped by unit group, with each group's centroid, so that a title
        is compared with the titles of the nearest groups only. Kept as float16."""
        import numpy as np

        docs_of = defaultdict(list)
        for doc_id, counts in enumerate(self.codes):
            for unit, _ in counts:
                docs_of[unit].append(doc_id)
        order, starts, centroids = [], [], []
        for code in self.unit_codes:
            ids = docs_of.get(code, [])
            starts.append(len(order))
            order.extend(ids)
            centroid = doc_vectors[ids].sum(0) if ids else np.zeros(doc_vectors.shape[1])
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
        import numpy as np

        cached = self.__dict__.get(f"_f32_{name}")
        if cached is None:
            cached = self.__dict__[f"_f32_{name}"] = getattr(self, name).astype(np.float32)
        return cached

    # -- one title ---------------------------------------------------------------------------

    def code(self, title, description=None, industry=None, learned=None) -> Result:
        """Code one job title; `description` and `industry` are optional context and
        `learned` maps normalised titles to codes a person confirmed before."""
        status = unreadable(title, MAX_LENGTH)
        if status:
            return Result(str(title or ""), status, coder_version=VERSION)
        core, context = split_title(title)
        wording = occupation_and_detail(core)  # "electrician" / "with EV charger skills"
        core, context = wording.occupation, f"{context} {wording.detail}".strip()
        context_text = " ".join(str(x) for x in (context, description, industry) if x)
        words = set(tokens(context_text))
        key, plain = tokens(core, drop_noise=False), tokens(core)
        found = (
            self._learned(title, plain, learned)
            or self._indexed(title, core, key, plain, words)
            or self._read_again(title, core, key, plain, words)
        )
        if found:
            return found
        named = occupations_named(core)
        if len(named) > 1:
            if wording.detail and not named[-1].detail:  # "... or electricians with EV skills"
                named[-1] = Wording(named[-1].occupation, wording.detail)
            several = self._several(title, named, description, industry, learned)
            if several:
                return several
        elif named and named[0].occupation != core:  # "we need welders": "welders"
            core = named[0].occupation
            key, plain = tokens(core, drop_noise=False), tokens(core)
            found = self._indexed(title, core, key, plain, words)
            if found:
                return found
        corrected = tuple(self.matcher.correct(w) for w in plain)
        if corrected != plain and corrected in self.exact:
            return self._from_document(title, Method.NORMALISED, self.exact[corrected], words)
        ranked = self._ranked(corrected, words)
        method, reason = Method.RANKED, ""
        if self.table is not None:
            ranked, method, reason = self._semantic(corrected, words, ranked)
        if not ranked:
            return Result(title, Status.NEEDS_REVIEW, Method.NONE, (), VERSION)
        margin = ranked[0][0] - (ranked[1][0] if len(ranked) > 1 else 0.0)
        # Nothing but grade words known ("trainee qwerty"): a guess, never coded by itself.
        known = any(w in self.matcher.idf and w not in GRADES for w in corrected)
        status = None if known else Status.NEEDS_REVIEW
        return self._result(title, method, ranked, ranked[0][0], margin, status, reason=reason)

    def _semantic(self, query, context, ranked):
        """Where the lexical stage is unsure: the nearest index titles by meaning, and the
        unit groups whose Volume 1 description and tasks are nearest, beside the lexical
        scores. Returns the merged ranking and its method."""
        import numpy as np

        vector = self.table.embed(query, [self._weight(w) for w in query])
        if vector is None:
            return ranked, Method.RANKED, ""
        groups = np.argpartition(-(self._f32("centroids") @ vector), SEMANTIC_GROUPS)
        rows = semantic.rows_of(self.group_starts, groups[:SEMANTIC_GROUPS])
        similarity = self._f32("grouped_vectors")[rows] @ vector
        take = min(SEMANTIC_NEIGHBOURS, len(rows) - 1)
        by_meaning: dict[str, tuple[float, str]] = {}
        closest: dict[str, int] = {}
        for i in np.argpartition(-similarity, take)[:take]:
            doc_id = int(self.grouped_docs[rows[i]])
            score = float(similarity[i])
            for (unit, extended), _ in self.codes[doc_id].most_common():
                if score > by_meaning.get(unit, (0.0, ""))[0]:
                    by_meaning[unit] = (score, extended)
                    closest[unit] = doc_id
        described = self._f32("unit_vectors") @ vector
        context_vector = (
            self.table.embed(tuple(context), [self._weight(w) for w in context])
            if context
            else None
        )
        lexical = {unit: (score, extended) for score, unit, extended in ranked}
        merged = []
        for unit in set(lexical) | set(by_meaning):
            lex, extended = lexical.get(unit, (0.0, ""))
            meaning, near_extended = by_meaning.get(unit, (0.0, ""))
            i = bisect_code(self.unit_codes, unit)
            score = (
                lex
                + SEMANTIC_WEIGHT * meaning
                + DESCRIPTION_WEIGHT * float(described[i] if i is not None else 0.0)
            )
            if context_vector is not None and i is not None:
                unit_vectors = self._f32("unit_vectors")
                score += RANKED_CONTEXT_WEIGHT * float(unit_vectors[i] @ context_vector)
            merged.append(
                (
                    score / (1 + SEMANTIC_WEIGHT + DESCRIPTION_WEIGHT),
                    unit,
                    extended or near_extended,
                )
            )
        merged.sort(reverse=True)
        reason = ""
        if merged and merged[0][1] in closest:
            nearest_title = " ".join(self.keys[closest[merged[0][1]]])
            reason = f'nearest in meaning to the index title "{nearest_title}"'
        return merged[:10], Method.SEMANTIC, reason

    def _read_again(self, title, core, key, plain, words) -> Result | None:
        """A title with words cut short, run together or misspelt, read so that it is one the
        coding index holds ("architectural technolo": architectural technologist;
        "windowcleaner": window cleaner). Where readings lead to different unit groups
        ("trainee acco": accountant or accompanist) it goes to review with each."""
        found = []
        # The words as written first ("city centre manager"), then without place, pay and
        # contract words ("centre manager"), as `_indexed` does.
        for reading in (key != plain and self._readings(key)) or self._readings(plain):
            result = self._indexed(title, core, reading, reading, words)
            if result and result.candidates:
                found.append((reading, result))
        if not found:
            return None
        (reading, result), others = found[0], found[1:]
        read_as = f'read as "{" ".join(reading)}"'
        rivals = [(r, res) for r, res in others if res.candidates[0].code != result.code]
        if not rivals:
            return replace(result, reason=f"{read_as}; {result.reason}".rstrip("; "))
        firsts = [result.candidates[0], *(res.candidates[0] for _, res in rivals)]
        candidates = _distinct(firsts + list(result.candidates[1:]))
        share = 1 / len(firsts)  # nothing says which reading is meant
        candidates = [replace(c, confidence=min(c.confidence, share)) for c in candidates]
        also = "; ".join(f'"{" ".join(r)}"' for r, _ in rivals[:3])
        return replace(
            result,
            status=Status.NEEDS_REVIEW,
            candidates=tuple(candidates[:5]),
            reason=f"words cut short: {read_as}, but they could also be {also}",
        )

    def _readings(self, words) -> list[tuple[str, ...]]:
        """Readings of `words` whose unknown words are completed, split in two or corrected,
        commonest first, that the coding index holds (with or without grade words). A word
        shorter than five letters is completed only beside known words."""
        known = [w for w in words if w in self.matcher.idf]
        if len(known) == len(words):
            return []
        options = []
        for word in words:
            if word in self.matcher.idf or word in NOISE or word in PLACES:
                options.append([(word,)])  # a place is not misspelt: "Poole" is not "pool"
                continue
            readings = []
            if len(word) >= 5 or (known and len(word) >= 3):
                readings += [(w,) for w in self.matcher.completions(word, limit=200)]
            readings += [
                (word[:i], word[i:])
                for i in range(3, len(word) - 2)
                if word[:i] in self.matcher.idf and word[i:] in self.matcher.idf
            ]
            # (what `matcher.correct` would choose is among the completions or these)
            readings += [(w,) for w in self.matcher.one_edit(word) if len(w) >= 3]
            readings = sorted(
                dict.fromkeys(readings), key=lambda r: -min(self.matcher.df.get(w, 0) for w in r)
            )
            options.append(readings[:COMPLETION_READINGS])
        found = []
        for reading in itertools.islice(itertools.product(*options), COMPLETION_TRIES):
            candidate = tuple(w for part in reading for w in part)
            stripped = tuple(w for w in candidate if w not in GRADES)
            if candidate in self.exact or (stripped and stripped in self.exact):
                if candidate not in found:
                    found.append(candidate)
        return found[:COMPLETION_FOUND]

    def _several(self, title, named, description, industry, learned) -> Result | None:
        """Words naming two or more occupations, each one an index title: a need to split.
        It goes to review with each occupation's first code first, and the parts."""
        parts = [(w, self.code(w.occupation, description, industry, learned)) for w in named]
        if not all(r.method in INDEX_METHODS and r.candidates for _, r in parts):
            return None
        firsts = [r.candidates[0] for _, r in parts]
        rest = [c for _, r in parts for c in r.candidates[1:]]
        candidates = _distinct(firsts + rest)
        names = "; ".join(w.occupation for w, _ in parts)
        return Result(
            str(title),
            Status.NEEDS_REVIEW,
            Method.SEVERAL,
            tuple(candidates[:5]),
            VERSION,
            f"names {len(parts)} occupations ({names}): split it into one need for each",
            tuple((w.occupation, w.detail, r) for w, r in parts),
        )

    def _learned(self, title, plain, learned) -> Result | None:
        code = learned.get(" ".join(plain)) if learned else None
        if code:
            return self._result(title, Method.LEARNED, [(1.0, code, "")], 1.0, 1.0)
        return None

    def _indexed(self, title, core, key, plain, words) -> Result | None:
        """The coding index: as written, normalised, then with grade words taken off."""
        for attempt, method in ((key, Method.EXACT), (plain, Method.NORMALISED)):
            if attempt in self.exact and not (attempt in self.uncodable and not words):
                if method == Method.EXACT and fold(core).strip() not in self.index_titles:
                    method = Method.NORMALISED
                return self._from_document(title, method, self.exact[attempt], words)
        if plain in self.uncodable or key in self.uncodable:
            return self._not_codable(title, plain, words)
        for stripped in _without_grades(key) + _without_grades(plain):
            if stripped in self.uncodable and not words:  # "senior director": which one?
                return self._not_codable(title, stripped, words)
            if stripped in self.exact:
                return self._from_document(title, Method.RULE, self.exact[stripped], words)
        return None

    def _not_codable(self, title, words, context) -> Result:
        """A title ONS codes only with more information ("Director"), with candidates."""
        ranked = self._ranked(words, context)
        return self._result(title, Method.NONE, ranked, 0.0, 0.0, Status.NOT_CODABLE)

    def code_many(self, titles, descriptions=None, industries=None, learned=None) -> list[Result]:
        """Code a batch; a pure function of its inputs (see `batch.py` for processes and Dask)."""
        descriptions = descriptions or [None] * len(titles)
        industries = industries or [None] * len(titles)
        return [
            self.code(t, d, i, learned)
            for t, d, i in zip(titles, descriptions, industries, strict=True)
        ]

    # -- scoring -----------------------------------------------------------------------------

    def _from_document(self, title, method, doc_id, context) -> Result:
        counts = self.codes[doc_id]
        total = sum(counts.values())
        per_unit, extended_of = Counter(), {}
        for (unit, extended), n in counts.most_common():
            per_unit[unit] += n
            extended_of.setdefault(unit, extended)  # the most frequent extended code
        combined = self._combined(self.keys[doc_id], context)
        wanted = frozenset(self.keys[doc_id])
        named = {unit for unit, _ in counts if wanted in self.named.get(unit, ())}
        named_by = {unit: self.unit_titles.get(unit, unit) for unit in named}
        if not named and len(wanted) > 1:  # "English teacher": a sub-unit group's title,
            most = max(per_unit.values())  # but never against the index's commonest group
            named_by = {
                unit: self.extended_titles.get(extended, unit)
                for unit, extended in counts
                if wanted in self.named.get(extended, ()) and per_unit[unit] == most
            }
            named = set(named_by)
        if len(named) == len(per_unit):
            named = set()  # every unit group is named alike: nothing to choose by

        def rank(context):
            return sorted(
                (
                    (
                        PRIOR_WEIGHT * n / total
                        + NAMED_WEIGHT * (unit in named)
                        + CONTEXT_WEIGHT * self._context(unit, context)
                        + COMBINED_WEIGHT * combined.get(unit, 0.0)
                        + _status_bonus(unit, context),
                        unit,
                        extended_of[unit],
                    )
                    for unit, n in per_unit.items()
                ),
                reverse=True,
            )

        ranked = rank(context)
        share = ranked[0][0] / sum(s for s, _, _ in ranked)
        margin = ranked[0][0] - (ranked[1][0] if len(ranked) > 1 else 0.0)
        top = ranked[0][1]
        status, reason = None, ""
        if len(per_unit) > 1 and context and rank(frozenset())[0][1] != top:
            reason = (
                f"chosen among the {len(per_unit)} unit groups the index gives this title "
                f"because the description or industry fits {self.unit_titles.get(top, top)}"
            )
        elif top in named and len(per_unit) > 1:
            reason = f"the title names this unit group ({named_by[top]})"
        elif len(per_unit) > 1 and not named and margin < AMBIGUOUS_MARGIN:
            status = Status.NEEDS_REVIEW
            reason = (
                f"the coding index gives this title {len(per_unit)} unit groups and nothing "
                "here chooses between them; a description or the employer's industry would"
            )
        return self._result(title, method, ranked, share, margin, status, reason)

    def _combined(self, key, context) -> dict[str, float]:
        """Index titles that hold the whole title and words of its context ("garden centre
        manager" for "manager (garden centre)"), by unit group."""
        if not context:
            return {}
        found: dict[str, float] = {}
        wanted = set(key)
        for score, doc_id in self.matcher.search(key + tuple(sorted(context)), limit=20):
            words = set(self.keys[doc_id])
            if wanted <= words and words & context:
                for unit, _ in self.codes[doc_id]:
                    found[unit] = max(found.get(unit, 0.0), score)
        return found

    def _ranked(self, query, context) -> list[tuple[float, str, str]]:
        best: dict[str, tuple[float, str]] = {}
        for score, doc_id in self.matcher.search(query):
            counts = self.codes[doc_id]
            (unit, extended), _ = counts.most_common(1)[0]
            for (unit, extended), n in counts.items():
                value = score * (0.9 + 0.1 * n / sum(counts.values()))
                if value > best.get(unit, (0.0, ""))[0]:
                    best[unit] = (value, extended)
        ranked = [
            (value + RANKED_CONTEXT_WEIGHT * self._context(unit, context), unit, extended)
            for unit, (value, extended) in best.items()
        ]
        ranked.sort(reverse=True)
        return ranked[:10]

    def _context(self, unit, words) -> float:
        """How much of the context (IDF-weighted) the unit group's own text covers, 0..1."""
        weights = [(w, self.context_idf.get(w, 0.0)) for w in words]
        total = sum(weight for _, weight in weights)
        if not total:
            return 0.0
        profile = self.profiles.get(unit, frozenset())
        return sum(weight for w, weight in weights if w in profile) / total

    def _result(self, title, method, ranked, score, margin, status=None, reason="") -> Result:
        """`status` NEEDS_REVIEW is an ambiguity the caller found: `score` is then the first
        code's share, and the confidence is never above it, so that a title sent to a person
        never reads "high confidence: coded automatically"."""
        confidence = calibration.confidence("soc", method, score, margin)
        if method in (Method.NORMALISED, Method.RULE):
            # a title read by a rule is never surer than the index title it was read as
            confidence = min(confidence, calibration.confidence("soc", Method.EXACT, score, margin))
        if status == Status.NEEDS_REVIEW:
            confidence = min(confidence, score)
        candidates = tuple(
            Candidate(
                unit,
                self.unit_titles.get(unit, ""),
                round(confidence if i == 0 else confidence * s / max(ranked[0][0], 1e-9) * 0.5, 3),
                extended,
                self.extended_titles.get(extended, ""),
            )
            for i, (s, unit, extended) in enumerate(ranked[:5])
        )
        if status is None:
            status = (
                Status.CODED
                if calibration.is_confident("soc", confidence, method)
                else Status.NEEDS_REVIEW
            )
        return Result(str(title), status, method, candidates, VERSION, reason)


#: ONS index qualifiers that say the job needs a professional qualification: they point to
#: the professional (2) or associate professional (3) major groups.
STATUS_QUALIFIERS = {"professional": "2", "qualified": "23", "chartered": "2"}
STATUS_BONUS = 0.3


def _distinct(candidates) -> list[Candidate]:
    """`candidates` in order, each unit group once (its first appearance kept)."""
    seen: set[str] = set()
    return [c for c in candidates if not (c.code in seen or seen.add(c.code))]


def _without_grades(words: tuple[str, ...]) -> list[tuple[str, ...]]:
    """`words` with grade words taken off, the least taken first: the first word, then
    every leading grade word, then every grade word. "Trainee coach maker's assistant" is
    a coach maker's assistant before it is a coach maker; "apprentice assistant collector"
    an assistant collector before a collector."""
    leading = 0
    while leading < len(words) and words[leading] in GRADES:
        leading += 1
    variants = [words[1:leading] + words[leading:]] if leading else []
    variants += [words[leading:], tuple(w for w in words if w not in GRADES)]
    found = []
    for variant in variants:
        if variant and variant != words and variant not in found:
            if all(w in GRADES for w in variant):  # "head assistant" is not "assistant"
                continue
            found.append(variant)
    return found


def _status_bonus(unit: str, context) -> float:
    majors = "".join(STATUS_QUALIFIERS.get(word, "") for word in context)
    return STATUS_BONUS if majors and unit[0] in majors else 0.0


def _named_occupations(title: str, generic=lambda word: True) -> frozenset:
    """The occupations a group's title names, each as its set of words: "Carpenters and
    joiners" names {carpenter} and {joiner}; "Early education and childcare assistants"
    names {early, education} and {child, care, assistant}, not {care, assistant}. A
    one-word occupation that is `generic` shares the first words of the last occupation of
    several words before it: "Sign makers and writers" names sign writers, not "writer";
    "Delivery drivers and couriers" names couriers. Words after "in", "of" or "for" belong
    to every occupation before them: "Managers and directors in retail and wholesale"
    names retail and wholesale managers, not "manager"."""
    main, _, scope = (re.split(r"\b(in|of|for)\b", fold(title), maxsplit=1) + ["", ""])[:3]
    shared = set(tokens(scope, drop_noise=False))
    named, carried = [], ()
    for item in re.split(r",|\band\b|\bor\b|/", main):
        words = tokens(item, drop_noise=False)
        if not words:
            continue
        if len(words) > 1:
            carried = words[:-1]
        elif generic(words[0]):
            words = (*carried, *words)
        named.append(frozenset({*words, *shared}))
    return frozenset(named)


def learned_key(title: str) -> str:
    """How a confirmed title is remembered: its normalised words, without brackets or noise."""
    core, _ = split_title(str(title))
    return " ".join(tokens(core))


def _profiles(units, extended_titles, documents):
    """Per unit group, the words of its title, description, tasks, extended titles and index
    titles; and the IDF of each word across unit groups."""
    index_words = defaultdict(set)
    for key, counts in documents.items():
        for unit, _ in counts:
            index_words[unit].update(key)
    profiles = {}
    for code, unit in units.items():
        text = " ".join([unit.title, unit.description, *unit.tasks])
        text += " " + " ".join(t for e, t in extended_titles.items() if e.startswith(code))
        profiles[code] = frozenset(tokens(text)) | frozenset(index_words[code])
    df = Counter(w for words in profiles.values() for w in words)
    return profiles, {w: math.log(1 + len(profiles) / n) for w, n in df.items()}


def bisect_code(codes: list[str], code: str) -> int | None:
    """Position of `code` in the sorted list `codes`, or None."""
    from bisect import bisect_left

    i = bisect_left(codes, code)
    return i if i < len(codes) and codes[i] == code else None
