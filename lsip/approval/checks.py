"""The readiness checks: each test the statutory guidance implies for a plan's approval, as a
plain function of the plan returning a `Result`. They read the live data (the plan, the
engagement record, the directory, the board) and never change it.

Each check is registered with `@check(id, statement, section)`; `lsip.approval.readiness`
runs them in the order they are registered. Judgement calls (how many priorities, what share
of SMEs) are read from `settings.LSIP_READINESS` (docs/approval.md says why each default).
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Q
from django.urls import reverse

from lsip.plans.models import Action, Activity, ContextLink, Duty, Plan

PASS, WARNING, FAIL = "pass", "warning", "fail"
#: Results from best to worst.
ORDER = {PASS: 0, WARNING: 1, FAIL: 2}

DEFAULTS = {
    "PRIORITIES_MIN": 4,
    "PRIORITIES_MAX": 6,
    "MAIN_BODY_PAGES": 30,
    "EMPLOYERS_PER_GROUP": 1,
    "SME_SHARE": 0.5,
    "NON_MEMBER_SHARE": 0.5,
}


def threshold(name: str):
    """A judgement call of the checker: `settings.LSIP_READINESS[name]`, else its default."""
    return getattr(settings, "LSIP_READINESS", {}).get(name, DEFAULTS[name])


@dataclass
class Result:
    """What one check found: its id, the rule in one line, where the guidance says it, the
    result (pass, warning or fail), what was found, and where to fix it."""

    id: str
    statement: str
    section: str
    result: str
    found: str
    fix_url: str = ""
    items: list = field(default_factory=list)
    #: A failure here stops submission outright (the plan "will not be approved"), where any
    #: other failure only asks the person to confirm.
    blocks_submission: bool = False

    def as_dict(self) -> dict:
        return {
            "id": self.id,
            "statement": self.statement,
            "section": self.section,
            "result": self.result,
            "found": self.found,
            "fix_url": self.fix_url,
            "blocks_submission": self.blocks_submission,
        }


@dataclass(frozen=True)
class Check:
    id: str
    statement: str
    section: str
    function: object

    def run(self, plan: Plan) -> Result:
        result, found, *rest = self.function(plan)
        fix = rest[0] if rest else ""
        extra = rest[1] if len(rest) > 1 else {}
        return Result(self.id, self.statement, self.section, result, found, fix, **extra)


#: Every check, in the order the checker shows them.
CHECKS: list[Check] = []


def check(id: str, statement: str, section: str):
    """Register a check: the function returns (result, found[, fix url[, extra fields]])."""

    def register(function):
        CHECKS.append(Check(id, statement, section, function))
        function.check_id = id
        return function

    return register


def _url(name: str, plan: Plan, **kwargs) -> str:
    kwargs.setdefault("area_slug", plan.area.slug)
    return reverse(name, kwargs=kwargs)


def _plan_url(name: str, plan: Plan) -> str:
    return _url(name, plan, pk=plan.pk)


def _names(items, most: int = 5) -> str:
    names = [f"“{item}”" for item in items]
    if len(names) > most:
        return ", ".join(names[:most]) + f" and {len(names) - most} more"
    return ", ".join(names)


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


# The plan's content ---------------------------------------------------------------------------


@check(
    "priorities-count",
    "The plan sets out around 4 to 6 overarching priorities.",
    "SG Annex A (1. Local skill needs)",
)
def priorities_count(plan: Plan):
    """SG Annex A: "We expect each area to identify around 4 to 6 overarching priorities."
    None is a failure; outside the range a warning, as "around" allows it (decision 0060)."""
    count = plan.priorities.count()
    low, high = threshold("PRIORITIES_MIN"), threshold("PRIORITIES_MAX")
    found = f"The plan has {_plural(count, 'priority', 'priorities')}."
    fix = _plan_url("plans:plan-detail", plan)
    if count == 0:
        return FAIL, found, fix
    if not low <= count <= high:
        return WARNING, f"{found} The guidance expects around {low} to {high}.", fix
    return PASS, found, fix


@check(
    "strategic-authority-priorities",
    "Every Strategic Authority sector skills priority is reflected in the plan.",
    "SG 3.5 (in a non-devolved area, the local economic plans: SG 2.2)",
)
def strategic_authority_priorities(plan: Plan):
    """SG 3.5: "every LSIP must reflect the Strategic Authority's sector skills priorities.
    If it does not, the plan will not be approved", even when a disagreement goes to the
    Secretary of State: in a devolved area a priority marked not reflected fails and stops
    submission outright. In an area with no Strategic Authority the local priorities come
    from the local authorities' economic plans, which the plan "should" reflect (SG 2.2): a
    warning (docs/decisions/0020-strategic-authority-priorities.md)."""
    links = list(
        plan.context_links.filter(kind=ContextLink.Kind.STRATEGIC_AUTHORITY).order_by(
            "position", "created_on"
        )
    )
    fix = _plan_url("plans:context-list", plan)
    area = plan.area
    unreflected = [link for link in links if not link.reflected]
    if area.is_devolved:
        if unreflected:
            return (
                FAIL,
                f"The plan cannot be submitted: it does not reflect {area.strategic_authority}'s "
                f"sector skills priorit{'ies' if len(unreflected) > 1 else 'y'} "
                f"{_names(unreflected)}. Every LSIP must reflect the Strategic Authority's "
                "sector skills priorities or it will not be approved (statutory guidance, "
                "section 3.5).",
                fix,
                {"items": unreflected, "blocks_submission": True},
            )
        if not links:
            return (
                WARNING,
                f"No sector skills priority of {area.strategic_authority} is recorded in the "
                "plan's context, so none can be shown to be reflected.",
                fix,
            )
        return PASS, f"All {_plural(len(links), 'priority', 'priorities')} reflected.", fix
    if unreflected:
        return (
            WARNING,
            f"The plan does not reflect the local economic plans' priorit"
            f"{'ies' if len(unreflected) > 1 else 'y'} {_names(unreflected)}. A plan should "
            "reflect the sector priorities of the local authorities' economic plans "
            "(statutory guidance, section 2.2).",
            fix,
            {"items": unreflected},
        )
    if not links:
        return (
            WARNING,
            "No priority of the local authorities' economic plans is recorded in the plan's "
            "context.",
            fix,
        )
    return PASS, f"All {_plural(len(links), 'local priority', 'local priorities')} reflected.", fix


@check(
    "industrial-strategy-sectors",
    "Each Industrial Strategy sector is considered: prioritised, or a statement says why not.",
    "SG 2.1, SG 3.5 (approval tests), SG Annex A (Strategic and economic context)",
)
def industrial_strategy_sectors(plan: Plan):
    """SG 3.5: the Secretary of State must be satisfied that the Industrial Strategy
    priorities were considered "to the extent that they have relevance to the area"; Annex A
    asks the plan to identify "which of the Industrial Strategy sectors are important". Each
    national growth-driving and foundation sector (SG 2.1) is considered when a priority
    covers it or the plan's context has a statement on it (a link with no statement says
    nothing, so does not count)."""
    from lsip.sectors.models import Sector

    national = list(Sector.objects.filter(area__isnull=True).order_by("kind", "name"))
    from lsip.plans.models import Priority

    covered = set(
        Priority.sectors.through.objects.filter(priority__plan=plan).values_list(
            "sector_id", flat=True
        )
    )
    covered |= {
        sector.based_on_id for sector in Sector.objects.filter(pk__in=covered) if sector.based_on_id
    }
    # A sector not prioritised is considered only where the plan says something about it.
    links = plan.context_links.filter(kind=ContextLink.Kind.INDUSTRIAL_STRATEGY).exclude(
        statement__regex=r"^\s*$"
    )
    stated_ids = set(links.exclude(sector=None).values_list("sector_id", flat=True))
    stated_names = {name.casefold() for name in links.values_list("name", flat=True)}
    missing = [
        s
        for s in national
        if s.pk not in covered and s.pk not in stated_ids and s.name.casefold() not in stated_names
    ]
    fix = _plan_url("plans:context-list", plan)
    if not national:
        return WARNING, "No national sectors are installed to check against.", fix
    if len(missing) == len(national):
        return FAIL, "No Industrial Strategy sector is prioritised or stated on.", fix
    if missing:
        return (
            WARNING,
            f"{_plural(len(missing), 'sector')} neither prioritised nor stated on: "
            f"{_names(missing, most=10)}.",
            fix,
            {"items": missing},
        )
    return PASS, f"All {len(national)} national sectors considered.", fix


@check(
    "occupations-soc",
    "Every occupation in Annex A has a SOC 2020 code, or a definition and the reason for none.",
    "SG Annex A (Annex A), SG Annex D",
)
def occupations_soc(plan: Plan):
    """SG Annex A: the annex maps the key occupations to SOC codes and, where a role has no
    SOC code, gives "clear definitions, together with the rationale for why a SOC has not
    been used". An empty table fails: the annexed table is asked for."""
    entries = list(plan.occupations.all())
    fix = _plan_url("plans:occupation-list", plan)
    if not entries:
        return FAIL, "Annex A has no occupations.", fix
    lacking = [
        e
        for e in entries
        if not e.soc_codes and not ((e.definition or "").strip() and (e.rationale or "").strip())
    ]
    if lacking:
        return (
            FAIL,
            f"{_plural(len(lacking), 'occupation')} without a SOC 2020 code, definition and "
            f"reason: {_names(lacking)}.",
            fix,
            {"items": lacking},
        )
    coded = sum(1 for e in entries if e.soc_codes)
    return PASS, f"{coded} of {_plural(len(entries), 'occupation')} coded to SOC 2020.", fix


