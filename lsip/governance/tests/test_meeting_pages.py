"""The meeting pages: the schedule, attendance with stand-ins, decisions and votes (at a
meeting and by written procedure), the action log, recordings, LSIF bids, the grant, papers
and who may do what."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lsip.governance.models import (
    ActionItem,
    AgendaItem,
    Attendance,
    Decision,
    Declaration,
    Grant,
    GrantClaim,
    LsifBid,
    Meeting,
    Paper,
    Person,
    Vote,
)
from lsip.governance.tests.conftest import person
from lsip.organisations.models import Organisation

DAY = date(2025, 11, 20)


def when(prefix, day):
    return {f"{prefix}_day": day.day, f"{prefix}_month": day.month, f"{prefix}_year": day.year}


def url(name, pk, slug="the-marches"):
    return reverse(f"governance:{name}", kwargs={"area_slug": slug, "pk": pk})


@pytest.fixture
def members(board):
    chair = person(board, "Ruth Ross", is_chair=True)
    return [chair] + [person(board, f"Member {n}") for n in range(1, 5)]


@pytest.fixture
def stand_in(board, members):
    return person(board, "Sam Stand", kind=Person.Kind.STAND_IN, stands_in_for=members[1])


@pytest.fixture
def meeting(board):
    return Meeting.objects.create(board=board, date=DAY, status=Meeting.Status.HELD)


@pytest.fixture
def editor(client, people):
    client.force_login(people["erb_editor"])
    return client


def attend(meeting, people, status=Attendance.Status.PRESENT):
    for someone in people:
        Attendance.objects.create(meeting=meeting, person=someone, status=status)


def votes(*pairs):
    return {f"vote_{voter.pk}": choice for voter, choice in pairs}


def decide(client, meeting, question="Approve the draft plan", **fields):
    data = {"question": question, "kind": "motion", **when("decided_on", meeting.date), **fields}
    return client.post(url("decision-create", meeting.pk), data)


def test_the_schedule_generator_previews_then_creates_six_weekly_meetings(editor, board):
    data = {
        **when("first", date(2025, 10, 9)),
        **when("until", date(2026, 5, 31)),
        "every": 6,
        "unit": "weeks",
        "title": "Board meeting",
    }
    preview = editor.post(url("schedule", board.pk), data)
    assert preview.status_code == 200
    assert "Thursday 9 October 2025" in preview.text
    assert "Thursday 20 November 2025" in preview.text
    assert not board.meetings.exists()
    response = editor.post(url("schedule", board.pk), {**data, "create": "1"})
    assert response.status_code == 302
    dates = list(board.meetings.values_list("date", flat=True))
    assert dates[0] == date(2025, 10, 9)
    assert date(2025, 12, 31) in dates  # not New Year's Day, a bank holiday
    assert all(b - a <= timedelta(weeks=6) for a, b in zip(dates, dates[1:], strict=False))
    assert dates[-1] <= date(2026, 5, 31) < dates[-1] + timedelta(weeks=6)
    assert len(dates) == 6
    listing = editor.get(url("meeting-list", board.pk))
    assert "October 2025 to May 2026: every 6 weeks" in listing.text
    assert 'id="long-gaps"' not in listing.text


def test_the_meetings_page_warns_of_meetings_further_apart_than_the_terms_allow(editor, board):
    Meeting.objects.create(board=board, date=date(2025, 11, 20))
    Meeting.objects.create(board=board, date=date(2026, 1, 29))
    listing = editor.get(url("meeting-list", board.pk))
    assert 'id="long-gaps"' in listing.text
    assert "20 November 2025 to 29 January 2026" in listing.text


def test_a_bimonthly_schedule_citing_a_failed_decision_is_refused(editor, board, members, meeting):
    attend(meeting, members)
    refusal = votes((members[0], "for"), (members[1], "against"), (members[2], "against"))
    decide(editor, meeting, "Meet bi-monthly from June 2026", **refusal)
    failed = Decision.objects.get()
    assert failed.outcome == Decision.Outcome.FAILED
    data = {
        **when("first", date(2026, 6, 30)),
        **when("until", date(2026, 12, 31)),
        "every": 2,
        "unit": "months",
        "title": "Board meeting",
        "agreed_by": failed.pk,
        "create": "1",
    }
    response = editor.post(url("schedule", board.pk), data)
    assert response.status_code == 200
    assert "The board has not agreed this schedule" in response.text
    assert "govuk-error-summary" in response.text
    assert board.meetings.count() == 1


def test_attendance_with_a_stand_in(editor, board, members, stand_in, meeting):
    page = editor.get(url("attendance", meeting.pk))
    assert "Attending as stand-in for Member 1" in page.text
    data = {f"person_{m.pk}": "present" for m in members}
    data[f"person_{members[1].pk}"] = "apologies"
    data[f"person_{stand_in.pk}"] = "stand_in"
    assert editor.post(url("attendance", meeting.pk), data).status_code == 302
    recorded = dict(meeting.attendance.values_list("person__name", "status"))
    assert recorded["Member 1"] == "apologies"
    assert recorded["Sam Stand"] == "stand_in"
    detail = editor.get(url("meeting", meeting.pk))
    assert "Attending as stand-in for Member 1" in detail.text
    # Changing a status changes the one record; "not recorded" removes it.
    data[f"person_{stand_in.pk}"] = ""
    editor.post(url("attendance", meeting.pk), data)
    assert not meeting.attendance.filter(person=stand_in).exists()
    assert meeting.attendance.count() == 5


def test_a_decision_is_recorded_through_the_page_by_majority(editor, members, meeting):
    attend(meeting, members)
    page = editor.get(url("decision-create", meeting.pk))
    assert all(f'name="vote_{m.pk}"' in page.text for m in members)
    response = decide(
        editor,
        meeting,
        **votes(
            (members[0], "for"), (members[1], "for"), (members[2], "for"), (members[3], "against")
        ),
    )
    assert response.status_code == 302
    decision = Decision.objects.get()
    assert decision.outcome == Decision.Outcome.PASSED
    assert decision.votes.count() == 4
    listing = editor.get(url("decision-list", meeting.board.pk))
    assert "Approve the draft plan" in listing.text
    assert "Passed" in listing.text
    assert "Against" in listing.text


def test_a_drawn_vote_needs_the_chairs_casting_vote(editor, members, meeting):
    attend(meeting, members[:4])
    drawn = votes(
        (members[0], "for"), (members[1], "for"), (members[2], "against"), (members[3], "against")
    )
    response = decide(editor, meeting, **drawn)
    assert response.status_code == 200
    assert "The vote is drawn: record the chair&#x27;s casting vote" in response.text
    assert "govuk-error-summary" in response.text
    assert not Decision.objects.exists()
    response = decide(editor, meeting, casting="for", **drawn)
    assert response.status_code == 302
    assert Decision.objects.get().outcome == Decision.Outcome.PASSED


def test_a_stand_ins_vote_is_refused_when_their_member_is_present(
    editor, members, stand_in, meeting
):
    attend(meeting, members)
    attend(meeting, [stand_in], Attendance.Status.STAND_IN)
    response = decide(editor, meeting, **votes((members[0], "for"), (stand_in, "for")))
    assert response.status_code == 200
    assert "Member 1 is present, so their stand-in Sam Stand may not vote" in response.text
    assert not Decision.objects.exists()
    assert not Vote.objects.exists()


def test_a_stand_in_votes_for_an_absent_member(editor, members, stand_in, meeting):
    attend(meeting, [m for m in members if m != members[1]])
    attend(meeting, [members[1]], Attendance.Status.APOLOGIES)
    attend(meeting, [stand_in], Attendance.Status.STAND_IN)
    response = decide(editor, meeting, **votes((stand_in, "for"), (members[0], "for")))
    assert response.status_code == 302
    vote = Vote.objects.get(voter=stand_in)
    assert vote.on_behalf_of == members[1]
    decision = editor.get(url("decision", vote.decision.pk))
    assert "Sam Stand (stand-in)" in decision.text


def test_a_chair_is_elected_through_the_page(editor, board, members, meeting):
    attend(meeting, members)
    challenger = members[3]
    ballots = votes(*[(m, str(challenger.pk)) for m in members[1:4]], (members[0], "for"))
    response = decide(editor, meeting, "Elect the chair", kind="chair_election", **ballots)
    assert response.status_code == 200
    assert "Ruth Ross: choose a candidate for chair" in response.text
    ballots[f"vote_{members[0].pk}"] = str(members[0].pk)
    response = decide(editor, meeting, "Elect the chair", kind="chair_election", **ballots)
    assert response.status_code == 302
    decision = Decision.objects.get()
    assert (decision.outcome, decision.elected) == (Decision.Outcome.ELECTED, challenger)
    assert board.chair == challenger
    assert "For Member 3 as chair" in editor.get(url("decision", decision.pk)).text


def test_members_who_declared_are_excluded_by_default(editor, members, meeting):
    attend(meeting, members)
    item = AgendaItem.objects.create(meeting=meeting, title="Commission research")
    Declaration.objects.create(item=item, person=members[2], description="Director of bidder")
    page = editor.get(url("decision-create", meeting.pk) + f"?item={item.pk}")
    assert f'value="{members[2].pk}" checked' in page.text
    response = decide(
        editor, meeting, item=item.pk, excluded=[members[2].pk], **votes((members[2], "for"))
    )
    assert "declared an interest and is excluded" in response.text


def test_written_procedure_needs_the_chair_and_reports_back(editor, board, members):
    later = Meeting.objects.create(board=board, date=date(2026, 1, 8))
    data = {
        "question": "Commission labour-market research",
        **when("decided_on", DAY),
        **votes(*[(m, "for") for m in members[:3]]),
    }
    refused = editor.post(url("decision-written", board.pk), data)
    assert refused.status_code == 200
    assert "needs the chair&#x27;s agreement" in refused.text
    assert not Decision.objects.exists()
    agreed = editor.post(url("decision-written", board.pk), {**data, "chair_agreed": "on"})
    assert agreed.status_code == 302
    decision = Decision.objects.get()
    assert (decision.method, decision.outcome) == ("written", "passed")
    agenda = editor.get(url("meeting", later.pk))
    assert "Report and review: decided by written procedure on 20 November 2025" in agenda.text


def test_overdue_actions_and_recordings_to_destroy_are_flagged(editor, board, meeting):
    ActionItem.objects.create(
        meeting=meeting, description="Send the survey", owner="Secretariat", due=DAY
    )
    ActionItem.objects.create(
        meeting=meeting, description="Already done", owner="Chair", due=DAY, done_on=DAY
    )
    response = editor.get(url("meeting-list", board.pk))
    assert "Overdue actions" in response.text
    assert "Send the survey" in response.text
    assert "Already done" not in response.text
    assert "Recordings to destroy" not in response.text
    change = {
        "title": meeting.title,
        "status": "held",
        "minutes": "Agreed the draft.",
        "recorded": "on",
        **when("minutes_approved_on", date(2026, 1, 8)),
    }
    assert editor.post(url("meeting-update", meeting.pk), change).status_code == 302
    response = editor.get(url("meeting-list", board.pk))
    assert "Recordings to destroy" in response.text
    destroyed = {**change, **when("recording_destroyed_on", date(2026, 1, 9))}
    editor.post(url("meeting-update", meeting.pk), destroyed)
    assert "Recordings to destroy" not in editor.get(url("meeting-list", board.pk)).text
    action = ActionItem.objects.get(description="Send the survey")
    editor.post(
        url("action-update", action.pk),
        {
            "description": action.description,
            "owner": "Secretariat",
            **when("due", DAY),
            **when("done_on", date(2026, 1, 9)),
        },
    )
    assert "Overdue actions" not in editor.get(url("meeting-list", board.pk)).text


def test_two_proposed_lsif_bids_are_refused_and_a_joint_bid_asked(
    editor, marches, board, members, meeting
):
    college = Organisation.objects.create(area=marches, name="Telford College", type="fe_college")
    university = Organisation.objects.create(area=marches, name="Harper Adams", type="he_provider")
    employer = Organisation.objects.create(area=marches, name="Muller", type="employer")
    form = editor.get(url("lsif-create", board.pk))
    assert "Telford College" in form.text
    assert "Muller" not in form.text
    for provider, title in ((college, "Engineering"), (university, "Agri-tech")):
        response = editor.post(
            url("lsif-create", board.pk),
            {"provider": provider.pk, "title": title, **when("proposed_on", DAY)},
        )
        assert response.status_code == 302
    assert (
        editor.post(
            url("lsif-create", board.pk),
            {"provider": employer.pk, "title": "No", **when("proposed_on", DAY)},
        ).status_code
        == 200
    )
    attend(meeting, members)
    bid = LsifBid.objects.get(title="Engineering")
    choose = editor.get(url("lsif-endorse", bid.pk))
    assert "Meeting at which the board decided" in choose.text
    endorse = url("lsif-endorse", bid.pk) + f"?meeting={meeting.pk}"
    response = editor.post(
        endorse,
        {"question": "Endorse", **when("decided_on", DAY), **votes((members[0], "for"))},
    )
    assert response.status_code == 200
    assert "the providers are asked to submit a joint bid" in response.text
    assert "Harper Adams: Agri-tech" in response.text
    assert set(LsifBid.objects.values_list("status", flat=True)) == {"joint"}
    assert not Decision.objects.exists()
    listing = editor.get(url("lsif-list", board.pk))
    assert listing.text.count("providers asked to submit a joint bid") == 2


def test_a_single_bid_is_endorsed_by_the_boards_vote(editor, marches, board, members, meeting):
    college = Organisation.objects.create(area=marches, name="Telford College", type="fe_college")
    bid = LsifBid.objects.create(
        area=marches, cycle=board.cycle, provider=college, title="Welding", proposed_on=DAY
    )
    attend(meeting, members)
    response = editor.post(
        url("lsif-endorse", bid.pk) + f"?meeting={meeting.pk}",
        {
            "question": "Endorse",
            **when("decided_on", DAY),
            **votes(*[(m, "for") for m in members[:3]]),
        },
    )
    assert response.status_code == 302
    bid.refresh_from_db()
    assert bid.status == LsifBid.Status.ENDORSED
    again = editor.post(
        url("lsif-endorse", bid.pk) + f"?meeting={meeting.pk}",
        {"question": "Endorse", **when("decided_on", DAY), **votes((members[0], "against"))},
    )
    assert "The board has already decided: Endorsed by the board" in again.text
    assert Decision.objects.count() == 1


def test_a_grant_claim_over_the_cap_is_refused(editor, people, client, board):
    page = editor.get(url("grant", board.pk))
    grant = Grant.objects.get(cycle=board.cycle)
    assert grant.cap is None  # the 2025 guidance sets no figure for the new cycle
    assert 'id="no-cap"' in page.text
    refused = editor.post(url("grant-cap", board.pk), {"cap": "-1"})
    assert refused.status_code == 200
    assert "govuk-error-summary" in refused.text
    assert editor.post(url("grant-cap", board.pk), {"cap": "550000"}).status_code == 302
    GrantClaim.objects.create(grant=grant, stage="1", amount=Decimal("500000"), claimed_on=DAY)
    response = editor.post(
        url("grant", board.pk), {"stage": "2", "amount": "50000.01", **when("claimed_on", DAY)}
    )
    assert response.status_code == 200
    assert "above the £550,000 the grant allows across its stages" in response.text
    assert response.context["form"].errors["amount"] == [
        "This claim would bring the total to £550,000.01, above the £550,000 the grant allows "
        "across its stages"
    ]
    assert 'id="id_amount-error"' in response.text
    assert grant.claims.count() == 1
    response = editor.post(
        url("grant", board.pk), {"stage": "2", "amount": "50000", **when("claimed_on", DAY)}
    )
    assert response.status_code == 302
    assert "£0.00" in editor.get(url("grant", board.pk)).text  # nothing remaining


def test_who_may_read_and_record(client, people, board, members, meeting, west_midlands):
    client.force_login(people["board_member"])
    assert client.get(url("meeting", meeting.pk)).status_code == 200
    assert client.get(url("decision-list", board.pk)).status_code == 200
    assert client.get(url("grant", board.pk)).status_code == 200
    assert not Grant.objects.exists()  # a reader does not create the grant
    assert client.get(url("decision-create", meeting.pk)).status_code == 403
    assert decide(client, meeting).status_code == 403
    assert client.post(url("grant", board.pk), {}).status_code == 403
    assert client.post(url("grant-cap", board.pk), {"cap": "1"}).status_code == 403
    client.logout()
    response = client.get(url("meeting-list", board.pk))
    assert response.status_code == 302
    assert "/accounts/sign-in/" in response.url
    client.force_login(people["other_area_admin"])
    assert client.get(url("meeting", meeting.pk, slug="west-midlands")).status_code == 404
    assert client.get(url("meeting-list", board.pk, slug="west-midlands")).status_code == 404


def test_a_paper_is_uploaded_and_read_by_members_not_the_public(editor, client, people, meeting):
    item = AgendaItem.objects.create(meeting=meeting, title="The draft plan")
    upload = SimpleUploadedFile("draft-plan.pdf", b"%PDF-1.4 draft", "application/pdf")
    response = editor.post(url("paper-upload", item.pk), {"title": "Draft plan", "file": upload})
    assert response.status_code == 302
    paper = Paper.objects.get()
    download = f'href="{url("paper-download", paper.pk)}"'
    assert editor.get(url("meeting", meeting.pk)).text.count(download) == 1
    bad = SimpleUploadedFile("run.exe", b"MZ", "application/octet-stream")
    assert editor.post(url("paper-upload", item.pk), {"title": "X", "file": bad}).status_code == 200
    client.logout()
    response = client.get(url("paper-download", paper.pk))
    assert response.status_code == 302
    assert "/accounts/sign-in/" in response.url
    client.force_login(people["board_member"])
    response = client.get(url("paper-download", paper.pk))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 draft"
    assert "attachment" in response["Content-Disposition"]
    client.force_login(people["other_area_admin"])
    assert client.get(url("paper-download", paper.pk)).status_code == 403
    assert client.get(url("paper-download", paper.pk, slug="west-midlands")).status_code == 404


def test_a_period_of_the_boards_frequency_is_changed_on_its_page(editor, client, people, board):
    period = board.frequencies.first()
    data = {
        **when("starts_on", period.starts_on),
        **when("ends_on", period.ends_on),
        "every_weeks": "4",
        "reduced_every_months": "",
    }
    assert editor.post(url("frequency-update", period.pk), data).status_code == 302
    assert (
        "October 2025 to May 2026: every 4 weeks" in editor.get(url("meeting-list", board.pk)).text
    )
    client.force_login(people["board_member"])
    assert client.post(url("frequency-update", period.pk), data).status_code == 403
