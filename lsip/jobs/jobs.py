"""The jobs app's own scheduled work."""

from lsip.jobs.cleanup import clean_uploads
from lsip.jobs.registry import Outcome, register


@register("clean-uploads")
def run_clean_uploads(job, progress) -> Outcome:
    deleted = clean_uploads()
    return Outcome(f"Deleted {deleted} upload{'s' * (deleted != 1)} no job needs any more")