@check(
    "industries-sic",
    "The industries targeted have SIC 2007 codes.",
    "SG 3.4, SG Annex A (Annex A), SG Annex D",
)
def industries_sic(plan: Plan):
    """SG 3.4: "Standard SIC ... categorisations should be used to describe industries ...
    where possible"; Annex A maps the key industries to SIC codes. An Annex A row or a
    priority with neither its own SIC codes nor a sector defined by them is a warning
    ("where possible")."""
    fix = _plan_url("plans:occupation-list", plan)
    entries = list(plan.occupations.select_related("sector"))
    rows = [e for e in entries if not e.sic_codes and not (e.sector and e.sector.sic_codes)]
    priorities = [
        p
        for p in plan.priorities.prefetch_related("sectors")
        if not p.sic_codes and not any(s.sic_codes for s in p.sectors.all())
    ]
    if not entries and not plan.priorities.exists():
        return FAIL, "The plan names no industries yet.", fix
    if rows or priorities:
        return (
            WARNING,
            f"No SIC 2007 code for {_names(rows + priorities)}.",
            fix,
            {"items": rows + priorities},
        )
    return PASS, "Every Annex A row and priority has SIC 2007 codes.", fix


@check(
    "net-zero",
    "The skills for net zero, climate adaptation and other environmental goals are considered.",
    "Skills and Post-16 Education Act 2022 s1(6), SG 2.2, SG 3.5 (approval tests)",
)
def net_zero(plan: Plan):
    """SG 2.2: "all LSIPs must also consider the skills required to ... support, Net Zero,
    adaptation to climate change or other environmental goals" (the Act, s1(6)); SG 3.5
    makes it an approval test. Net zero unconsidered fails; adaptation or other goals
    unconsidered warns."""
    kinds = {d.kind for d in plan.duties.all() if (d.how_considered or "").strip()}
    fix = _plan_url("plans:duty-list", plan)
    if Duty.Kind.NET_ZERO not in kinds:
        return FAIL, "The plan does not say how it considered net zero.", fix
    others = [
        Duty.Kind(k).label for k in (Duty.Kind.ADAPTATION, Duty.Kind.ENVIRONMENT) if k not in kinds
    ]
    if others:
        return WARNING, f"Net zero considered; not yet: {', '.join(others).lower()}.", fix
    return PASS, "Net zero, climate adaptation and other environmental goals considered.", fix


