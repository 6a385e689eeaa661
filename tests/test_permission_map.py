"""Every page and API endpoint of the permission table (tests/test_permissions.py, which
calls each as each role) is checked against the permission map
(lsip/accounts/permission_map.py): no role may read or change more than the map allows for
the record the URL serves. And docs/permissions.md is the map as it is now."""

from pathlib import Path

from conftest import PEOPLE
from lsip.accounts import permission_map as pm
from lsip.accounts.roles import Role
from tests.test_permissions import API, PAGES

ROOT = Path(__file__).resolve().parent.parent

#: Answers that show the role got through: a page, a record made, a tool that ran (503: the
#: coder without its reference files). 403, 401 and the sign-in redirect refuse; 404 hides.
GOT_THROUGH = {200, 201, 204, 503}


def role_of(name: str) -> Role | None:
    """The role a person of the permission table holds in The Marches (None: none there)."""
    if name not in PEOPLE:
        return None  # the public
    role, area = PEOPLE[name]
    return role if area in ("the-marches", None) else None


def beyond_the_map(url_name: str, method: str, expected: dict) -> list[str]:
    record = pm.record_of(url_name)
    action = pm.action_of(url_name, method)
    needed = pm.access(record, action)
    wrong = []
    for person, status in expected.items():
        if status in GOT_THROUGH and not pm.may(role_of(person), needed):
            if needed == pm.SIGNED_IN and person != "public":
                continue
            wrong.append(
                f"{method.upper()} {url_name}: {person} gets {status}, "
                f"but {record.name} {action} needs {needed}"
            )
    return wrong


def test_no_page_or_endpoint_allows_more_than_the_map():
    wrong = []
    for name, expected in PAGES.items():
        wrong += beyond_the_map(name, "get", expected)
    for name, calls in API.items():
        for method, _data, expected in calls:
            wrong += beyond_the_map(name, method, expected)
    assert wrong == []


def test_the_map_refuses_what_it_should():
    """A few rules people rely on, read from the map itself."""
    contacts = pm.RECORDS["contacts"]
    assert not pm.may(Role.BOARD_MEMBER, pm.access(contacts, pm.READ))
    assert pm.may(Role.ERB_EDITOR, pm.access(contacts, pm.READ))
    plan = pm.RECORDS["plan"]
    assert not pm.may(Role.STRATEGIC_AUTHORITY_PARTNER, plan.change)
    assert pm.may(Role.STRATEGIC_AUTHORITY_PARTNER, plan.change, devolved=True)
    assert not pm.may(Role.SKILLS_ENGLAND_REVIEWER, pm.RECORDS["engagement"].change)
    assert not pm.may(None, pm.RECORDS["engagement"].read)
    assert pm.may(None, pm.RECORDS["board"].read)
    assert pm.record_of("organisations:contact-export").name == "contacts"
    assert pm.action_of("organisations:contact-export") == pm.READ
    assert pm.action_of("plans:priority-update") == pm.CHANGE
    # a name is matched by whole parts: "me" is not the start of "meeting"
    assert pm.record_of("api-v1:me").name == "account"
    assert pm.record_of("api-v1:meeting-list").name == "meetings"


def test_the_documented_map_is_current():
    written = (ROOT / "docs" / "permissions.md").read_text()
    assert written == pm.as_markdown(), (
        "run: python -m lsip.accounts.permission_map > docs/permissions.md"
    )
