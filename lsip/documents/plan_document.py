"""The LSIP as one document (SG Annex A, Table 1), in the order the guidance sets:

introduction and executive summary; strategic and economic context; 1. local skills needs;
2. agreed changes and actions; Annex A (occupations and industries, SOC 2020 and SIC 2007);
Annex B (the activities); Annex C (background and method).

Every table, count and chart is made here from the plan, the engagement record, the
labour-market data and the board; the ERB's own words come from `Narrative`. The result is a
`tree.Document`, which the renderers turn into HTML, PDF and DOCX.
"""

import datetime
from collections import Counter

from django.utils import timezone

from lsip.documents import tree
from lsip.documents.models import Branding, Narrative
from lsip.documents.text import to_html
from lsip.plans.models import Aim, Duty, Plan

AIMS = dict(Aim.choices)
OGL = (
    "Contains public sector information licensed under the Open Government Licence v3.0. "
    "ONS and DfE data are Crown copyright."
)


def day(value) -> str:
    if not value:
        return ""
    return f"{value.day} {value:%B %Y}"


class Words:
    """The ERB's narrative for one document, section by section."""

    def __init__(self, plan: Plan, document: str):
        self.found = {n.key: n for n in Narrative.objects.filter(plan=plan, document=document)}

    def put(self, section: tree.Section, key: str, title: str = "") -> tree.Section:
        """Add the narrative `key` to `section` (or a note that it is still to be written)
        and give the section its state."""
        narrative = self.found.get(key)
        section.narrative = key
        if narrative is None or not narrative.text.strip():
            section.state = "empty"
            section.add({"type": "missing", "text": f"{title or section.title}: to be written."})
        else:
            section.state = narrative.state
            section.add({"type": "html", "html": to_html(narrative.text)})
        return section


def branding_of(area) -> dict:
    branding = Branding.objects.filter(area=area).first()
    erb = area.erb.name if area.erb_id else ""
    logo = ""
    if branding and branding.logo:
        try:
            logo = branding.logo.path
        except (NotImplementedError, ValueError):
            logo = ""
    return {
        "name": (branding.organisation_name if branding else "") or erb,
        "colour": branding.colour if branding else "#1d70b8",
        "accent": branding.accent if branding else "#00703c",
        "logo": logo,
    }


def plan_source(plan: Plan, today: datetime.date) -> str:
    revision = plan.revisions.first()
    version = f"version {revision.number}, " if revision else ""
    return f"Source: {plan.area.name} LSIP ({version}{day(today)})."


def build(plan: Plan, *, today: datetime.date | None = None) -> tree.Document:
    """The whole plan as a document."""
    today = today or timezone.localdate()
    area = plan.area
    words = Words(plan, "plan")
    source = plan_source(plan, today)
    priorities = list(
        plan.priorities.prefetch_related(
            "sectors", "actions__activities__leads", "actions__activities__partners"
        )
    )
    doc = tree.Document(
        kind="plan",
        title=plan.title,
        subtitle=f"Local Skills Improvement Plan for {area.name}, {plan.cycle.label}",
        area=area.name,
        date=today.isoformat(),
        branding=branding_of(area),
        colophon=[
            f"Published by {branding_of(area)['name'] or 'the designated ERB'} for {area.name}.",
            "Prepared under the statutory guidance for developing a Local Skills Improvement "
            "Plan (Department for Education, 18 November 2025), Annex A.",
            OGL,
        ],
        page_limit=30,
    )
    doc.sections = [
        introduction(plan, words, priorities),
        context(plan, words, today),
        skills_needs(plan, words, priorities, today),
        changes(plan, words, priorities, source),
        annex_a(plan, source),
        annex_b(plan, priorities, source),
        annex_c(plan, words, today),
    ]
    return doc


# Introduction and executive summary ----------------------------------------------------------


