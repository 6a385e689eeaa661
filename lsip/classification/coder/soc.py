"""Coding job titles to SOC 2020 unit groups (and extended sub-unit groups where the index
allows), following the ONS coding index and its rules.

Order of work for one title (SG Annex D asks for SOC 2020 codes for every occupation):
1. the area's learned mappings (titles a person confirmed before);
2. the coding index, title as written, then normalised (abbreviations, plurals, noise);
3. ONS coding rules for status words: trainees and apprentices are coded to the occupation
   they train for; senior, junior, deputy and similar grades do not change the unit group;
4. a ranked match over index and group titles, with misspellings corrected.
Qualifiers in brackets, the description and the industry re-rank titles the index codes in
more than one unit group.
"""

import math
from collections import Counter, defaultdict
from pathlib import Path

from lsip.classification.coder import calibration
from lsip.classification.coder.matcher import Matcher
from lsip.classification.coder.normalise import fold, split_title, tokens, unreadable
from lsip.classification.coder.result import Candidate, Method, Result, Status
from lsip.classification.coder.sources import read_soc_coding_index, read_soc_volume1

VERSION = "soc-1.0"

#: How a title the index codes several ways is decided: its share of the index rows against
#: how well the qualifier, description and industry fit each unit group (tuned on `dev`).
PRIOR_WEIGHT = 0.5
CONTEXT_WEIGHT = 1.0
RANKED_CONTEXT_WEIGHT = 0.25
COMBINED_WEIGHT = 0.5
MAX_LENGTH = 200

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

    # -- one title ---------------------------------------------------------------------------

    def code(self, title, description=None, industry=None, learned=None) -> Result:
        """Code one job title; `description` and `industry` are optional context and
        `learned` maps normalised titles to codes a person confirmed before."""
        status = unreadable(title, MAX_LENGTH)
        if status:
            return Result(str(title or ""), status, coder_version=VERSION)
        core, context = split_title(title)
        context_text = " ".join(str(x) for x in (context, description, industry) if x)
        words = set(tokens(context_text))
        key, plain = tokens(core, drop_noise=False), tokens(core)
        found = self._learned(title, plain, learned) or self._indexed(
            title, core, key, plain, words
        )
        if found:
            return found
        corrected = tuple(self.matcher.correct(w) for w in plain)
        if corrected != plain and corrected in self.exact:
            return self._from_document(title, Method.NORMALISED, self.exact[corrected], words)
        ranked = self._ranked(corrected, words)
        if not ranked:
            return Result(title, Status.NEEDS_REVIEW, Method.NONE, (), VERSION)
        margin = ranked[0][0] - (ranked[1][0] if len(ranked) > 1 else 0.0)
        return self._result(title, Method.RANKED, ranked, ranked[0][0], margin)

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
            ranked = self._ranked(plain, words)
            return self._result(title, Method.NONE, ranked, 0.0, 0.0, Status.NOT_CODABLE)
        stripped = tuple(w for w in plain if w not in GRADES)
        if stripped and stripped != plain and stripped in self.exact:
            return self._from_document(title, Method.RULE, self.exact[stripped], words)
        return None

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
        ranked = sorted(
            (
                (
                    PRIOR_WEIGHT * n / total
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
        share = ranked[0][0] / sum(s for s, _, _ in ranked)
        margin = ranked[0][0] - (ranked[1][0] if len(ranked) > 1 else 0.0)
        return self._result(title, method, ranked, share, margin)

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
        return ranked[:5]

    def _context(self, unit, words) -> float:
        """How much of the context (IDF-weighted) the unit group's own text covers, 0..1."""
        weights = [(w, self.context_idf.get(w, 0.0)) for w in words]
        total = sum(weight for _, weight in weights)
        if not total:
            return 0.0
        profile = self.profiles.get(unit, frozenset())
        return sum(weight for w, weight in weights if w in profile) / total

    def _result(self, title, method, ranked, score, margin, status=None) -> Result:
        confidence = calibration.confidence("soc", method, score, margin)
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
                Status.CODED if calibration.is_confident("soc", confidence) else Status.NEEDS_REVIEW
            )
        return Result(str(title), status, method, candidates, VERSION)


#: ONS index qualifiers that say the job needs a professional qualification: they point to
#: the professional (2) or associate professional (3) major groups.
STATUS_QUALIFIERS = {"professional": "2", "qualified": "23", "chartered": "2"}
STATUS_BONUS = 0.3


def _status_bonus(unit: str, context) -> float:
    majors = "".join(STATUS_QUALIFIERS.get(word, "") for word in context)
    return STATUS_BONUS if majors and unit[0] in majors else 0.0


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
