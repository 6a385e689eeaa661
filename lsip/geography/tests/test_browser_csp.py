"""In headless Chromium, under lsip's Content-Security-Policy (no inline script or style, no
eval): pages and the Vega charts work without the browser refusing anything (issue 17)."""

from pathlib import Path

import pytest

DIST = Path(__file__).resolve().parents[2] / "static" / "dist"
pytestmark = pytest.mark.browser


def test_pages_and_charts_break_no_rule_of_the_policy(browser, live_server, geography):
    if not (DIST / "vega-embed.min.js").exists():
        pytest.skip("the front end is not built (npm run build)")
    page = browser.new_page()
    refused = []
    page.on("console", lambda message: refused.append(message.text))
    page.on("pageerror", lambda error: refused.append(str(error)))
    try:
        page.goto(f"{live_server.url}/accounts/sign-in/")
        # GOV.UK Frontend's scripts ran (from files, not inline)
        assert "govuk-frontend-supported" in page.evaluate("document.body.className")
        page.goto(f"{live_server.url}/areas/the-marches/places/")
        page.wait_for_selector(".lsip-chart svg", timeout=15000)
        page.hover(".lsip-chart svg .mark-shape path")
        page.goto(f"{live_server.url}/api/docs/")
        page.wait_for_selector(".swagger-ui .info", timeout=15000)
    finally:
        page.close()
    assert [m for m in refused if "Content Security Policy" in m or "EvalError" in m] == []