def introduction(plan, words, priorities) -> tree.Section:
    section = tree.Section("introduction", "Introduction and executive summary")
    intro = words.put(tree.Section("what-it-is", "Introduction"), "introduction")
    summary = words.put(tree.Section("executive-summary", "Executive summary"), "executive_summary")
    if plan.summary.strip():
        summary.blocks.insert(0, {"type": "html", "html": to_html(plan.summary)})
        if summary.state == "empty":
            summary.blocks = [b for b in summary.blocks if b["type"] != "missing"]
            summary.state = "drafted"
    summary.add(
        tree.para(
            f"The plan sets {len(priorities)} priorities: "
            + "; ".join(f"{n}. {p.title}" for n, p in enumerate(priorities, 1))
            + "."
        )
    )
    deferral = _deferral(plan)
    if deferral:
        summary.add(tree.para(deferral))
    section.children = [intro, summary]
    section.state = _state_of(section.children)
    return section


def _deferral(plan) -> str:
    """SG 3.6: where a Devolution Priority Programme area's Strategic Authority has deferred
    its confirmation until its mayor is in place, the plan says so (lsip.approval.joint)."""
    try:
        from lsip.approval.joint import deferral_statement
    except ImportError:
        return ""
    return deferral_statement(plan.cycle)


def _state_of(children) -> str:
    states = {c.state for c in children if c.state != "generated"}
    if not states:
        return "generated"
    if states == {"complete"}:
        return "complete"
    if states == {"empty"}:
        return "empty"
    return "drafted"


# Strategic and economic context --------------------------------------------------------------


def context(plan, words, today) -> tree.Section:
    from lsip.plans.models import ContextLink

    section = tree.Section("context", "Strategic and economic context")
    words.put(section, "strategic_context")
    links = list(plan.context_links.prefetch_related("priorities"))
    source = plan_source(plan, today)
    for kind, title in (
        (ContextLink.Kind.INDUSTRIAL_STRATEGY, "Industrial Strategy sectors and this plan"),
        (ContextLink.Kind.STRATEGIC_AUTHORITY, "The Strategic Authority's sector priorities"),
    ):
        rows = [
            [
                link.name,
                "Yes" if link.reflected else "No",
                ", ".join(p.title for p in link.priorities.all()) or "—",
                link.statement,
            ]
            for link in links
            if link.kind == kind
        ]
        if rows:
            section.add(
                tree.table(
                    title,
                    ["Sector or priority", "Reflected", "Plan priorities", "How"],
                    rows,
                    source,
                    widths=[22, 10, 28, 40],
                )
            )
    local = words.put(tree.Section("local-plans", "Links to other local plans"), "local_plans")
    economy = economy_section(plan.area)
    section.children = [local, economy]
    return section


def economy_section(area) -> tree.Section:
    """The area's key figures, its district map and the profile's charts, each with its
    source (the economy app's profile, as the area profile page shows it)."""
    from lsip.economy import profile

    section = tree.Section("economy", "The area's economy")
    try:
        built = profile.build(area)
    except Exception:  # no labour-market data imported: say so rather than fail
        built = None
    if not built or not built["key_figures"]:
        section.add(tree.para("No labour-market figures have been imported for the area yet."))
        return section
    items = [
        {"label": f.label, "value": f.value, "england": f.england, "period": f.period}
        for f in built["key_figures"]
    ]
    sources = " ".join(sorted({f.source for f in built["key_figures"] if f.source}))
    if not sources.startswith("Source"):
        sources = "Source: " + sources
    section.add(tree.figures(f"Key figures: {area.name} and England", items, sources))
    districts = _districts(built["map"])
    section.add(
        tree.chart(
            "Employment rate by district",
            # A shorter map than the page's, so that it, its districts and its source fit a page.
            {**built["map"], "height": min(built["map"].get("height", 380), 380)},
            "",
            f"A map of the districts of {area.name} shaded by their employment rate, aged 16-64"
            + (": " + "; ".join(f"{name} {rate}%" for name, rate in districts) if districts else "")
            + ".",
        )
    )
    if districts:
        # A printed map cannot be hovered: the districts and their rates are given beside it.
        subtitle = built["map"].get("title", {}).get("subtitle") or [""]
        section.add(
            tree.table(
                "Employment rate by district, aged 16-64",
                ["District", "Employment rate (%)"],
                districts,
                subtitle[0] if subtitle[0].startswith("Source") else sources,
                widths=[70, 30],
            )
        )
    for key, description in (
        ("industry", "Each industry's share of employment in the area beside England."),
        ("qualifications", "Highest qualification of people aged 16-64, the area and England."),
    ):
        spec = built["charts"].get(key)
        if spec:
            spec = _without_common_prefix(spec, "what")
            title = spec.get("title", {})
            section.add(
                tree.chart(
                    title.get("text", key) if isinstance(title, dict) else str(title),
                    spec,
                    "",
                    description,
                )
            )
    return section