@check(
    "equality",
    "Equality of opportunity is considered.",
    "SG 2.2, SG Annex A (Annex C 4. Equality of Opportunity)",
)
def equality(plan: Plan):
    """SG 2.2: "Full consideration should also be given to equality of opportunity"; Annex C
    asks the plan to describe it. Not an approval test of SG 3.5, so missing is a warning."""
    fix = _plan_url("plans:duty-list", plan)
    duty = plan.duties.filter(kind=Duty.Kind.EQUALITY).first()
    if duty is None or not (duty.how_considered or "").strip():
        return WARNING, "The plan does not say how it considered equality of opportunity.", fix
    return PASS, "Equality of opportunity considered.", fix


# Engagement -------------------------------------------------------------------------------------


def _engaged(plan: Plan):
    """The plan's area's employers engaged in the plan's cycle or in no cycle."""
    from lsip.engagement.models import Engagement
    from lsip.organisations.models import Organisation

    links = Engagement.organisations.through.objects.filter(
        Q(engagement__cycle=plan.cycle) | Q(engagement__cycle__isnull=True),
        engagement__area=plan.area,
    )
    return Organisation.objects.filter(
        area=plan.area, pk__in=links.values("organisation_id")
    ).order_by()


def _engaged_employers(plan: Plan):
    from lsip.organisations.models import Organisation

    return _engaged(plan).filter(type=Organisation.Type.EMPLOYER)


