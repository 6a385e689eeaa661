"""Property-based tests of the main forms (hypothesis): whatever is posted, random text,
huge values, control characters, formulas, wrong choices, missing fields, a form answers with
its page and a clear error (the GOV.UK error summary) or saves and moves on; never a server
error, and a refused form writes nothing (issue 17)."""

import re
import string

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import PASSWORD
from lsip.audit.models import AuditEntry

MARCHES = {"area_slug": "the-marches"}

#: (URL name, kwargs, who posts): the forms people fill in most.
FORMS = [
    ("organisations:organisation-create", MARCHES, "erb_editor"),
    ("engagement:engagement-create", MARCHES, "erb_editor"),
    ("sectors:sector-create", MARCHES, "erb_editor"),
    ("areas:cycle-create", MARCHES, "erb_admin"),
    ("governance:board-create", MARCHES, "erb_editor"),
    ("accounts:people", MARCHES, "erb_admin"),
    ("organisations:contact-create", None, "erb_editor"),
    ("accounts:password-change", {}, "board_member"),
    ("accounts:password-reset", {}, None),
]

NASTY = [
    "",
    " ",
    '=HYPERLINK("http://x.example","x")',
    "+1",
    "-0",
    "@SUM(A1)",
    "\t",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "9" * 40,
    "-1",
    "2026-02-30",
    "31/12/1899",
    "x" * 5000,
    "not-a-uuid",
    "00000000-0000-0000-0000-000000000000",
    "a\x00b",
    "é☃𝄞",
]
TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=300)


def field_names(html: str) -> tuple[list[str], dict[str, list[str]]]:
    """The form's field names, and for each select the values its options offer."""
    names = re.findall(r'<(?:input|textarea|select)[^>]*\sname="([^"]+)"', html)
    names = [n for n in dict.fromkeys(names) if n != "csrfmiddlewaretoken"]
    options = {}
    for name, body in re.findall(
        r'<select[^>]*\sname="([^"]+)"[^>]*>(.*?)</select>', html, flags=re.S
    ):
        options[name] = re.findall(r'<option[^>]*value="([^"]*)"', body)
    return names, options


def values_for(name: str, options: dict[str, list[str]]):
    choices = [st.sampled_from(NASTY), TEXT]
    if options.get(name):
        choices.append(st.sampled_from(options[name]))
    if name.startswith("password") or "password" in name:
        choices.append(st.just(PASSWORD))
    return st.one_of(*choices)


def form_data(names, options):
    return st.fixed_dictionaries({}, optional={name: values_for(name, options) for name in names})


@pytest.mark.parametrize(("url_name", "kwargs", "who"), FORMS)
def test_any_input_gets_a_page_or_a_clear_error_never_a_crash(
    client, people, url_name, kwargs, who
):
    if who:
        client.force_login(people[who])
    if kwargs is None:  # a contact belongs to an organisation
        kwargs = {**MARCHES, "pk": people["partner"].roles.get().organisation.pk}
    url = reverse(url_name, kwargs=kwargs)
    page = client.get(url)
    assert page.status_code == 200
    names, options = field_names(page.content.decode())
    assert names, f"{url_name}: no fields found"

    @settings(
        max_examples=25,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        derandomize=True,
    )
    @given(data=form_data(names, options))
    def post(data):
        before = AuditEntry.objects.count()
        answer = client.post(url, data)
        assert answer.status_code in (200, 302), (url_name, data, answer.status_code)
        if answer.status_code == 200:
            text = answer.content.decode()
            assert "govuk-error-summary" in text, (url_name, data)
            assert AuditEntry.objects.count() == before, (url_name, data)  # nothing written

    post()


def test_the_sign_in_form_never_crashes(client, people):
    @settings(
        max_examples=30,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture],
        derandomize=True,
    )
    @given(
        username=st.one_of(st.sampled_from(NASTY), TEXT),
        password=st.one_of(st.sampled_from(NASTY), TEXT),
        address=st.integers(0, 10**6),
    )
    def post(username, password, address):
        ip = ".".join(str(address >> shift & 255) for shift in (24, 16, 8, 0))
        answer = client.post(
            "/accounts/sign-in/", {"username": username, "password": password}, REMOTE_ADDR=ip
        )
        # a clear refusal, or the pause after repeated wrong passwords
        assert answer.status_code in (200, 429), (username, password)
        if answer.status_code == 200:
            assert "Enter a correct email address and password" in answer.content.decode() or (
                "govuk-error-summary" in answer.content.decode()
            )

    post()


def test_a_strange_query_string_on_a_list_page_is_no_crash(client, people):
    client.force_login(people["erb_editor"])
    url = reverse("engagement:engagement-list", kwargs=MARCHES)

    @settings(
        max_examples=25,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture],
        derandomize=True,
    )
    @given(
        query=st.dictionaries(
            st.sampled_from(["page", "sort", "q", "type", "cycle", "sector", "format"]),
            st.one_of(st.sampled_from(NASTY), st.text(string.printable, max_size=20)),
        )
    )
    def get(query):
        assert client.get(url, query).status_code in (200, 302, 400, 404), query

    get()
