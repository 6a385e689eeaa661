"""What Skills England reads across all 39 areas (SG 4, 7): each area's headline measures,
and the plans' priorities and the employers' evidence aggregated by SOC 2020 unit and minor
group, SIC 2007 division and Industrial Strategy sector.

Each area counts once with the plan of its latest cycle. Everything is read with a few
grouped queries, never a query per area, so the page stays fast with 39 full cycles
(benchmarks/national.py).
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Count, Max, Q, Sum

from lsip.areas.models import Area
from lsip.classification.models import SicItem, SocGroup
from lsip.economy.models import ENGLAND, Dataset, Observation
from lsip.economy.postings.counting import MEASURE as POSTINGS_MEASURE
from lsip.economy.postings.store import FAMILY as POSTINGS_FAMILY
from lsip.engagement.models import Engagement, SkillsNeed
from lsip.organisations.models import Organisation
from lsip.plans.models import Action, Activity, OccupationEntry, Plan, Priority
from lsip.sectors.models import Sector


@dataclass(frozen=True)
class Measure:
    key: str
    label: str
    percent: bool = False


#: The measures an area can be shaded and compared by.
MEASURES = [
    Measure("employers", "Employers in the directory"),
    Measure("engagements", "Engagements recorded"),
    Measure("needs", "Skills needs recorded"),
    Measure("coded_share", "Skills needs coded to SOC 2020", percent=True),
    Measure("priorities", "Priorities in the plan"),
    Measure("actions", "Actions in the plan"),
    Measure("activities", "Annex B activities"),
]
MEASURE_KEYS = {m.key: m for m in MEASURES}
#: How long an area's readiness and delivery RAG are kept for the national view.
STANDING_SECONDS = 300


@dataclass
class AreaRow:
    """One area's line in the national table."""

    area: Area
    plan: Plan | None = None
    values: dict = field(default_factory=dict)
    step: str = ""  # the plan's lifecycle step, where lsip.approval gives one
    readiness: str = ""  # the worst readiness finding, where lsip.approval gives one
    rag: str = ""  # the delivery RAG, where lsip.delivery gives one

    @property
    def cycle_label(self) -> str:
        return self.plan.cycle.label if self.plan else ""


def current_plans(areas=None) -> dict:
    """Area id -> the plan of the area's latest cycle that has one."""
    plans = Plan.objects.select_related("cycle").order_by("area_id", "-cycle__start_year")
    if areas is not None:
        plans = plans.filter(area__in=areas)
    chosen = {}
    for plan in plans:
        chosen.setdefault(plan.area_id, plan)
    return chosen


def _counts(queryset, key="area_id") -> dict:
    return dict(queryset.values_list(key).annotate(n=Count("pk")).values_list(key, "n"))


def area_rows(areas=None) -> list[AreaRow]:
    """Every area (or the given ones, in that order) with its measures and, where the
    lifecycle, readiness and delivery modules exist, where its plan stands."""
    areas = list(Area.objects.all() if areas is None else areas)
    plans = current_plans(areas)
    plan_ids = [p.pk for p in plans.values()]
    employers = _counts(
        Organisation.objects.filter(type=Organisation.Type.EMPLOYER, area__in=areas)
    )
    engagements = _counts(Engagement.objects.filter(area__in=areas))
    needs, coded = {}, {}
    for area_id, n, n_coded in (
        SkillsNeed.objects.filter(area__in=areas)
        .values_list("area_id")
        .annotate(n=Count("pk"), coded=Count("pk", filter=~Q(soc_code="")))
        .values_list("area_id", "n", "coded")
    ):
        needs[area_id], coded[area_id] = n, n_coded
    priorities = _counts(Priority.objects.filter(plan__in=plan_ids), "plan_id")
    actions = _counts(Action.objects.filter(priority__plan__in=plan_ids), "priority__plan_id")
    activities = _counts(
        Activity.objects.filter(action__priority__plan__in=plan_ids), "action__priority__plan_id"
    )
    rows = []
    for area in areas:
        plan = plans.get(area.pk)
        n_needs = needs.get(area.pk, 0)
        values = {
            "employers": employers.get(area.pk, 0),
            "engagements": engagements.get(area.pk, 0),
            "needs": n_needs,
            "coded_share": (coded.get(area.pk, 0) / n_needs) if n_needs else None,
            "priorities": priorities.get(plan.pk, 0) if plan else None,
            "actions": actions.get(plan.pk, 0) if plan else None,
            "activities": activities.get(plan.pk, 0) if plan else None,
        }
        row = AreaRow(area=area, plan=plan, values=values)
        _standing(row)
        rows.append(row)
    return rows