def _breadth_url(plan: Plan) -> str:
    return _url("engagement:breadth", plan)


@check(
    "employers-sizes",
    "Employers of all sizes are engaged, SMEs included.",
    "SG 3.5 (approval tests), SG 5.1",
)
def employers_sizes(plan: Plan):
    """SG 3.5: engagement "with a wide range of employers of all sizes"; SG 5.1 asks for
    small and medium-sized employers in particular. No employer engaged fails; a size band
    with fewer than EMPLOYERS_PER_GROUP, or SMEs under SME_SHARE of those whose size is
    known, warns."""
    from lsip.organisations.models import SizeBand

    employers = _engaged_employers(plan)
    fix = _breadth_url(plan)
    total = employers.count()
    if not total:
        return FAIL, "No employer is recorded as engaged.", fix
    counts = {band: employers.filter(size_band=band).count() for band in SizeBand.values}
    fewest = threshold("EMPLOYERS_PER_GROUP")
    thin = [SizeBand(band).label.split(" (")[0].lower() for band, n in counts.items() if n < fewest]
    known = sum(counts.values())
    smes = known - counts.get(SizeBand.LARGE, 0)
    share = smes / known if known else 0
    found = (
        f"{_plural(total, 'employer')} engaged; "
        + ", ".join(f"{SizeBand(b).label.split(' (')[0].lower()} {n}" for b, n in counts.items())
        + f"; size not known {total - known}."
    )
    problems = []
    if thin:
        problems.append(f"fewer than {fewest} {', '.join(thin)}")
    if share < threshold("SME_SHARE"):
        problems.append(f"SMEs are {share:.0%} of those of known size")
    if problems:
        return WARNING, f"{found} Thin: {'; '.join(problems)}.", fix
    return PASS, found, fix


@check(
    "employers-public-private",
    "Employers from both the public and the private sector are engaged.",
    "SG 3.5 (approval tests), SG 5.1",
)
def employers_public_private(plan: Plan):
    """SG 3.5: employers "from both the public and private sector". Neither fails; one
    without the other (fewer than EMPLOYERS_PER_GROUP) warns."""
    from lsip.organisations.models import Ownership

    employers = _engaged_employers(plan)
    fix = _breadth_url(plan)
    public = employers.filter(ownership=Ownership.PUBLIC).count()
    private = employers.filter(ownership=Ownership.PRIVATE).count()
    found = f"Public sector {public}, private sector {private}."
    fewest = threshold("EMPLOYERS_PER_GROUP")
    if public < fewest and private < fewest:
        return FAIL, found, fix
    if public < fewest or private < fewest:
        return WARNING, found, fix
    return PASS, found, fix


