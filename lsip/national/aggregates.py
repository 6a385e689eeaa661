"""What Skills England reads across all 39 areas (SG 4, 7): each area's headline measures,
and the plans' priorities and the employers' evidence aggregated by SOC 2020 unit and minor
group, SIC 2007 division and Industrial Strategy sector.

Each area counts once with the plan of its latest cycle. The national figures are combined
from one part an area (`AreaPart`: its measures, lifecycle step, readiness, RAG, the codes
its plan names, its skills needs by SOC code and its own job-postings files), each kept under
that area's change stamp (`lsip.core.figures.change_stamps`) and the day, so that after an
edit in one area only that area's part is worked out again (decision 0081). Parts missing
together are read with a few grouped queries, never a query an area; the benchmark is
benchmarks/national.py.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Count, Q, Sum
from django.utils import timezone

from lsip.areas.models import Area
from lsip.classification.models import SicItem, SocGroup
from lsip.core import figures
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
#: The longest a part is kept: its stamp holds the day, so it is never kept past midnight.
PART_SECONDS = 24 * 60 * 60
#: Changed whenever `AreaPart` changes shape, so that no part kept by older code is read.
PART_VERSION = 1


@dataclass
class AreaPart:
    """What one area adds to the national figures, worked out from that area's records and
    the national reference data only. Plain values, so that a Dask worker can send it back."""

    area_id: int
    plan_id: int | None = None
    cycle_label: str = ""
    values: dict = field(default_factory=dict)
    step: str = ""  # the plan's lifecycle step, where lsip.approval gives one
    readiness: str = ""  # the worst readiness finding, where lsip.approval gives one
    rag: str = ""  # the delivery RAG, where lsip.delivery gives one
    soc_prioritised: frozenset = frozenset()  # SOC codes in the plan's priorities
    soc_mentioned: frozenset = frozenset()  # in a priority or the Annex A table
    sic_prioritised: frozenset = frozenset()  # SIC codes in the plan's priorities
    sectors: frozenset = frozenset()  # national sectors (ids) the plan's priorities name
    needs_by_soc: dict = field(default_factory=dict)  # SOC code as recorded -> skills needs
    postings_by_soc: dict = field(default_factory=dict)  # from the area's own postings files


@dataclass
class AreaRow:
    """One area's line in the national table."""

    area: Area
    plan_id: int | None = None
    cycle_label: str = ""
    values: dict = field(default_factory=dict)
    step: str = ""
    readiness: str = ""
    rag: str = ""


@dataclass
class National:
    """The areas' parts, in the areas' order, and the job postings of the open data (the
    postings files of no area), from which every national table is combined."""

    areas: list[Area]
    parts: dict[int, AreaPart]
    open_postings: dict[str, float]
    #: The areas whose part was worked out for this answer (None: the open data's postings).
    computed: set = field(default_factory=set)

    def area_rows(self) -> list[AreaRow]:
        rows = []
        for area in self.areas:
            part = self.parts[area.pk]
            rows.append(
                AreaRow(
                    area=area,
                    plan_id=part.plan_id,
                    cycle_label=part.cycle_label,
                    values=part.values,
                    step=part.step,
                    readiness=part.readiness,
                    rag=part.rag,
                )
            )
        return rows


def _part_key(area_id) -> str:
    return f"lsip-national-part:{PART_VERSION}:{area_id}"