def _districts(spec: dict) -> list[list[str]]:
    """The districts of the profile's map with the figure each is shaded by."""
    values = (spec.get("data") or {}).get("values") or []
    features = values.get("features", []) if isinstance(values, dict) else values
    return [
        [f["properties"]["name"], f["properties"].get("label") or "—"]
        for f in features
        if f.get("properties", {}).get("name")
    ]


def _without_common_prefix(spec: dict, field: str) -> dict:
    """The chart with a label prefix every bar shares ("All people aged 16-64: ") taken off,
    so that the printed labels are not cut short; the chart's title already says it."""
    values = (spec.get("data") or {}).get("values")
    if not isinstance(values, list) or not values:
        return spec
    labels = [str(v.get(field, "")) for v in values]
    first = labels[0]
    if ": " not in first:
        return spec
    prefix = first[: first.index(": ") + 2]
    if not all(label.startswith(prefix) and len(label) > len(prefix) for label in labels):
        return spec
    trimmed = [{**v, field: str(v[field])[len(prefix) :]} for v in values]
    return {**spec, "data": {**spec["data"], "values": trimmed}}


# 1. Local skills needs -----------------------------------------------------------------------


def skills_needs(plan, words, priorities, today) -> tree.Section:
    section = tree.Section("skills-needs", "Local skills needs", number="1.")
    words.put(section, "skills_needs")
    as_at = (
        f"Source: {plan.area.name} engagement record (skills needs reported by employers and "
        f"providers, coded to SOC 2020), as at {day(today)}."
    )
    overview = []
    for number, priority in enumerate(priorities, 1):
        evidence = _evidence(priority)
        reported = len(evidence.linked) + len(evidence.related)
        overview.append([f"{number}. {priority.title}", reported, evidence.employers])
        child = tree.Section(f"priority-{number}", priority.title, number=f"1.{number}")
        if priority.description.strip():
            child.add({"type": "html", "html": to_html(priority.description)})
        if priority.evidence_note.strip():
            child.add({"type": "html", "html": to_html(priority.evidence_note)})
        covers = []
        sectors = ", ".join(dict.fromkeys(s.name for s in priority.sectors.all()))
        if sectors:
            covers.append(["Sectors", sectors])
        if priority.soc_codes:
            covers.append(["Occupations (SOC 2020)", ", ".join(priority.soc_codes)])
        if priority.sic_codes:
            covers.append(["Industries (SIC 2007)", ", ".join(priority.sic_codes)])
        if priority.levels:
            covers.append(["Levels", ", ".join(_level(v) for v in priority.levels)])
        covers.append(
            ["Skills needs reported", f"{reported:,}, from {evidence.employers:,} employers"]
        )
        if evidence.by_need_type:
            covers.append(
                [
                    "By kind of need",
                    "; ".join(f"{k}: {v}" for k, v in sorted(evidence.by_need_type.items())),
                ]
            )
        child.add(
            tree.table(
                f"Priority {number}: what it covers and the evidence",
                ["", ""],
                covers,
                as_at,
                widths=[30, 70],
            )
        )
        if evidence.cited:
            child.add(
                tree.table(
                    f"Priority {number}: labour-market figures cited",
                    ["Figure", "Breakdown", "Value", "Share", "Period"],
                    [
                        [
                            c["title"],
                            c.get("label", ""),
                            _number(c.get("value")),
                            _share(c.get("share")),
                            c.get("period", ""),
                        ]
                        for c in evidence.cited
                    ],
                    "Source: "
                    + " ".join(sorted({s for c in evidence.cited for s in c["sources"]})),
                )
            )
        section.children.append(child)
    if overview:
        section.blocks.append(
            tree.table(
                "The priorities and the skills needs behind them",
                ["Priority", "Skills needs reported", "Employers reporting"],
                overview,
                as_at,
                widths=[60, 20, 20],
            )
        )
        section.blocks.append(needs_chart(overview, as_at))
    return section


