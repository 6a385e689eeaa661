"""The Marches: organisations, cycles and demo sign-ins (facts from the governance pack,
seed 000, membership as at 30/10/2025, and the Marches LSIP web page, seed 003)."""

import datetime

from django.db import transaction

from lsip.accounts.models import RoleAssignment, User
from lsip.accounts.roles import Role
from lsip.areas.models import Area, Cycle, LocalAuthority
from lsip.areas.services import create_cycle
from lsip.audit.context import acting_as
from lsip.demo import marches_board, marches_evidence, marches_plan, marches_sectors
from lsip.organisations.models import Organisation

DEMO_PASSWORD = "marches-demo-2026"
SLUG = "the-marches"

T = Organisation.Type
ORGANISATIONS = [
    # (name, type, district or "")
    ("Shropshire Chamber of Commerce", T.ERB, "Shropshire"),
    ("Herefordshire Council", T.LOCAL_AUTHORITY, "Herefordshire, County of"),
    ("Shropshire Council", T.LOCAL_AUTHORITY, "Shropshire"),
    ("Telford & Wrekin Council", T.LOCAL_AUTHORITY, "Telford and Wrekin"),
    ("Telford College", T.FE_COLLEGE, "Telford and Wrekin"),
    ("Harper Adams University", T.HIGHER_EDUCATION, ""),
    ("In-Comm", T.INDEPENDENT_TRAINING_PROVIDER, ""),
    ("Partners in Care", T.SECTOR_BODY, ""),
    ("Herefordshire Skills Board", T.OTHER, "Herefordshire, County of"),
    ("AllPay", T.EMPLOYER, "Herefordshire, County of"),
    ("Clear Design", T.EMPLOYER, "Shropshire"),
    ("Paveaways", T.EMPLOYER, "Shropshire"),
    ("Fowler & Gilbert", T.EMPLOYER, ""),
    ("DWP Wales & Marches", T.JOBCENTRE_PLUS, ""),
    ("Metro Dynamics", T.OTHER, ""),
]

#: Demo sign-ins, one per role, so that a newcomer can see what each role sees.
USERS = [
    ("erb-admin@marches.example", Role.ERB_ADMIN, None),
    ("erb-editor@marches.example", Role.ERB_EDITOR, None),
    ("board-member@marches.example", Role.BOARD_MEMBER, None),
    ("partner@marches.example", Role.PARTNER_CONTRIBUTOR, "Telford College"),
    ("reviewer@skillsengland.example", Role.SKILLS_ENGLAND_REVIEWER, None),
]


#: Job titles as employers wrote them (illustrative) that the coder sends to a person.
TITLES_TO_REVIEW = ["Operations manager", "Teacher", "Consultant", "Site manager", "Engineer"]


def load() -> Area:
    area = Area.objects.get(slug=SLUG)
    with transaction.atomic(), acting_as(None, "lsip demo"):
        organisations = _organisations(area)
        if area.erb_id is None:
            area.erb = organisations["Shropshire Chamber of Commerce"]
            area.save()
        _cycles(area)
        _users(area, organisations)
    _coding_queue(area)
    marches_sectors.load_marches_sectors(area)
    marches_evidence.load(area)
    marches_plan.load_marches_plan(area)
    marches_board.load_marches_board(area)
    from lsip.demo.marches_documents import load_marches_documents

    load_marches_documents(area)
    from lsip.demo import marches_approval

    marches_approval.load(area)
    from lsip.demo import marches_delivery

    marches_delivery.load(area)
    return area


def _coding_queue(area):
    """A few titles waiting in the coding review queue, once SOC 2020 is installed."""
    from lsip.classification import services
    from lsip.classification.coder.store import CoderFilesMissingError

    try:
        services.code_titles(
            area=area, titles=TITLES_TO_REVIEW, actor=None, source="demo: employer interviews"
        )
    except CoderFilesMissingError:
        pass


def _organisations(area):
    districts = {la.name: la for la in LocalAuthority.objects.filter(area=area)}
    organisations = {}
    for name, type_, district in ORGANISATIONS:
        organisations[name], _ = Organisation.objects.get_or_create(
            area=area,
            name=name,
            defaults={"type": type_, "local_authority": districts.get(district)},
        )
    return organisations


def _cycles(area):
    """The first LSIP's cycle (2022-2025, closed) and the statutory cycle of the new plan:
    2026 to 2029 (SG 2), with the dates of SG 3.5 (a substantive draft by 31 March 2026, the
    final version by May, publication expected in June). The board's own 2025-2028 dates are
    the board's (docs/decisions/0021-the-lsip-period.md). A demo database made before, whose
    plan sits in a 2025-2028 cycle, is left as it is (cycles may not overlap)."""
    first, _ = Cycle.objects.get_or_create(
        area=area,
        start_year=2022,
        defaults={"end_year": 2025, "status": Cycle.Status.CLOSED},
    )
    start = marches_plan.CYCLE_START
    overlapping = Cycle.objects.filter(area=area, start_year__lt=start + 3, end_year__gt=start)
    if not overlapping.exists():
        create_cycle(
            area=area,
            start_year=start,
            actor=None,
            previous=first,
            status=Cycle.Status.DEVELOPING,
            substantive_draft_due=datetime.date(2026, 3, 31),
            final_due=datetime.date(2026, 5, 31),
            publication_due=datetime.date(2026, 6, 30),
        )


def _users(area, organisations):
    for email, role, organisation in USERS:
        user, created = User.objects.get_or_create(username=email, defaults={"email": email})
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        national = role == Role.SKILLS_ENGLAND_REVIEWER
        RoleAssignment.objects.get_or_create(
            user=user,
            role=role,
            area=None if national else area,
            defaults={"organisation": organisations.get(organisation)},
        )
