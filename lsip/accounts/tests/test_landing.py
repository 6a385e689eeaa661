"""After signing in, each person lands on their own area's work (docs/decisions/0030)."""

from django.urls import reverse

from conftest import PASSWORD
from lsip.accounts.models import RoleAssignment
from lsip.accounts.roles import Role


def sign_in(client, username, next_page=""):
    data = {"username": username, "password": PASSWORD}
    if next_page:
        data["next"] = next_page
    return client.post(reverse("accounts:login"), data)


def test_a_person_of_one_area_lands_on_its_overview(client, people):
    for name in ("erb_admin", "erb_editor", "board_member", "partner", "sa_partner"):
        client.logout()
        response = sign_in(client, f"{name}@example.org")
        assert response.url == "/areas/the-marches/", name


def test_the_skills_england_reviewer_lands_on_the_national_view(client, people):
    assert sign_in(client, "skills_england@example.org").url == "/england/"


def test_a_person_of_several_areas_chooses_one(client, people, west_midlands):
    RoleAssignment.objects.create(
        user=people["board_member"], area=west_midlands, role=Role.BOARD_MEMBER
    )
    response = sign_in(client, "board_member@example.org")
    assert response.url == "/accounts/areas/"
    chooser = client.get(response.url).text
    assert chooser.index("The Marches") < chooser.index("West Midlands")
    assert "Your role: Board member" in chooser


def test_a_page_asked_for_comes_first(client, people):
    response = sign_in(client, "erb_admin@example.org", next_page="/classifications/soc/")
    assert response.url == "/classifications/soc/"


def test_the_reviewer_sees_the_areas_once_on_the_home_page(client, people):
    client.force_login(people["skills_england"])
    home = client.get("/").text
    assert home.count(">The Marches</a>") == 1
    client.force_login(people["erb_admin"])
    home = client.get("/").text
    assert home.count(">The Marches</a>") == 2  # under "Your areas" and in the list of all
