"""The approval forms as people use them: confirming for a party, recording a disagreement
and moving it on, Skills England's feedback and the ERB's answer."""

from django.urls import reverse

from lsip.accounts.models import RoleAssignment, User
from lsip.accounts.roles import Role
from lsip.approval import lifecycle
from lsip.approval.models import Confirmation, Disagreement, FeedbackPoint


def url(name, area, **kwargs):
    return reverse(f"approval:{name}", kwargs={"area_slug": area.slug, **kwargs})


def test_both_parties_confirm_on_the_page_in_a_devolved_area(client, devolved_plan, people):
    area = devolved_plan.area
    sa = User.objects.create_user(username="sa@wmca.example", password="x-long-password-1")
    RoleAssignment.objects.create(user=sa, role=Role.STRATEGIC_AUTHORITY_PARTNER, area=area)
    client.force_login(people["other_area_admin"])
    page = client.get(url("timeline", area)).content.decode()
    assert "Not confirmed" in page
    assert client.post(url("confirm", area, party="sa"), {}).status_code == 403
    assert client.post(url("confirm", area, party="erb"), {"note": ""}).status_code == 302
    client.force_login(sa)
    response = client.post(url("confirm", area, party="sa"), {"note": "Board agreed"})
    assert response.status_code == 302
    assert set(Confirmation.objects.values_list("party", "actor")) == {
        ("erb", people["other_area_admin"].pk),
        ("sa", sa.pk),
    }
    page = client.get(response.url).content.decode()
    assert page.count('govuk-tag--green">Content') == 2


def test_a_deferral_needs_its_reason(client, people):
    from lsip.approval.tests.conftest import open_plan
    from lsip.areas.models import Area

    area = Area.objects.filter(is_devolution_priority=True).order_by("name").first()
    area.mayor_elected_in = 2026  # SG 3.6: the mayor is elected in the plan's first year
    area.save()
    admin = User.objects.create_user(username="erb@dpp.example", password="x-long-password-1")
    RoleAssignment.objects.create(user=admin, role=Role.ERB_ADMIN, area=area)
    open_plan(area, admin)
    sa = User.objects.create_user(username="sa@dpp.example", password="x-long-password-1")
    RoleAssignment.objects.create(user=sa, role=Role.STRATEGIC_AUTHORITY_PARTNER, area=area)
    client.force_login(admin)
    assert (
        "Only a Strategic Authority partner"
        in client.get(url("defer", area, party="sa")).content.decode()
    )
    client.force_login(sa)
    refused = client.post(url("defer", area, party="sa"), {"note": ""})
    assert refused.status_code == 200
    assert "Enter why the confirmation is deferred, and until when" in refused.content.decode()
    client.post(url("defer", area, party="sa"), {"note": "Until the mayor is elected in May"})
    page = client.get(url("timeline", area)).content.decode()
    assert "Devolution Priority Programme area" in page
    assert "Until the mayor is elected in May" in page


def test_a_disagreement_is_recorded_and_moved_on_with_the_page(client, plan, people):
    area = plan.area
    client.force_login(people["erb_editor"])
    client.post(
        url("disagreement-create", area),
        {"subject": "Land-based skills", "details": "A priority of its own?"},
    )
    found = Disagreement.objects.get()
    move = url("disagreement-move", area, pk=found.pk)
    skipped = client.post(move, {"stage": "skills_england"})
    assert "Select a valid choice" in skipped.content.decode()  # one step at a time
    client.post(move, {"stage": "governance", "note": "To the board"})
    unresolved = client.post(move, {"stage": "resolved", "note": ""})
    assert "Say how the disagreement was resolved" in unresolved.content.decode()
    client.post(move, {"stage": "resolved", "note": "Kept within priority 2"})
    found.refresh_from_db()
    assert (found.stage, found.resolution) == ("resolved", "Kept within priority 2")
    page = client.get(url("timeline", area)).content.decode()
    assert "Referred to the LSIP&#x27;s governance by erb_editor@example.org" in page
    client.force_login(people["board_member"])
    assert client.post(move, {"stage": "resolved", "note": "x"}).status_code == 403


def test_skills_england_gives_feedback_and_the_erb_answers(client, plan, people):
    area = plan.area
    client.force_login(people["skills_england"])
    assert client.get(url("feedback-create", area)).status_code == 404  # nothing submitted
    lifecycle.take(plan.cycle, "draft_submitted", actor=people["erb_admin"], confirm_failures=True)
    client.post(url("feedback-create", area), {"section": "outcomes", "point": "Add baselines"})
    point = FeedbackPoint.objects.get()
    assert (point.section_label, point.raised_by) == ("Outcome", people["skills_england"])
    client.force_login(people["erb_editor"])
    assert client.get(url("feedback-create", area)).status_code == 403
    client.post(url("feedback-answer", area, pk=point.pk), {"answer": "Baselines added"})
    point.refresh_from_db()
    assert (point.answer, point.answered_by) == ("Baselines added", people["erb_editor"])
