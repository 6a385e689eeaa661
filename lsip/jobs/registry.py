"""The kinds of long work lsip runs as jobs. Each app registers its own in its `jobs.py`:

    @register("engagement-import", capability=Capability.EDIT_AREA)
    def run_engagement_import(job, progress) -> Outcome: ...

A runner does its writes in one transaction, reports progress, and returns an Outcome; bad
input raises JobRejectedError with every problem (row, field, reason), and nothing is changed."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class Outcome:
    """How a job ended well: one sentence, a link to what it made, a file to download."""

    summary: str
    link: str = ""
    link_text: str = ""
    result_file: str = ""


@dataclass
class Problem:
    """One reason the input was refused, as the person must read it."""

    reason: str
    row: int | None = None
    field: str = ""
    value: str = ""

    def as_dict(self) -> dict:
        return {"row": self.row, "field": self.field, "value": self.value, "reason": self.reason}


class JobRejectedError(Exception):
    """The input cannot be used; nothing was changed. `problems` lists every reason."""

    def __init__(
        self, message: str, problems: list[Problem] = (), link: str = "", link_text: str = ""
    ):
        super().__init__(message)
        self.problems = list(problems)
        self.link, self.link_text = link, link_text


@dataclass(frozen=True)
class Kind:
    name: str
    run: Callable


_KINDS: dict[str, Kind] = {}


def register(name: str):
    """Register `run(job, progress) -> Outcome` as the runner of jobs of kind `name`."""

    def decorate(run):
        _KINDS[name] = Kind(name=name, run=run)
        return run

    return decorate


def kind(name: str) -> Kind:
    try:
        return _KINDS[name]
    except KeyError:
        known = ", ".join(sorted(_KINDS))
        raise LookupError(f"no job of kind {name!r}; known kinds: {known}") from None