#: The readiness checks' worst result (lsip.approval.checks) in words.
READINESS_WORDS = {"pass": "Ready", "warning": "Ready, with warnings", "fail": "Not ready"}


def _standing(row: AreaRow) -> None:
    """The lifecycle step, readiness and delivery RAG of the area's plan, from the apps
    that work them out, when they are installed (issues 13 and 14)."""
    try:
        from lsip.approval.lifecycle import current_step
    except ImportError:
        current_step = None
    try:
        from lsip.approval.readiness import check_plan
    except ImportError:
        check_plan = None
    try:
        from lsip.delivery.rag import plan_rag
    except ImportError:
        plan_rag = None
    if current_step is not None:
        step = current_step(row.area)
        row.step = str(getattr(step, "label", step) or "")
    if row.plan is None:
        return
    # Readiness and RAG take about 0.15 s a plan: each is kept for STANDING_SECONDS, and
    # for the plan's newest revision only (a change to the plan works them out again).
    key = f"lsip-national-standing:{row.plan.pk}:{_newest_revision(row.plan)}"
    cached = cache.get(key)
    if cached is not None:
        row.readiness, row.rag = cached
        return
    if check_plan is not None:
        worst = check_plan(row.plan).worst
        row.readiness = READINESS_WORDS.get(worst, str(worst or ""))
    if plan_rag is not None:
        rag = plan_rag(row.plan)
        row.rag = str(getattr(rag, "label", rag) or "")
    cache.set(key, (row.readiness, row.rag), STANDING_SECONDS)


def _newest_revision(plan) -> int:
    return plan.revisions.aggregate(n=Max("number"))["n"] or 0


# --- Priorities and evidence by classification ------------------------------------------


@dataclass
class CodeRow:
    """One SOC or SIC code (or sector) across the areas."""

    code: str
    title: str
    areas_prioritising: int = 0
    areas_in_plan: int = 0  # in a priority or the Annex A table
    needs: int = 0
    areas_with_needs: int = 0
    postings: float | None = None


def _soc_parts(level: str):
    """How a SOC code (any length) is read at `level`: "unit" (4 digits) or "minor" (3)."""
    width = 4 if level == "unit" else 3

    def part(code: str) -> str | None:
        code = (code or "").strip()
        return code[:width] if len(code) >= width and code[:width].isdigit() else None

    return part


def _plan_codes(plans: dict, field_name: str) -> tuple[dict, dict]:
    """(area id -> codes in the plan's priorities, area id -> codes in priorities or Annex A)."""
    plan_area = {p.pk: area_id for area_id, p in plans.items()}
    prioritised: dict = defaultdict(set)
    for plan_id, codes in Priority.objects.filter(plan__in=list(plan_area)).values_list(
        "plan_id", field_name
    ):
        prioritised[plan_area[plan_id]].update(codes or [])
    mentioned = {k: set(v) for k, v in prioritised.items()}
    for plan_id, codes in OccupationEntry.objects.filter(plan__in=list(plan_area)).values_list(
        "plan_id", field_name
    ):
        mentioned.setdefault(plan_area[plan_id], set()).update(codes or [])
    return prioritised, mentioned


def soc_evidence() -> tuple[list, dict]:
    """(area, SOC code, skills needs) rows and postings by SOC: what `soc_table` reads, read
    once when the page shows both levels."""
    needs = list(
        SkillsNeed.objects.exclude(soc_code="")
        .values_list("area_id", "soc_code")
        .annotate(n=Count("pk"))
    )
    return needs, postings_by_soc()


def soc_table(level: str = "unit", evidence=None) -> list[CodeRow]:
    """Every SOC 2020 unit (or minor) group that a plan prioritises, employers' evidence
    names or job postings ask for: in how many areas' plans, how many skills needs in how
    many areas, and how many postings. Most-prioritised first."""
    part = _soc_parts(level)
    plans = current_plans()
    prioritised, mentioned = _plan_codes(plans, "soc_codes")
    rows: dict[str, CodeRow] = {}

    def row(code):
        return rows.setdefault(code, CodeRow(code=code, title=""))

    for codes, target in ((prioritised, "areas_prioritising"), (mentioned, "areas_in_plan")):
        for _area, area_codes in codes.items():
            for code in {part(c) for c in area_codes} - {None}:
                setattr(row(code), target, getattr(row(code), target) + 1)
    needs_rows, postings = soc_evidence() if evidence is None else evidence
    needs_by = Counter()
    areas_by: dict = defaultdict(set)
    for area_id, soc, n in needs_rows:
        code = part(soc)
        if code:
            needs_by[code] += n
            areas_by[code].add(area_id)
    for code, n in needs_by.items():
        row(code).needs = n
        row(code).areas_with_needs = len(areas_by[code])
    for soc, value in postings.items():
        code = part(soc)
        if code:
            row(code).postings = (row(code).postings or 0) + value
    titles = dict(SocGroup.objects.filter(code__in=list(rows)).values_list("code", "title"))
    for code, r in rows.items():
        r.title = titles.get(code, "")
    return sorted(
        rows.values(), key=lambda r: (-r.areas_prioritising, -r.needs, -(r.postings or 0), r.code)
    )