@check(
    "employers-beyond-membership",
    "Employer engagement reaches beyond the ERB's membership.",
    "SG 5.1, SG Annex A (Annex C 2. Demonstrate Alignment)",
)
def employers_beyond_membership(plan: Plan):
    """SG Annex A (Annex C): employer engagement "should extend beyond the membership of the
    Employer Representative Body". No engaged employer known not to be a member warns, as
    does a share of non-members under NON_MEMBER_SHARE of those whose membership is known."""
    employers = _engaged_employers(plan)
    fix = _breadth_url(plan)
    members = employers.filter(erb_member=True).count()
    others = employers.filter(erb_member=False).count()
    found = f"Members of the ERB {members}, not members {others}."
    known = members + others
    if not known:
        return WARNING, "No engaged employer's ERB membership is recorded.", fix
    if others < threshold("EMPLOYERS_PER_GROUP") or others / known < threshold("NON_MEMBER_SHARE"):
        return WARNING, found, fix
    return PASS, found, fix


#: SG 3.5's provider types, each with the directory's types that count as it.
PROVIDER_KINDS = [
    ("FE college", ("fe_college", "designated_institution")),
    ("sixth form college", ("sixth_form_college",)),
    ("independent training provider", ("itp",)),
    ("higher education provider", ("he_provider",)),
    ("local authority provider", ("la_provider",)),
]


@check(
    "providers-engaged",
    "Every kind of provider is engaged: FE and sixth form colleges, independent training "
    "providers, higher education and local authority providers.",
    "SG 3.5 (approval tests), SG 5.3, SG Annex A (Annex C 2)",
)
def providers_engaged(plan: Plan):
    """SG 3.5: engagement "with diverse range of provider types, including HE providers, FE
    colleges, local authority providers, independent training providers and others". No
    provider engaged fails; a kind missing warns (an area may have none of a kind: the plan
    then says so in Annex C)."""
    types = set(_engaged(plan).values_list("type", flat=True))
    missing = [label for label, kinds in PROVIDER_KINDS if not types & set(kinds)]
    fix = _url("engagement:engagement-list", plan)
    if len(missing) == len(PROVIDER_KINDS):
        return FAIL, "No provider is recorded as engaged.", fix
    if missing:
        return WARNING, f"Not engaged: {', '.join(missing)}.", fix
    return PASS, "Every kind of provider engaged.", fix


OTHER_STAKEHOLDERS = ("careers_service", "trade_union", "sector_body", "local_authority")


@check(
    "stakeholders-engaged",
    "Jobcentre Plus and the wider stakeholders are engaged.",
    "SG 2.2, SG 3, SG 3.5 (approval tests), SG 5.4, SG 5.5",
)
def stakeholders_engaged(plan: Plan):
    """SG 3: the collaboration "should include Jobcentres, careers services, and other local
    and regional stakeholders, such as sector bodies and trade unions"; SG 3.5 asks for wider
    stakeholders and delivery partners. Jobcentre Plus missing fails (SG 2.2 names it in the
    join-up aim); no other stakeholder warns."""
    types = set(_engaged(plan).values_list("type", flat=True))
    fix = _url("engagement:engagement-list", plan)
    others = sorted(types & set(OTHER_STAKEHOLDERS))
    if "jobcentre_plus" not in types:
        return FAIL, "Jobcentre Plus is not recorded as engaged.", fix
    if not others:
        return WARNING, "Jobcentre Plus engaged; no careers service, union or sector body.", fix
    return PASS, f"Jobcentre Plus and {_plural(len(others), 'other kind')} engaged.", fix


# Actions, activities and outcomes ---------------------------------------------------------------


