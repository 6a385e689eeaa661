"""Fixtures shared by every test: the statutory areas exist (post_migrate), and one person per
role in The Marches, plus an ERB admin of another area to prove areas are kept apart."""

import os
from pathlib import Path

import pytest

from lsip.accounts.models import RoleAssignment, User
from lsip.accounts.roles import Role
from lsip.areas.models import Area
from lsip.organisations.models import Organisation

PASSWORD = "correct-horse-battery"

#: The people the permission tests walk through, by the name the tests use.
PEOPLE = {
    "erb_admin": (Role.ERB_ADMIN, "the-marches"),
    "erb_editor": (Role.ERB_EDITOR, "the-marches"),
    "board_member": (Role.BOARD_MEMBER, "the-marches"),
    "partner": (Role.PARTNER_CONTRIBUTOR, "the-marches"),
    "sa_partner": (Role.STRATEGIC_AUTHORITY_PARTNER, "the-marches"),
    "skills_england": (Role.SKILLS_ENGLAND_REVIEWER, None),
    "other_area_admin": (Role.ERB_ADMIN, "west-midlands"),
}


@pytest.fixture
def marches(db):
    return Area.objects.get(slug="the-marches")


@pytest.fixture
def west_midlands(db):
    return Area.objects.get(slug="west-midlands")


@pytest.fixture
def college(marches):
    return Organisation.objects.create(
        area=marches, name="Telford College", type=Organisation.Type.FE_COLLEGE
    )


@pytest.fixture
def other_area_employer(west_midlands):
    return Organisation.objects.create(
        area=west_midlands, name="Brum Bakes Ltd", type=Organisation.Type.EMPLOYER
    )


@pytest.fixture
def people(db, college):
    """One signed-in person per role (see PEOPLE), keyed by name; None stands for the public."""
    people = {"public": None}
    for name, (role, slug) in PEOPLE.items():
        user = User.objects.create_user(username=f"{name}@example.org", password=PASSWORD)
        RoleAssignment.objects.create(
            user=user,
            role=role,
            area=Area.objects.get(slug=slug) if slug else None,
            organisation=college if role == Role.PARTNER_CONTRIBUTOR else None,
        )
        people[name] = user
    return people


@pytest.fixture
def refdata_folder():
    """The folder of reference-file copies (LSIP_REFDATA_FROM); CI always has it."""
    return _refdata_folder()


def _refdata_folder() -> Path:
    folder = os.environ.get("LSIP_REFDATA_FROM", "")
    if not folder or not Path(folder).is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail("LSIP_REFDATA_FROM must name the reference data folder in CI")
        pytest.skip("no reference data folder: set LSIP_REFDATA_FROM")
    return Path(folder)


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    """Installed reference files go to a fresh folder in every test; passwords hash fast."""
    settings.DATA_DIR = tmp_path / "data"
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # The API's request counts (DRF throttles) live in the cache: each test starts afresh.
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(scope="module")
def refdata_folder_module():
    """The reference-data folder, for module-scoped fixtures (same rules as refdata_folder)."""
    return _refdata_folder()


CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture
def browser(monkeypatch):
    """Debian's headless Chromium through Playwright (never a downloaded browser). Skipped
    where Chromium is missing, except where LSIP_REQUIRE_BROWSER=1 (CI) makes that a failure."""
    if not CHROMIUM.exists():
        if os.environ.get("LSIP_REQUIRE_BROWSER") == "1":
            pytest.fail("Chromium is required here (apt-get install chromium chromium-driver)")
        pytest.skip("Chromium is not installed")
    # Playwright's synchronous API runs an event loop in this thread; the ORM calls the
    # fixtures make are still synchronous and safe. Only for this test: a process started
    # later (the production deploy check) must not inherit it.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    page = browser.new_page()
    yield page
    page.close()


def sign_in(page, live_server, username, password=PASSWORD):
    """Sign in through the sign-in page, as a person would."""
    page.goto(f"{live_server.url}/accounts/sign-in/")
    page.get_by_label("Email address").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


@pytest.fixture
def run_jobs(db):
    """Run the queued background jobs now, in this process, as the worker would."""
    from lsip.jobs.worker import run_queued

    return run_queued


def _database_url() -> str:
    """The test database, for a process of its own (a worker) to use."""
    from django.db import connection

    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    credentials = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{credentials}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def start_worker(transactional_db, settings):
    """Start real `lsip worker` processes on the test database (the test's data must be
    committed, hence transactional_db); any still running at the end are stopped."""
    import subprocess
    import sys

    started = []

    def start(*args):
        env = {
            **os.environ,
            "DATABASE_URL": _database_url(),
            "LSIP_DATA_DIR": str(settings.DATA_DIR),
            "LSIP_WORKER_HEARTBEAT_SECONDS": "0.5",
        }
        process = subprocess.Popen(
            [sys.executable, "-c", "from lsip.cli import main; main()", "worker", *args],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        started.append(process)
        return process

    yield start
    for process in started:
        if process.poll() is None:
            process.kill()
        process.communicate()
