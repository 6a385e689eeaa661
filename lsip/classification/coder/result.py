"""What the coder returns for one text."""

from dataclasses import dataclass, field


class Status:
    """The outcome for one text; anything but CODED needs a person or better input."""

    CODED = "coded"
    NEEDS_REVIEW = "needs review"
    EMPTY = "empty"
    TOO_LONG = "too long"
    NO_WORDS = "no words"  # numbers or punctuation only
    NOT_LATIN = "not in the Latin alphabet"
    NOT_CODABLE = "no code without more information"


class Method:
    LEARNED = "learned mapping"
    EXACT = "exact index title"
    NORMALISED = "normalised title"
    RULE = "coding rule"
    RANKED = "ranked match"
    SEMANTIC = "ranked match with meaning"
    SEVERAL = "several occupations"
    NONE = "none"


@dataclass(frozen=True)
class Candidate:
    code: str
    title: str
    confidence: float
    extended_code: str = ""
    extended_title: str = ""


@dataclass(frozen=True)
class Result:
    text: str
    status: str
    method: str = Method.NONE
    candidates: tuple[Candidate, ...] = field(default_factory=tuple)
    coder_version: str = ""
    #: Why the first candidate was chosen, or why the text needs a person, in words.
    reason: str = ""
    #: For words naming several occupations: (occupation, detail, Result) for each.
    parts: tuple = ()

    @property
    def code(self) -> str:
        """The chosen code, or "" when the text needs review or could not be coded."""
        return self.candidates[0].code if self.status == Status.CODED else ""

    @property
    def confidence(self) -> float:
        return self.candidates[0].confidence if self.candidates else 0.0

    @property
    def needs_review(self) -> bool:
        return self.status != Status.CODED