@check(
    "actions-outcomes",
    "Every action says its expected outcomes and how they will be measured.",
    "SG 2.2, SG 3.4, SG Annex A (2. Agreed changes / actions needed)",
)
def actions_outcomes(plan: Plan):
    """SG 2.2: "a clear and focused set of changes and overarching actions, together with
    details of how progress and impact will be measured"; Annex A section 2 describes "the
    expected outcomes and impacts, and how they will be measured"."""
    actions = list(Action.objects.filter(priority__plan=plan).order_by("priority__position"))
    fix = _plan_url("plans:plan-detail", plan)
    if not actions:
        return FAIL, "The plan has no actions.", fix
    lacking = [
        a
        for a in actions
        if not (a.expected_outcomes or "").strip() or not (a.measures or "").strip()
    ]
    if lacking:
        return (
            FAIL,
            f"{_plural(len(lacking), 'action')} without outcomes or measures: {_names(lacking)}.",
            fix,
            {"items": lacking},
        )
    return PASS, f"All {_plural(len(actions), 'action')} have outcomes and measures.", fix


@check(
    "activities-complete",
    "Every Annex B activity has a lead, partners, timescales and milestones, expected "
    "outcomes and a measure.",
    "SG Annex A (Annex B)",
)
def activities_complete(plan: Plan):
    """SG Annex A (Annex B): for each activity the table "should clearly specify" the lead
    organisations, supporting partners, timescales (start, finish, key milestones), expected
    outcomes and monitoring and measurement. An action with no activity warns."""
    activities = list(
        Activity.objects.filter(action__priority__plan=plan)
        .prefetch_related("leads", "partners")
        .order_by("action__priority__position", "action__position", "position")
    )
    fix = _plan_url("plans:plan-detail", plan)
    if not activities:
        return FAIL, "Annex B has no activities.", fix
    lacking = []
    for activity in activities:
        missing = []
        if not activity.leads.all():
            missing.append("lead")
        if not activity.partners.all():
            missing.append("partners")
        if not (activity.start and activity.end):
            missing.append("timescales")
        if not (activity.milestones or "").strip():
            missing.append("milestones")
        if not (activity.expected_outcomes or "").strip():
            missing.append("outcomes")
        if not (activity.measures or "").strip():
            missing.append("measure")
        if missing:
            lacking.append(f"{activity} (no {', '.join(missing)})")
    if lacking:
        return (
            FAIL,
            f"{_plural(len(lacking), 'activity', 'activities')} incomplete: "
            f"{'; '.join(lacking[:5])}{' and more' if len(lacking) > 5 else ''}.",
            fix,
        )
    bare = list(Action.objects.filter(priority__plan=plan, activities=None))
    if bare:
        return WARNING, f"Actions with no activity: {_names(bare)}.", fix, {"items": bare}
    return PASS, f"All {_plural(len(activities), 'activity', 'activities')} complete.", fix


@check(
    "outcomes-measured",
    "The plan's outcomes have a baseline, a target and annual milestones.",
    "SG 7",
)
def outcomes_measured(plan: Plan):
    """SG 7: "All LSIPs should include a clear set of outcomes they expect to achieve over the
    three-year cycle, together with ... the metrics that will be used": no outcome, or one
    without a baseline or a target to measure against, fails. "Consideration should be given
    to inclusion of annual milestones": an outcome missing a milestone for any of the three
    years warns (decision 0060: "should" warns)."""
    outcomes = list(plan.outcomes.all())
    fix = _plan_url("plans:outcome-list", plan)
    if not outcomes:
        return FAIL, "The plan sets no outcomes.", fix
    unmeasured = [o for o in outcomes if o.baseline is None or o.target is None]
    if unmeasured:
        return (
            FAIL,
            f"{_plural(len(unmeasured), 'outcome')} without a baseline or target: "
            f"{_names(unmeasured)}.",
            fix,
            {"items": unmeasured},
        )
    years = ("milestone_year1", "milestone_year2", "milestone_year3")
    no_milestones = [o for o in outcomes if any(getattr(o, f) is None for f in years)]
    if no_milestones:
        return (
            WARNING,
            f"{_plural(len(no_milestones), 'outcome')} without a milestone for each year: "
            f"{_names(no_milestones)}.",
            fix,
            {"items": no_milestones},
        )
    return PASS, f"All {_plural(len(outcomes), 'outcome')} measured, with annual milestones.", fix


