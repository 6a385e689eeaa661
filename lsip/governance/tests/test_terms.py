"""What the seeds ask of a board beyond its people and meetings: each membership category
filled or its vacancy recorded (Marches ToR 2), the ERB's designation (SG Annex C), the
conflicts of interest policy published beside the register (SG Annex C) and the stakeholder
communication plan (SG 5.5)."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from lsip.audit.models import AuditEntry
from lsip.governance import designation, membership
from lsip.governance.models import (
    BoardCategory,
    CommunicationItem,
    CommunicationPlan,
    Designation,
    Person,
)
from lsip.governance.tests.conftest import person

C = Person.Category


def url(name, area="the-marches", **kwargs):
    return reverse(f"governance:{name}", kwargs={"area_slug": area, **kwargs})


@pytest.fixture
def editor(client, people):
    client.force_login(people["erb_editor"])
    return client


def states(board):
    return {s.category.letter: s.state for s in membership.category_statuses(board)}


def test_a_board_starts_with_the_categories_a_to_h_each_needing_a_member(board):
    assert [c.letter for c in board.categories.all()] == list("abcdefgh")
    assert board.categories.get(category=C.LOCAL_AUTHORITY).seats == 3
    assert set(states(board).values()) == {"unfilled"}


def test_each_category_is_filled_or_its_vacancy_recorded(board):
    person(board, "An employer", category=C.EMPLOYER)
    person(board, "Shropshire Council", category=C.LOCAL_AUTHORITY)
    assert states(board)["a"] == "filled"
    assert states(board)["e"] == "unfilled"  # one of three authorities
    authorities = board.categories.get(category=C.LOCAL_AUTHORITY)
    authorities.vacant_since, authorities.vacancy_note = date(2025, 11, 1), "Asked Telford"
    membership.record_vacancy(authorities, actor=None)
    assert states(board)["e"] == "vacancy"
    assert "e" not in {s.category.letter for s in membership.unfilled(board)}
    employers = board.categories.get(category=C.EMPLOYER)
    employers.vacant_since = date(2025, 11, 1)
    with pytest.raises(ValidationError, match="no vacancy to record"):
        membership.record_vacancy(employers, actor=None)


def test_the_board_page_shows_each_category_and_a_vacancy_is_recorded_there(editor, board):
    person(board, "An employer", category=C.EMPLOYER)
    page = editor.get(url("board", pk=board.pk)).text
    assert 'id="unfilled-categories"' in page
    assert "7 categories neither filled nor recorded as vacant" in page
    category = board.categories.get(letter="c")
    response = editor.post(
        url("category-update", pk=category.pk),
        {
            "description": category.description,
            "seats": "1",
            "vacant_since_day": "1",
            "vacant_since_month": "11",
            "vacant_since_year": "2025",
            "vacancy_note": "Harper Adams asked",
        },
    )
    assert response.status_code == 302
    page = editor.get(url("board", pk=board.pk)).text
    assert "vacant since 1 November 2025: Harper Adams asked" in page
    assert AuditEntry.objects.filter(object_id=str(category.pk), action="update").exists()


def test_one_designation_of_an_area_is_in_force_at_a_time(board, marches):
    first = designation.record(
        Designation(
            area=marches, body="Shropshire Chamber of Commerce", effective_on=date(2023, 1, 1)
        ),
        actor=None,
    )
    clash = Designation(area=marches, body="Another body", effective_on=date(2025, 6, 1))
    with pytest.raises(ValidationError, match="is in force over these dates"):
        designation.record(clash, actor=None)
    first.ended_on = date(2025, 5, 31)
    designation.record(first, actor=None)
    designation.record(clash, actor=None)
    assert designation.current(marches, on=date(2024, 1, 1)) == first
    assert designation.current(marches, on=date(2025, 7, 1)) == clash
    assert designation.current(marches, on=date(2022, 1, 1)) is None
    backwards = Designation(
        area=marches, body="X", effective_on=date(2030, 1, 1), ended_on=date(2029, 1, 1)
    )
    with pytest.raises(ValidationError, match="ends after its effective date"):
        designation.record(backwards, actor=None)


def test_the_designation_is_recorded_and_shown_on_the_board(editor, client, board, people):
    response = editor.post(
        url("designation-create"),
        {
            "body": "Shropshire Chamber of Commerce",
            "effective_on_day": "1",
            "effective_on_month": "4",
            "effective_on_year": "2025",
            "terms": "The terms and conditions of designation",
            "notice_url": "https://www.gov.uk/government/publications/designated-employer-representative-bodies",
        },
    )
    assert response.status_code == 302
    page = editor.get(url("board", pk=board.pk)).text
    assert "Shropshire Chamber of Commerce, from 1 April 2025" in page
    client.force_login(people["board_member"])
    assert client.post(url("designation-create"), {}).status_code == 403


def test_the_conflicts_policy_is_published_beside_the_register(editor, client, board):
    public = client.get(url("register", pk=board.pk)).text
    assert "The conflicts of interest policy is not published yet" in public
    response = editor.post(
        url("board-update", pk=board.pk),
        {
            "name": board.name,
            "member_cap": "20",
            "terms_of_reference": "",
            "conflicts_policy": "Members declare every interest and leave the vote on it.",
        },
    )
    assert response.status_code == 302
    client.logout()
    public = client.get(url("register", pk=board.pk)).text
    assert "Members declare every interest and leave the vote on it." in public


def test_the_communication_plan_lists_its_stakeholders(editor, client, board, people):
    response = editor.post(
        url("communication-item-create", pk=board.pk),
        {
            "stakeholder": "Marches Careers Hub",
            "group": "careers",
            "priority": "on",
            "expertise": "Reaches every school and college",
            "message": "The priority sectors, for careers advice",
            "channel": "Quarterly briefing",
            "timing": "Each quarter",
            "owner": "LSIP project manager",
        },
    )
    assert response.status_code == 302
    plan = CommunicationPlan.objects.get(board=board)
    assert plan.items.get().priority
    page = editor.get(url("communication", pk=board.pk)).text
    assert "Marches Careers Hub" in page
    assert "Careers services and Careers Hubs" in page
    item = CommunicationItem.objects.get()
    response = editor.post(
        url("communication-update", pk=board.pk),
        {
            "summary": "Keep stakeholders informed",
            "agreed_on_day": "5",
            "agreed_on_month": "1",
            "agreed_on_year": "2026",
            "agreed_with": "",
        },
    )
    assert response.status_code == 302
    assert "5 January 2026" in editor.get(url("communication", pk=board.pk)).text
    client.force_login(people["board_member"])
    assert client.get(url("communication", pk=board.pk)).status_code == 200
    assert client.get(url("communication-item-update", pk=item.pk)).status_code == 403
    client.logout()
    assert client.get(url("communication", pk=board.pk)).status_code == 302  # sign in


def test_a_new_board_from_the_page_takes_the_marches_terms(editor, marches):
    from lsip.areas.models import Cycle

    cycle = Cycle.objects.create(area=marches, start_year=2028, end_year=2031)
    response = editor.post(
        url("board-create"),
        {"cycle": cycle.pk, "name": "Board", "member_cap": "20", "terms_of_reference": ""},
    )
    assert response.status_code == 302
    board = cycle.board
    assert BoardCategory.objects.filter(board=board).count() == 8
    assert board.frequencies.count() == 2
