"""Headers every answer carries (Content-Security-Policy without inline script or style, no
framing, no sniffing), the HTTPS settings taken from the environment, `manage check --deploy`
clean in production, and friendly error pages (issue 17)."""

import os
import re
import runpy
import subprocess
import sys
from pathlib import Path

import pytest

import lsip

ROOT = Path(lsip.__file__).parent

#: Templates that are not pages: a file people download, with its styles inside it.
NOT_PAGES = {"documents/templates/documents/print.html"}


def policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def test_pages_carry_a_strict_content_security_policy(client, db):
    for url in ["/", "/accounts/sign-in/", "/api/docs/", "/no-such-page/"]:
        answer = client.get(url)
        rules = policy(answer)
        assert rules["script-src"] == ["'self'"], url
        assert rules["style-src"] == ["'self'"], url
        assert rules["object-src"] == ["'none'"]
        assert rules["frame-ancestors"] == ["'none'"]
        assert answer["X-Frame-Options"] == "DENY"
        assert answer["X-Content-Type-Options"] == "nosniff"
        assert answer["Referrer-Policy"] == "same-origin"


def test_no_page_has_an_inline_script_or_style(client, db):
    """The policy forbids them, so a page with one would lose it: none may be written."""
    offenders = []
    for path in sorted(ROOT.glob("*/templates/**/*.html")) + sorted(
        ROOT.glob("templates/**/*.html")
    ):
        name = str(path.relative_to(ROOT))
        if name in NOT_PAGES:
            continue
        text = path.read_text()
        for tag in re.findall(r"<script\b[^>]*>", text):
            if "src=" not in tag:
                offenders.append(f"{name}: inline {tag}")
        if re.search(r"<style\b", text):
            offenders.append(f"{name}: <style>")
        if re.search(r"\sstyle=", text):
            offenders.append(f"{name}: style attribute")
        if re.search(r"\son[a-z]+=", text):
            offenders.append(f"{name}: event handler attribute")
    assert offenders == []
    page = client.get("/accounts/sign-in/").content.decode()
    assert "<script>" not in page
    docs = client.get("/api/docs/").content.decode()
    assert "<style>" not in docs
    assert "<script>" not in docs


PRODUCTION = {
    "LSIP_ENV": "production",
    "LSIP_SECRET_KEY": "x" * 10 + "-long-and-random-enough-for-the-deploy-check-" + "y" * 20,
    "LSIP_ALLOWED_HOSTS": "lsip.example.org",
}


def run_in_production(*args):
    return subprocess.run(
        [sys.executable, "-m", "django", *args],
        env={**os.environ, **PRODUCTION, "DJANGO_SETTINGS_MODULE": "lsip.config.settings"},
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture(scope="module")
def deploy_check():
    return run_in_production("check", "--deploy", "--fail-level", "WARNING")


def test_the_deploy_check_is_clean_in_production(deploy_check):
    output = deploy_check.stdout + deploy_check.stderr
    security = re.findall(r"\((security|axes|csp)\.[A-Z]\d+\)", output)
    assert security == [], output
    assert deploy_check.returncode == 0, output  # no warning of any kind (--fail-level WARNING)
    assert "no issues" in output


def settings_with(monkeypatch, **env) -> dict:
    """The settings module's values when run with these environment variables."""
    for name in ["LSIP_SSL_REDIRECT", "LSIP_HSTS_SECONDS", "LSIP_HSTS_PRELOAD", "LSIP_PROXY_COUNT"]:
        monkeypatch.delenv(name, raising=False)
    for name, value in {**PRODUCTION, **env}.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(ROOT / "config" / "settings.py"))


def test_https_settings_come_from_the_environment(monkeypatch):
    chosen = settings_with(monkeypatch)
    assert chosen["SECURE_SSL_REDIRECT"] is True
    assert chosen["SECURE_HSTS_SECONDS"] == 31536000
    assert chosen["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert chosen["SESSION_COOKIE_SECURE"] is True
    assert chosen["CSRF_COOKIE_SECURE"] is True
    assert "SECURE_PROXY_SSL_HEADER" not in chosen
    chosen = settings_with(
        monkeypatch,
        LSIP_SSL_REDIRECT="0",
        LSIP_HSTS_SECONDS="600",
        LSIP_HSTS_PRELOAD="0",
        LSIP_PROXY_COUNT="1",
    )
    assert chosen["SECURE_SSL_REDIRECT"] is False
    assert chosen["SECURE_HSTS_SECONDS"] == 600
    assert chosen["SECURE_HSTS_PRELOAD"] is False
    assert chosen["SECURE_PROXY_SSL_HEADER"] == ("HTTP_X_FORWARDED_PROTO", "https")
    assert chosen["REST_FRAMEWORK"]["NUM_PROXIES"] == 1
    development = settings_with(monkeypatch, LSIP_ENV="development")
    assert development["SECURE_SSL_REDIRECT"] is False
    assert development["SECURE_HSTS_SECONDS"] == 0


def test_friendly_error_pages(client, db, settings):
    missing = client.get("/no-such-page/")
    assert missing.status_code == 404
    assert "Page not found" in missing.content.decode()
    settings.DEBUG = False
    from django.template.loader import render_to_string

    for name, words in [
        ("500.html", "Sorry, there is a problem with the service"),
        ("400.html", "could not read that request"),
        ("403_csrf.html", "The form has expired"),
    ]:
        assert words in render_to_string(name)
    csrf = client.__class__(enforce_csrf_checks=True).post("/accounts/sign-in/", {})
    assert csrf.status_code == 403
    assert "The form has expired" in csrf.content.decode()