def postings_by_soc() -> dict[str, float]:
    """Job postings by SOC 2020 unit group over every area's districts: for each period the
    newest edition of the open data and of each area's own files (as `economy.frames`)."""
    datasets = Dataset.objects.filter(family=POSTINGS_FAMILY).order_by("edition_date", "created_on")
    chosen: dict = {}
    for dataset in datasets.only("pk", "area_id", "periods"):
        for period in dataset.periods:
            chosen[(dataset.area_id, period)] = dataset.pk
    keep = {(pk, period) for (_owner, period), pk in chosen.items()}
    totals: Counter = Counter()
    for dataset_id, period, breakdown, value in (
        Observation.objects.filter(
            dataset__family=POSTINGS_FAMILY,
            measure=POSTINGS_MEASURE,
            breakdown__startswith="soc2020=",
        )
        .exclude(geography=ENGLAND)
        .values_list("dataset_id", "period", "breakdown")
        .annotate(total=Sum("value"))
    ):
        if (dataset_id, period) in keep and value:
            totals[breakdown.removeprefix("soc2020=")] += value
    return dict(totals)


def named_not_prioritised(level: str = "unit", limit: int | None = 25, table=None) -> list[CodeRow]:
    """Occupations employers' evidence names often but no area's plan prioritises, most
    named first (`table`: a `soc_table` already read)."""
    table = soc_table(level) if table is None else table
    rows = [r for r in table if r.needs and not r.areas_prioritising]
    return sorted(rows, key=lambda r: (-r.needs, -r.areas_with_needs, r.code))[:limit]


def demand_not_planned(level: str = "unit", limit: int | None = 25, table=None) -> list[CodeRow]:
    """Occupations job postings ask for most that no plan mentions (priorities or Annex A)."""
    table = soc_table(level) if table is None else table
    rows = [r for r in table if r.postings and not r.areas_in_plan]
    return sorted(rows, key=lambda r: (-(r.postings or 0), r.code))[:limit]


def sic_division_table() -> list[CodeRow]:
    """SIC 2007 divisions in the plans' priorities: how many areas prioritise each (a
    section counts for each of its divisions, a class or group for its division)."""
    plans = current_plans()
    prioritised, _mentioned = _plan_codes(plans, "sic_codes")
    sections = defaultdict(list)
    for code, parent in SicItem.objects.filter(level=SicItem.Level.DIVISION).values_list(
        "code", "parent_id"
    ):
        sections[parent].append(code)
    counts: Counter = Counter()
    for codes in prioritised.values():
        divisions = set()
        for code in codes:
            code = (code or "").strip()
            if code[:1].isalpha():
                divisions.update(sections.get(code[:1].upper(), []))
            elif len(code) >= 2:
                divisions.add(code[:2])
        counts.update(divisions)
    titles = dict(SicItem.objects.filter(code__in=list(counts)).values_list("code", "title"))
    rows = [
        CodeRow(code=c, title=titles.get(c, ""), areas_prioritising=n) for c, n in counts.items()
    ]
    return sorted(rows, key=lambda r: (-r.areas_prioritising, r.code))


def sector_table() -> list[CodeRow]:
    """Industrial Strategy and foundation sectors: how many areas' priorities name each
    (an area's own sector copied from a national one counts for that one)."""
    plans = current_plans()
    plan_area = {p.pk: area_id for area_id, p in plans.items()}
    national = {s.pk: s for s in Sector.objects.filter(area__isnull=True).order_by("kind", "name")}
    through = Priority.sectors.through
    areas_by: dict = defaultdict(set)
    for plan_id, sector_id, based_on in through.objects.filter(
        priority__plan__in=list(plan_area)
    ).values_list("priority__plan_id", "sector_id", "sector__based_on_id"):
        key = sector_id if sector_id in national else based_on
        if key in national:
            areas_by[key].add(plan_area[plan_id])
    rows = [
        CodeRow(
            code=s.get_kind_display(), title=s.name, areas_prioritising=len(areas_by.get(pk, ()))
        )
        for pk, s in national.items()
    ]
    return sorted(rows, key=lambda r: (-r.areas_prioritising, r.title))
