"""The public pages, signed out, in headless Chromium with axe-core (from node_modules): no
serious or critical accessibility violation on the index, an area's page and a published plan."""

from pathlib import Path

import pytest

from lsip.areas.models import Area
from lsip.areas.services import create_cycle
from lsip.documents import plan_document
from lsip.documents.models import Publication
from lsip.documents.publication import publish_plan
from lsip.plans import services as plans

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parents[3] / "node_modules" / "axe-core" / "axe.min.js"


def _violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    found = page.evaluate("async () => (await axe.run(document)).violations")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in found
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.django_db(transaction=True)
def test_the_public_pages_signed_out_have_no_serious_accessibility_violation(browser, live_server):
    assert AXE.exists(), "npm ci installs axe-core"
    area = Area.objects.get(slug="the-marches")
    cycle = create_cycle(area=area, start_year=2026, actor=None)
    plan = plans.create_plan(cycle=cycle, title="The Marches LSIP 2026 to 2029", actor=None)
    try:
        published = publish_plan(plan, None)
    except Exception:  # an empty plan may not be ready: publish its document directly
        published = Publication.objects.create(
            area=area,
            plan=plan,
            kind=Publication.Kind.PLAN,
            title=plan.title,
            content=plan_document.build(plan).as_dict(),
            published_on=cycle.created_on.date(),
            available_from=cycle.created_on.date(),
        )
    # axe-core is injected as a script of the page: the site's CSP refuses inline scripts.
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    for path, heading in (
        ("/public/", "Local Skills Improvement Plans"),
        ("/public/the-marches/", "The Marches"),
        (f"/public/the-marches/{published.pk}/", plan.title),
    ):
        page.goto(f"{live_server.url}{path}")
        assert page.get_by_role("heading", level=1).inner_text() == heading
        assert "Sign in" in page.locator("header").inner_text()
        assert _violations(page) == [], path
    context.close()
