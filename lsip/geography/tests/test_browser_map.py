"""In headless Chromium: charts.js draws the Places map with Vega from static/dist."""

from pathlib import Path

import pytest

DIST = Path(__file__).resolve().parents[2] / "static" / "dist"
pytestmark = pytest.mark.browser


@pytest.fixture
def page(browser):
    if not (DIST / "vega-embed.min.js").exists():
        pytest.skip("the front end is not built (npm run build)")
    page = browser.new_page()
    yield page
    page.close()


def test_the_places_map_is_drawn_with_one_shape_per_district(page, live_server, geography):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{live_server.url}/areas/the-marches/places/")
    page.wait_for_selector(".lsip-chart svg", timeout=15000)
    shapes = page.locator(".lsip-chart svg .mark-shape path")
    assert shapes.count() == 3
    assert errors == []