def _evidence(priority):
    """The priority's evidence as `plans.evidence.evidence_for` gives it, without the sector
    table (the document does not show it, and it is the slow part)."""
    from lsip.plans import evidence

    linked = list(priority.skills_needs.select_related("organisation"))
    related = [n for n in evidence.related_needs(priority) if n not in linked]
    reported = linked + related
    return evidence.Evidence(
        linked=linked,
        related=related,
        employers=len({n.organisation_id for n in reported if n.organisation_id}),
        by_need_type=dict(Counter(n.get_need_type_display() for n in reported)),
        cited=evidence.cited_indicators(priority),
    )


def needs_chart(overview, source) -> dict:
    import altair as alt

    from lsip.core.charts import spec_of, titled

    values = [{"priority": row[0], "needs": row[1]} for row in overview]
    chart = (
        alt.Chart(alt.InlineData(values=values), title=titled("Skills needs by priority", source))
        .mark_bar()
        .encode(
            y=alt.Y("priority:N", title=None, sort=None, axis=alt.Axis(labelLimit=320)),
            x=alt.X("needs:Q", title="Skills needs reported", axis=alt.Axis(format="d")),
        )
        .properties(width=360)
    )
    return tree.chart(
        "Skills needs by priority",
        spec_of(chart),
        "",
        "Bars of the number of skills needs reported under each priority: "
        + "; ".join(f"{row[0]}: {row[1]}" for row in overview),
    )


def _level(value) -> str:
    from lsip.plans.models import LEVELS

    return dict(LEVELS).get(value, str(value))


def _number(value) -> str:
    if value is None:
        return "—"
    return f"{value:,.0f}" if abs(value) >= 10 else f"{value:,.1f}"


def _share(value) -> str:
    return "—" if value is None else f"{value:.1%}"


# 2. Agreed changes and actions ---------------------------------------------------------------


def changes(plan, words, priorities, source) -> tree.Section:
    section = tree.Section("changes", "Agreed changes and actions", number="2.")
    words.put(section, "changes")
    for number, priority in enumerate(priorities, 1):
        rows = [
            [
                f"{number}.{n} {action.title}",
                "; ".join(AIMS.get(a, a) for a in action.aims),
                action.expected_outcomes,
                action.measures,
            ]
            for n, action in enumerate(priority.actions.all(), 1)
        ]
        child = tree.Section(f"changes-{number}", priority.title, number=f"2.{number}")
        for action in priority.actions.all():
            if action.description.strip():
                child.add(
                    {"type": "html", "html": to_html(f"**{action.title}.** " + action.description)}
                )
        child.add(
            tree.table(
                f"Priority {number}: changes and actions",
                ["Change or action", "Aims", "Expected outcomes", "How it will be measured"],
                rows,
                source,
                widths=[28, 18, 27, 27],
            )
        )
        section.children.append(child)
    outcomes = list(plan.outcomes.all())
    if outcomes:
        block = tree.Section("outcomes", "Outcomes and how they will be measured", number="2.")
        block.number = f"2.{len(priorities) + 1}"
        block.add(
            tree.table(
                "Outcomes, metrics and annual milestones",
                [
                    "Outcome",
                    "Metric",
                    "Baseline",
                    "Year 1",
                    "Year 2",
                    "Year 3",
                    "Target",
                    "Data source",
                ],
                [
                    [
                        o.name,
                        f"{o.metric} ({o.unit})",
                        _plain(o.baseline),
                        _plain(o.milestone_year1),
                        _plain(o.milestone_year2),
                        _plain(o.milestone_year3),
                        _plain(o.target),
                        o.data_source,
                    ]
                    for o in outcomes
                ],
                source,
                widths=[17, 19, 8, 8, 8, 8, 8, 24],
            )
        )
        section.children.append(block)
    return section


def _plain(value) -> str:
    if value is None:
        return "—"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


# Annexes -------------------------------------------------------------------------------------


