"""Employers' feedback on whether the changes made under the LSIP are working for them (SG 6:
"seeking feedback from employers on the effectiveness of any changes that are being or have
been implemented locally as a result of the LSIP").

The form is public (no account). Spam is kept out by a honeypot field a person never sees
and by a limit of `LSIP_FEEDBACK_PER_HOUR` answers an hour from one address (kept only as a
keyed hash). The answer is linked to the employer's record when the name or the email's
domain matches an employer of the area.
"""

import datetime
import hashlib
import hmac
from collections import Counter
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from lsip.audit.context import acting_as
from lsip.delivery.models import Feedback
from lsip.organisations.models import Organisation


class SpamError(Exception):
    """The answer looks automated or comes too often; the message says what to do."""


def sender_of(address: str) -> str:
    """A keyed hash of the sender's address: enough to count, not to identify."""
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, (address or "").encode(), hashlib.sha256).hexdigest()


def known_employer(area, name: str, email: str):
    """The area's employer with this name (any case), else the one whose website has the
    email's domain; None when not known."""
    employers = Organisation.objects.filter(area=area, type=Organisation.Type.EMPLOYER)
    if name.strip():
        found = employers.filter(name__iexact=name.strip()).first()
        if found:
            return found
    domain = email.rpartition("@")[2].strip().lower()
    if domain:
        for employer in employers.exclude(website=""):
            host = (urlsplit(employer.website.strip().lower()).hostname or "").removeprefix("www.")
            # The same domain, or a mail domain under the website's (staff.example.org for
            # example.org); never a mere substring (care.example is not ludlowcare.example).
            if host and (domain == host or domain.endswith("." + host)):
                return employer
    return None


def record_feedback(
    *, priority, working, comments="", employer_name="", contact_email="", address="", honeypot=""
):
    """Record one answer, or raise SpamError (the honeypot was filled, or too many answers
    have come from this address in the last hour)."""
    if (honeypot or "").strip():
        raise SpamError("Your answer could not be recorded")
    sender = sender_of(address)
    since = timezone.now() - datetime.timedelta(hours=1)
    if (
        Feedback.objects.filter(sender=sender, created_on__gte=since).count()
        >= settings.LSIP_FEEDBACK_PER_HOUR
    ):
        raise SpamError("Too many answers have come from your connection: try again in an hour")
    area = priority.plan.area
    feedback = Feedback(
        priority=priority,
        working=working,
        comments=comments.strip(),
        employer_name=employer_name.strip(),
        contact_email=contact_email.strip(),
        organisation=known_employer(area, employer_name, contact_email),
        sender=sender,
    )
    feedback.full_clean()
    with transaction.atomic(), acting_as(None, "public feedback form"):
        feedback.save()
    return feedback


@dataclass
class PrioritySummary:
    priority: object
    total: int
    counts: dict  # Working value -> count
    known_employers: int

    @property
    def rows(self):
        return [(label, self.counts.get(value, 0)) for value, label in Feedback.Working.choices]

    @property
    def working_share(self) -> int | None:
        """Per cent answering yes or partly, of those who answered."""
        if not self.total:
            return None
        good = self.counts.get("yes", 0) + self.counts.get("partly", 0)
        return round(good * 100 / self.total)


def summary(plan) -> list[PrioritySummary]:
    """Each priority of the plan with how many employers said the changes are working."""
    result = []
    for priority in plan.priorities.order_by("position", "created_on"):
        answers = list(Feedback.objects.filter(priority=priority).values("working", "organisation"))
        result.append(
            PrioritySummary(
                priority,
                len(answers),
                dict(Counter(a["working"] for a in answers)),
                len({a["organisation"] for a in answers if a["organisation"]}),
            )
        )
    return result
