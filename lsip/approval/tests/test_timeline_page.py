"""The timeline page and Skills England's table as a reader sees them: the readiness result
beside where the plan stands, a deadline gone by marked overdue, and the link from the
timeline to what changed between the submitted and the final versions."""

import datetime

from django.urls import reverse

from lsip.approval import feedback, lifecycle
from lsip.plans import services
from lsip.plans.models import Priority


def timeline_page(client, plan):
    url = reverse("approval:timeline", kwargs={"area_slug": plan.area.slug})
    return client.get(url).content.decode()


def where_it_stands(page):
    return page.split('id="where-it-stands"')[1].split("</dl>")[0]


def test_the_timeline_gives_the_readiness_result_and_marks_a_missed_deadline(client, plan, people):
    client.force_login(people["board_member"])
    plan.cycle.substantive_draft_due = datetime.date.today() + datetime.timedelta(days=10)
    plan.cycle.save()
    summary = where_it_stands(timeline_page(client, plan))
    assert "Run the readiness checker" in summary
    assert ">Fail<" in summary  # the result, without opening the checker
    assert "failing" in summary
    assert "Overdue" not in summary

    plan.cycle.substantive_draft_due = datetime.date.today() - datetime.timedelta(days=1)
    plan.cycle.save()
    summary = where_it_stands(timeline_page(client, plan))
    assert "Substantive draft submitted by" in summary
    assert "Overdue" in summary


def test_skills_england_s_table_marks_a_next_deadline_gone_by(client, plan, people):
    client.force_login(people["skills_england"])
    table = reverse("approval_national:table")
    plan.cycle.substantive_draft_due = datetime.date.today() + datetime.timedelta(days=10)
    plan.cycle.save()
    assert "Overdue" not in client.get(table).content.decode()
    plan.cycle.substantive_draft_due = datetime.date.today() - datetime.timedelta(days=1)
    plan.cycle.save()
    page = client.get(table).content.decode()
    row = page.split('href="/areas/the-marches/approval/"')[1].split("</tr>")[0]
    assert "Overdue" in row


def test_the_timeline_links_the_submitted_and_final_versions_diff(client, plan, people):
    admin, reviewer, cycle = people["erb_admin"], people["skills_england"], plan.cycle
    client.force_login(admin)
    assert 'id="submission-diff"' not in timeline_page(client, plan)  # nothing to compare
    lifecycle.take(cycle, "draft_submitted", actor=admin, confirm_failures=True)
    [draft] = lifecycle.submitted_snapshots(cycle)
    point = feedback.add_point(
        cycle, draft, section="plan", point="Say more about digital", actor=reviewer
    )
    lifecycle.take(cycle, "feedback_received", actor=reviewer)
    feedback.answer(point, text="A digital priority added", actor=admin)
    services.save(Priority(plan=plan, title="Digital skills for every sector"), actor=admin)
    lifecycle.take(cycle, "final_submitted", actor=admin, confirm_failures=True)
    [_, final] = lifecycle.submitted_snapshots(cycle)

    page = timeline_page(client, plan)
    assert "Say more about digital" in page
    assert "A digital priority added" in page  # each point with the ERB's answer
    link = page.split('id="submission-diff" href="')[1].split('"')[0].replace("&amp;", "&")
    assert link.endswith(f"?a={draft.revision.number}&b={final.revision.number}")
    diff = client.get(link)
    assert diff.status_code == 200
    assert "Digital skills for every sector" in diff.content.decode()  # what changed
