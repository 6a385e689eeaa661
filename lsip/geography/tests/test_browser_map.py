"""In headless Chromium: charts.js draws the Places map with Vega from static/dist."""

import os
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
DIST = Path(__file__).resolve().parents[2] / "static" / "dist"
pytestmark = pytest.mark.browser
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def page():
    if not CHROMIUM.exists():
        if os.environ.get("LSIP_REQUIRE_BROWSER") == "1":
            pytest.fail("Chromium is required here (apt-get install chromium chromium-driver)")
        pytest.skip("Chromium is not installed")
    if not (DIST / "vega-embed.min.js").exists():
        pytest.skip("the front end is not built (npm run build)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        page = browser.new_page()
        yield page
        browser.close()


def test_the_places_map_is_drawn_with_one_shape_per_district(page, live_server, geography):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{live_server.url}/areas/the-marches/places/")
    page.wait_for_selector(".lsip-chart svg", timeout=15000)
    shapes = page.locator(".lsip-chart svg .mark-shape path")
    assert shapes.count() == 3
    assert errors == []
