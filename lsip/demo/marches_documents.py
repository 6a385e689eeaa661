"""The Marches demo's documents: the ERB's words for each narrative section of the plan
(illustrative, written for the demo) and the plan published, so that the public page at
/public/the-marches/ shows it with its downloads. The PDF and Word files are built when first
asked for, not while the demo loads."""

from django.db import transaction

from lsip.audit.context import acting_as
from lsip.documents import services
from lsip.documents.models import Publication
from lsip.documents.publication import publish_plan
from lsip.plans.models import Plan

ILLUSTRATIVE = "*Illustrative text written for the lsip demo.*\n\n"

NARRATIVE = {
    "introduction": (
        "This Local Skills Improvement Plan sets out what employers in The Marches "
        "(Herefordshire, Shropshire and Telford and Wrekin) need from the skills system over "
        "the next three years, and the changes that colleges, training providers, universities "
        "and partners have agreed to make.\n\n"
        "It is written for **providers**, who use it to shape their courses; for "
        "**employers**, who can see what is changing and how to take part; and for the "
        "**Strategic Authority, local authorities and Jobcentre Plus**, whose own plans it "
        "feeds."
    ),
    "executive_summary": (
        "Employers told us that the shortage of engineering technicians, construction trades "
        "for retrofit, care workers and digital skills hold back growth across the area. The "
        "plan's priorities answer those needs, each with agreed actions, named leads and "
        "measures."
    ),
    "strategic_context": (
        "The Marches is a large, mostly rural area with strong manufacturing, agri-food, "
        "construction and health and care sectors. The plan reflects the Industrial Strategy "
        "sectors that matter here and the economic plans of the three local authorities."
    ),
    "local_plans": (
        "- **Local Growth Plan**: the plan's priorities follow the growth sectors it names.\n"
        "- **Get Britain Working**: actions on care and digital skills are shared with "
        "Jobcentre Plus so that people returning to work can reach them."
    ),
    "skills_needs": (
        "The needs below come from employer interviews and surveys, provider discussions and "
        "the labour-market figures of the area. Each priority shows the skills needs behind "
        "it and the figures it relies on."
    ),
    "changes": (
        "For each priority the ERB and its partners agreed changes under the four aims of the "
        "guidance. The outcomes, their measures and the annual milestones follow."
    ),
    "evidence_base": (
        "The evidence combines what employers told us in interviews, surveys and events with "
        "published labour-market data from ONS and Nomis, the Industrial Strategy and the "
        "local authorities' economic plans. Each source is named with its edition."
    ),
    "method": (
        "Engagement reached employers of every size and sector, members of the ERB and many "
        "more who are not, and every kind of provider. The counts below come from the "
        "engagement record."
    ),
    "net_zero": (
        "Retrofit, heat pumps and solar installation run through the construction priority; "
        "the plan also asks for environmental skills in engineering and agri-food."
    ),
    "equality": (
        "The plan widens talent pools through outreach in rural communities and support for "
        "people facing travel or digital barriers to training."
    ),
    "governance": (
        "The LSIP board, chaired by an employer, oversaw the plan's development under its "
        "terms of reference; members declare their interests in the public register."
    ),
}


#: The draft progress report of the plan's second year (Stage 2 guidance 3.3), not yet final.
PROGRESS_YEAR = 2027
PROGRESS = {
    "introduction": (
        "This report sets out the progress made in the first year of the plan: what has been "
        "achieved, the difference it has made and what is still to do."
    ),
}
# What was achieved, its impact and what is still to achieve are the report's own passages,
# written with the delivery demo (`marches_delivery`).


def load_marches_documents(area) -> Publication | None:
    """Write the demo narrative, publish the plan and start a draft progress report, once (a
    second load changes nothing)."""
    plan = Plan.objects.filter(area=area).order_by("-cycle__start_year").first()
    if plan is None:
        return None
    with transaction.atomic(), acting_as(None, "lsip demo"):
        existing = services.narratives(plan, services.PLAN)
        for key, text in NARRATIVE.items():
            if key not in existing:
                services.save_narrative(
                    plan, services.PLAN, key, text=ILLUSTRATIVE + text, complete=True, actor=None
                )
        _progress_report(plan)
        published = Publication.objects.filter(plan=plan, kind=Publication.Kind.PLAN).first()
        return published or publish_plan(plan, None)


def _progress_report(plan):
    import datetime

    if not plan.cycle.start_year <= PROGRESS_YEAR <= plan.cycle.end_year:
        return
    report = services.progress_report(plan, PROGRESS_YEAR, actor=None)
    if report.publication_date is None:
        report.publication_date = datetime.date(PROGRESS_YEAR, 6, 30)
        report.save()
    existing = services.narratives(plan, report.document_key)
    for key, text in PROGRESS.items():
        if key not in existing:
            services.save_narrative(
                plan,
                report.document_key,
                key,
                text=ILLUSTRATIVE + text,
                complete=False,
                actor=None,
            )