def national_figures(areas=None) -> National:
    """The parts of every area (or of the given ones, in that order): each kept one whose
    stamp is still the area's, the others worked out afresh (together) and kept.

    A part is kept with the stamp it was worked out under (the area's newest audit entry, the
    newest of no area, and the day, as the RAG and the current cycle follow the date), read
    before its records are: a change made meanwhile gives a newer stamp, so the part is
    never shown again. One key an area, so an area's older parts are replaced, not piled up."""
    areas = list(Area.objects.all() if areas is None else areas)
    stamps = part_stamps(areas)
    kept = cache.get_many([_part_key(a.pk) for a in areas] + [_part_key("open")])
    parts, missing = {}, []
    for area in areas:
        stamp, part = kept.get(_part_key(area.pk), (None, None))
        if stamp == stamps[area.pk]:
            parts[area.pk] = part
        else:
            missing.append(area)
    fresh = compute_parts(missing) if missing else {}
    stamp, open_postings = kept.get(_part_key("open"), (None, None))
    open_fresh = open_postings_by_soc() if stamp != stamps[None] else None
    keep_parts(fresh, stamps, open_fresh)
    parts.update(fresh)
    computed = set(fresh) | ({None} if open_fresh is not None else set())
    open_postings = open_postings if open_fresh is None else open_fresh
    return National(areas, parts, open_postings, computed)


def part_stamps(areas) -> dict:
    """Area id (None: no area) -> the stamp its part is kept under."""
    today = timezone.localdate().isoformat()
    stamps = figures.change_stamps(areas)
    return {key: f"{stamp}/{today}" for key, stamp in stamps.items()}


def keep_parts(parts: dict, stamps: dict, open_postings: dict | None = None) -> None:
    """Keep `parts` (area id -> AreaPart), and the open data's postings when given, for the
    national view under `stamps` (from `part_stamps`, read before they were worked out)."""
    kept = {_part_key(pk): (stamps[pk], part) for pk, part in parts.items()}
    if open_postings is not None:
        kept[_part_key("open")] = (stamps[None], open_postings)
    cache.set_many(kept, PART_SECONDS)


def open_postings_by_soc() -> dict[str, float]:
    """Job postings by SOC code in the files of no area (the ONS open data)."""
    return _postings_by_soc([None])[None]


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


def compute_parts(areas) -> dict[int, AreaPart]:
    """Area id -> the part of each of `areas`, worked out afresh with a few grouped queries
    for all of them, and each plan's readiness and RAG (about 0.15 s a plan)."""
    areas = list(areas)
    plans = current_plans(areas)
    plan_ids = [p.pk for p in plans.values()]
    employers = _counts(
        Organisation.objects.filter(type=Organisation.Type.EMPLOYER, area__in=areas)
    )
    engagements = _counts(Engagement.objects.filter(area__in=areas))
    needs_by_soc: dict = defaultdict(dict)
    needs, coded = Counter(), Counter()
    for area_id, soc, n in (
        SkillsNeed.objects.filter(area__in=areas)
        .values_list("area_id", "soc_code")
        .annotate(n=Count("pk"))
    ):
        needs[area_id] += n
        if soc:
            coded[area_id] += n
            needs_by_soc[area_id][soc] = n
    priorities = _counts(Priority.objects.filter(plan__in=plan_ids), "plan_id")
    actions = _counts(Action.objects.filter(priority__plan__in=plan_ids), "priority__plan_id")
    activities = _counts(
        Activity.objects.filter(action__priority__plan__in=plan_ids), "action__priority__plan_id"
    )
    soc_prioritised, soc_mentioned = _plan_codes(plans, "soc_codes")
    sic_prioritised, _mentioned = _plan_codes(plans, "sic_codes")
    sectors = _plan_sectors(plans)
    postings = _postings_by_soc([a.pk for a in areas])
    parts = {}
    for area in areas:
        plan = plans.get(area.pk)
        n_needs = needs.get(area.pk, 0)
        part = AreaPart(
            area_id=area.pk,
            plan_id=plan.pk if plan else None,
            cycle_label=plan.cycle.label if plan else "",
            values={
                "employers": employers.get(area.pk, 0),
                "engagements": engagements.get(area.pk, 0),
                "needs": n_needs,
                "coded_share": (coded.get(area.pk, 0) / n_needs) if n_needs else None,
                "priorities": priorities.get(plan.pk, 0) if plan else None,
                "actions": actions.get(plan.pk, 0) if plan else None,
                "activities": activities.get(plan.pk, 0) if plan else None,
            },
            soc_prioritised=frozenset(soc_prioritised.get(area.pk, ())),
            soc_mentioned=frozenset(soc_mentioned.get(area.pk, ())),
            sic_prioritised=frozenset(sic_prioritised.get(area.pk, ())),
            sectors=frozenset(sectors.get(area.pk, ())),
            needs_by_soc=dict(needs_by_soc.get(area.pk, {})),
            postings_by_soc=postings.get(area.pk, {}),
        )
        part.step, part.readiness, part.rag = _standing(area, plan)
        parts[area.pk] = part
    return parts