def annex_a(plan, source) -> tree.Section:
    from lsip.classification.models import SicItem, SocGroup

    entries = list(plan.occupations.select_related("sector"))
    soc = {c for e in entries for c in e.soc_codes}
    soc_titles = dict(SocGroup.objects.filter(code__in=soc).values_list("code", "title"))
    sic = {c for e in entries for c in e.sic_codes}
    sic_titles = dict(SicItem.objects.filter(code__in=sic).values_list("code", "title"))
    section = tree.Section("annex-a", "Occupations and industries", number="Annex A:", annex=True)
    section.add(
        tree.para(
            "The occupations and industries the plan targets, mapped to SOC 2020 unit groups "
            "and SIC 2007 codes (SG Annex D). A role with no SOC 2020 code has its definition "
            "and the reason."
        )
    )
    rows = []
    for entry in entries:
        soc_text = "; ".join(f"{c} {soc_titles.get(c, '')}".strip() for c in entry.soc_codes)
        sic_text = "; ".join(f"{c} {sic_titles.get(c, '')}".strip() for c in entry.sic_codes)
        if entry.soc_codes:
            definition = entry.definition or "As its SOC 2020 unit group."
            notes = [definition, entry.limitations]
        else:
            soc_text = "No SOC 2020 code"
            notes = [entry.definition, entry.rationale, entry.limitations]
        rows.append(
            [
                entry.name,
                soc_text,
                sic_text or "—",
                entry.sector.name if entry.sector else "—",
                "\n".join(n for n in notes if n) or "—",
            ]
        )
    section.add(
        tree.table(
            "Annex A: occupations and industries with SOC 2020 and SIC 2007 codes",
            [
                "Occupation or role",
                "SOC 2020",
                "SIC 2007",
                "Sector",
                "Definition, rationale and limitations",
            ],
            rows,
            source + " Codes: ONS SOC 2020 and SIC 2007.",
            widths=[17, 20, 23, 14, 26],
        )
    )
    return section


def annex_b(plan, priorities, source) -> tree.Section:
    section = tree.Section("annex-b", "Activities", number="Annex B:", annex=True)
    section.add(
        tree.para(
            "The activities that deliver each change or action: who leads, who supports, when, "
            "what they aim to achieve and how progress is measured. This table is a live "
            "document, updated through the three years of the plan."
        )
    )
    rows = []
    for p_number, priority in enumerate(priorities, 1):
        for a_number, action in enumerate(priority.actions.all(), 1):
            for activity in action.activities.all():
                rows.append(
                    [
                        f"{p_number}.{a_number} {activity.title}",
                        ", ".join(o.name for o in activity.leads.all()) or "—",
                        ", ".join(o.name for o in activity.partners.all()) or "—",
                        f"{activity.start:%b %Y} to {activity.end:%b %Y}"
                        + (f"\n{activity.milestones}" if activity.milestones else ""),
                        activity.expected_outcomes or "—",
                        activity.measures or "—",
                    ]
                )
    section.add(
        tree.table(
            "Annex B: activities",
            [
                "Activity",
                "Lead organisations",
                "Supporting partners",
                "Timescales and milestones",
                "Expected outcomes",
                "Monitoring and measurement",
            ],
            rows,
            source,
            widths=[19, 13, 14, 24, 15, 15],
        )
    )
    return section


def annex_c(plan, words, today) -> tree.Section:
    section = tree.Section("annex-c", "Background and method", number="Annex C:", annex=True)
    evidence = words.put(tree.Section("evidence-base", "The evidence base", "C1."), "evidence_base")
    evidence.blocks.extend(evidence_sources(plan.area))
    method = words.put(
        tree.Section("method", "Engagement and how the plan was developed", "C2."), "method"
    )
    method.blocks.extend(engagement_breadth(plan, today))
    duties = {d.kind: d for d in plan.duties.all()}
    net_zero = words.put(
        tree.Section("net-zero", "Net zero and environmental skills", "C3."), "net_zero"
    )
    for kind in (Duty.Kind.NET_ZERO, Duty.Kind.ADAPTATION, Duty.Kind.ENVIRONMENT):
        if kind in duties:
            net_zero.add(
                {
                    "type": "html",
                    "html": f"<h3>{kind.label}</h3>" + to_html(duties[kind].how_considered),
                }
            )
    equality = words.put(tree.Section("equality", "Equality of opportunity", "C4."), "equality")
    if Duty.Kind.EQUALITY in duties:
        equality.add({"type": "html", "html": to_html(duties[Duty.Kind.EQUALITY].how_considered)})
    governance = words.put(tree.Section("governance", "Governance", "C5."), "governance")
    governance.blocks.extend(board_blocks(plan, today))
    section.children = [evidence, method, net_zero, equality, governance]
    section.state = _state_of(section.children)
    return section


