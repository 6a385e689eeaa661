"""The stages a job-postings import reports its progress in, and the callback's shape."""

from collections.abc import Callable

#: progress(done, total, stage): stage is one of the labels below.
Progress = Callable[[int, int, str], None]
READING, PLACES, CODING, COUNTING, STORING = (
    "Reading adverts",
    "Matching places",
    "Coding titles to SOC 2020",
    "Counting",
    "Storing figures",
)


def quiet(done: int, total: int, stage: str) -> None:
    """The progress callback used when the caller gives none: reports nothing."""