def area_rows(areas=None) -> list[AreaRow]:
    """Every area (or the given ones, in that order) with its measures and, where the
    lifecycle, readiness and delivery modules exist, where its plan stands."""
    return national_figures(areas).area_rows()


#: The readiness checks' worst result (lsip.approval.checks) in words.
READINESS_WORDS = {"pass": "Ready", "warning": "Ready, with warnings", "fail": "Not ready"}


def _standing(area, plan) -> tuple[str, str, str]:
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
    step = readiness = rag = ""
    if current_step is not None:
        found = current_step(area)
        step = str(getattr(found, "label", found) or "")
    if plan is None:
        return step, readiness, rag
    if check_plan is not None:
        worst = check_plan(plan).worst
        readiness = READINESS_WORDS.get(worst, str(worst or ""))
    if plan_rag is not None:
        found = plan_rag(plan)
        rag = str(getattr(found, "label", found) or "")
    return step, readiness, rag


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


def _plan_sectors(plans: dict) -> dict:
    """Area id -> the national sectors its plan's priorities name (an area's own sector
    copied from a national one counts for that one)."""
    plan_area = {p.pk: area_id for area_id, p in plans.items()}
    national = set(Sector.objects.filter(area__isnull=True).values_list("pk", flat=True))
    through = Priority.sectors.through
    found: dict = defaultdict(set)
    for plan_id, sector_id, based_on in through.objects.filter(
        priority__plan__in=list(plan_area)
    ).values_list("priority__plan_id", "sector_id", "sector__based_on_id"):
        key = sector_id if sector_id in national else based_on
        if key in national:
            found[plan_area[plan_id]].add(key)
    return found


def _postings_by_soc(owners: list) -> dict:
    """Owner (an area id, or None for the open data) -> job postings by SOC 2020 code over
    the districts in the owner's postings files: for each period the newest edition (as
    `economy.frames`)."""
    areas = [o for o in owners if o is not None]
    whose = Q(area__in=areas) | Q(area__isnull=True) if None in owners else Q(area__in=areas)
    datasets = (
        Dataset.objects.filter(whose, family=POSTINGS_FAMILY)
        .order_by("edition_date", "created_on")
        .only("pk", "area_id", "periods")
    )
    chosen: dict = {}
    for dataset in datasets:
        for period in dataset.periods:
            chosen[(dataset.area_id, period)] = dataset.pk
    keep = {(pk, period): owner for (owner, period), pk in chosen.items()}
    totals: dict = {owner: Counter() for owner in owners}
    if not keep:
        return {owner: {} for owner in owners}
    for dataset_id, period, breakdown, value in (
        Observation.objects.filter(
            dataset__in={pk for pk, _period in keep},
            measure=POSTINGS_MEASURE,
            breakdown__startswith="soc2020=",
        )
        .exclude(geography=ENGLAND)
        .values_list("dataset_id", "period", "breakdown")
        .annotate(total=Sum("value"))
    ):
        owner = keep.get((dataset_id, period), "-")
        if owner in totals and value:
            totals[owner][breakdown.removeprefix("soc2020=")] += value
    return {owner: dict(counts) for owner, counts in totals.items()}


