from django.urls import reverse

from lsip.accounts.models import RoleAssignment, User


def people_url(area):
    return reverse("accounts:people", kwargs={"area_slug": area.slug})


def test_a_role_must_be_chosen_and_a_new_person_gets_a_first_password(client, people, marches):
    client.force_login(people["erb_admin"])
    unchosen = client.post(people_url(marches), {"email": "new@example.org"})
    assert "Select role" in unchosen.text
    assert not User.objects.filter(username="new@example.org").exists()
    response = client.post(
        people_url(marches), {"email": "New@Example.org", "role": "board_member"}, follow=True
    )
    assert "new@example.org is now Board member" in response.text
    assert "Their first password is" in response.text
    assert RoleAssignment.objects.get(user__username="new@example.org").area == marches


def test_a_partner_contributor_must_name_an_organisation_of_the_area(client, people, marches):
    client.force_login(people["erb_admin"])
    response = client.post(
        people_url(marches), {"email": "p@example.org", "role": "partner_contributor"}
    )
    assert "A partner contributor speaks for one organisation" in response.text
    assert not User.objects.filter(username="p@example.org").exists()


def test_removing_a_role_asks_first(client, people, marches):
    client.force_login(people["erb_admin"])
    role = people["board_member"].roles.get()
    url = reverse("accounts:role-remove", kwargs={"area_slug": marches.slug, "pk": role.pk})
    assert "Remove role" in client.get(url).text
    assert RoleAssignment.objects.filter(pk=role.pk).exists()
    client.post(url)
    assert not RoleAssignment.objects.filter(pk=role.pk).exists()