def evidence_sources(area) -> list[dict]:
    from lsip.economy.models import Dataset

    rows = [
        [d.title, d.edition, d.publisher, day(d.edition_date)]
        for d in Dataset.objects.filter(area__isnull=True).order_by("title")[:40]
    ] + [
        [d.title, d.edition, d.publisher, day(d.edition_date)]
        for d in Dataset.objects.filter(area=area).order_by("title")[:40]
    ]
    if not rows:
        return []
    return [
        tree.table(
            "Labour-market data used",
            ["Dataset", "Edition", "Publisher", "Published"],
            rows,
            "Source: the datasets imported into lsip, with the edition of each.",
            widths=[40, 25, 20, 15],
        )
    ]


def engagement_breadth(plan, today) -> list[dict]:
    """SG 5.1 and Annex C 2: the employers engaged by size, ownership, sector and ERB
    membership, and the providers of each kind that took part."""
    from lsip.engagement.breadth import breadth
    from lsip.organisations.models import Organisation

    area = plan.area
    result = breadth(area)
    source = f"Source: {area.name} engagement record, as at {day(today)}."
    blocks = [tree.para(f"{result.total:,} employers were engaged in developing the plan.")]
    for dimension in ("Size band", "Ownership", "Sector", "ERB membership"):
        counts = result.dimensions.get(dimension, [])
        if counts:
            blocks.append(
                tree.table(
                    f"Employers engaged by {dimension.lower().replace('erb', 'ERB')}",
                    [dimension, "Employers engaged"],
                    [[label, f"{n:,}"] for label, n in counts],
                    source,
                    widths=[70, 30],
                )
            )
    providers = Organisation.objects.filter(
        area=area, type__in=Organisation.PROVIDER_TYPES
    ).order_by("type", "name")
    by_type: dict[str, list[str]] = {}
    for provider in providers:
        by_type.setdefault(provider.get_type_display(), []).append(provider.name)
    if by_type:
        blocks.append(
            tree.table(
                "Providers involved, by kind",
                ["Kind of provider", "Number", "Providers"],
                [[kind, len(names), ", ".join(names)] for kind, names in by_type.items()],
                f"Source: {area.name} directory of organisations, as at {day(today)}.",
                widths=[30, 12, 58],
            )
        )
    return blocks


def board_blocks(plan, today) -> list[dict]:
    """The board and its published register of interests (SG Annex C). Contacts are never
    part of a document."""
    from lsip.governance.models import Board, Person, RegisterEntry

    board = Board.objects.filter(cycle=plan.cycle).first() or (
        Board.objects.filter(area=plan.area).order_by("-term_start").first()
    )
    if board is None:
        return [tree.para("No board has been recorded yet.")]
    people = list(
        board.people.filter(kind=Person.Kind.MEMBER, left_on__isnull=True)
        .select_related("register")
        .prefetch_related("register__interests")
        .order_by("-is_chair", "name")
    )
    source = f"Source: {board.name}, as recorded on {day(today)}."
    members = [
        [
            p.name + (" (chair)" if p.is_chair else ""),
            p.represents or (p.organisation.name if p.organisation_id else "—"),
            p.get_category_display() or "—",
        ]
        for p in people
    ]
    register = []
    for p in people:
        entry = getattr(p, "register", None)
        if entry is None:
            register.append([p.name, "Awaited", "Declaration not yet received"])
            continue
        interests = "; ".join(i.description for i in entry.interests.all())
        if not interests:
            awaited = entry.status == RegisterEntry.Status.AWAITED
            interests = "Declaration not yet received" if awaited else "None declared"
        register.append([p.name, entry.get_status_display(), interests])
    return [
        tree.table(
            f"Members of {board.name}",
            ["Member", "Represents", "Category"],
            members,
            source,
            widths=[30, 50, 20],
        ),
        tree.table(
            "Register of interests",
            ["Member", "Declaration", "Interests declared"],
            register,
            source,
            widths=[30, 20, 50],
        ),
    ]