# Governance -------------------------------------------------------------------------------------


def _board(plan: Plan):
    from lsip.governance.models import Board

    return Board.objects.filter(cycle=plan.cycle).first() or (
        Board.objects.filter(area=plan.area).order_by("-cycle__start_year").first()
    )


@check(
    "governance-described",
    "The LSIP's governance is described: a board with its terms of reference and members.",
    "SG 3.3, SG Annex A (Annex C)",
)
def governance_described(plan: Plan):
    """SG 3.3: governance reflecting the employer-led nature of the LSIP, with all
    stakeholders represented, described in Annex C."""
    board = _board(plan)
    if board is None:
        return FAIL, "The area has no board recorded.", _url("governance:board-list", plan)
    fix = _url("governance:board", plan, pk=board.pk)
    members = board.people.filter(kind="member", left_on__isnull=True).count()
    if not (board.terms_of_reference or "").strip():
        return FAIL, f"{board} has no terms of reference.", fix
    if not members:
        return FAIL, f"{board} has no members.", fix
    return PASS, f"{board}: terms of reference and {_plural(members, 'member')}.", fix


@check(
    "register-of-interests",
    "The register of interests is published with no declaration awaited, beside a conflicts "
    "of interest policy.",
    "SG Annex C",
)
def register_of_interests(plan: Plan):
    """SG Annex C: the ERB keeps and publishes a register of interests under its conflicts of
    interest policy: the ERB "must publish and maintain" both. lsip publishes the register of
    every board; an entry still awaited (or a member with none) fails, and so does a board
    with no conflicts of interest policy beside its register."""
    from lsip.governance.models import RegisterEntry

    board = _board(plan)
    if board is None:
        return FAIL, "The area has no board, so no register.", _url("governance:board-list", plan)
    fix = _url("governance:register", plan, pk=board.pk)
    people = list(board.people.filter(left_on__isnull=True).select_related("register"))
    awaited = [
        p
        for p in people
        if p.kind == "member"
        and (
            not RegisterEntry.objects.filter(person=p).exists()
            or p.register.status == RegisterEntry.Status.AWAITED
        )
    ]
    if awaited:
        return (
            FAIL,
            f"{_plural(len(awaited), 'declaration')} awaited: {_names(awaited)}.",
            fix,
            {"items": awaited},
        )
    if not (board.conflicts_policy or "").strip():
        return (
            FAIL,
            "Register complete, but no conflicts of interest policy is recorded beside it: the "
            "ERB must publish both (statutory guidance, Annex C).",
            fix,
        )
    return PASS, "Register published and complete, with the conflicts policy.", fix


# The document -----------------------------------------------------------------------------------


def _main_body_pages(plan: Plan):
    """The page count of the main body from the document build (issue 12), or None."""
    try:
        from lsip.documents.services import main_body_pages
    except ImportError:
        return None
    return main_body_pages(plan)


@check(
    "main-body-length",
    "The main body of the plan is within 30 pages.",
    "SG Annex A",
)
def main_body_length(plan: Plan):
    """SG Annex A: "In most cases, the main body of the LSIP (excluding annexes) is not
    expected to exceed 30 pages": longer warns ("in most cases"). Without a built document
    there is nothing to count: a warning that says so."""
    pages = _main_body_pages(plan)
    limit = threshold("MAIN_BODY_PAGES")
    fix = _plan_url("plans:plan-detail", plan)
    if pages is None:
        return WARNING, "No document built yet, so its pages cannot be counted.", fix
    if pages > limit:
        return WARNING, f"The main body runs to {pages} pages (expected at most {limit}).", fix
    return PASS, f"The main body runs to {pages} pages.", fix


#: Each check by its id.
CHECKS_BY_ID = {c.id: c for c in CHECKS}