def postings_by_soc(national: National | None = None) -> dict[str, float]:
    """Job postings by SOC 2020 unit group over every area's districts: the open data's
    and each area's own files'."""
    national = national or national_figures()
    totals: Counter = Counter(national.open_postings)
    for part in national.parts.values():
        totals.update(part.postings_by_soc)
    return dict(totals)


def soc_table(level: str = "unit", national: National | None = None) -> list[CodeRow]:
    """Every SOC 2020 unit (or minor) group that a plan prioritises, employers' evidence
    names or job postings ask for: in how many areas' plans, how many skills needs in how
    many areas, and how many postings. Most-prioritised first."""
    national = national or national_figures()
    part_of = _soc_parts(level)
    rows: dict[str, CodeRow] = {}

    def row(code):
        return rows.setdefault(code, CodeRow(code=code, title=""))

    needs_by = Counter()
    areas_by: dict = defaultdict(set)
    for part in national.parts.values():
        for code in {part_of(c) for c in part.soc_prioritised} - {None}:
            row(code).areas_prioritising += 1
        for code in {part_of(c) for c in part.soc_mentioned} - {None}:
            row(code).areas_in_plan += 1
        for soc, n in part.needs_by_soc.items():
            code = part_of(soc)
            if code:
                needs_by[code] += n
                areas_by[code].add(part.area_id)
    for code, n in needs_by.items():
        row(code).needs = n
        row(code).areas_with_needs = len(areas_by[code])
    for soc, value in postings_by_soc(national).items():
        code = part_of(soc)
        if code:
            row(code).postings = (row(code).postings or 0) + value
    titles = dict(SocGroup.objects.filter(code__in=list(rows)).values_list("code", "title"))
    for code, r in rows.items():
        r.title = titles.get(code, "")
    return sorted(
        rows.values(), key=lambda r: (-r.areas_prioritising, -r.needs, -(r.postings or 0), r.code)
    )


def named_not_prioritised(
    level: str = "unit", limit: int | None = 25, table=None, national: National | None = None
) -> list[CodeRow]:
    """Occupations employers' evidence names often but no area's plan prioritises, most
    named first (`table`: a `soc_table` already read)."""
    table = soc_table(level, national) if table is None else table
    rows = [r for r in table if r.needs and not r.areas_prioritising]
    return sorted(rows, key=lambda r: (-r.needs, -r.areas_with_needs, r.code))[:limit]


def demand_not_planned(
    level: str = "unit", limit: int | None = 25, table=None, national: National | None = None
) -> list[CodeRow]:
    """Occupations job postings ask for most that no plan mentions (priorities or Annex A)."""
    table = soc_table(level, national) if table is None else table
    rows = [r for r in table if r.postings and not r.areas_in_plan]
    return sorted(rows, key=lambda r: (-(r.postings or 0), r.code))[:limit]


def sic_division_table(national: National | None = None) -> list[CodeRow]:
    """SIC 2007 divisions in the plans' priorities: how many areas prioritise each (a
    section counts for each of its divisions, a class or group for its division)."""
    national = national or national_figures()
    sections = defaultdict(list)
    for code, parent in SicItem.objects.filter(level=SicItem.Level.DIVISION).values_list(
        "code", "parent_id"
    ):
        sections[parent].append(code)
    counts: Counter = Counter()
    for part in national.parts.values():
        divisions = set()
        for code in part.sic_prioritised:
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


def sector_table(national: National | None = None) -> list[CodeRow]:
    """Industrial Strategy and foundation sectors: how many areas' priorities name each
    (an area's own sector copied from a national one counts for that one)."""
    national = national or national_figures()
    counts: Counter = Counter()
    for part in national.parts.values():
        counts.update(part.sectors)
    rows = [
        CodeRow(code=s.get_kind_display(), title=s.name, areas_prioritising=counts.get(s.pk, 0))
        for s in Sector.objects.filter(area__isnull=True).order_by("kind", "name")
    ]
    return sorted(rows, key=lambda r: (-r.areas_prioritising, r.title))
