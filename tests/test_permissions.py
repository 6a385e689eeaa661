"""Every page and API endpoint, for every role: allowed or refused, including across areas.

The tables below are the specification. A URL pattern missing from them fails the test, so a
new page or endpoint cannot ship without saying who may use it.
"""

import datetime
from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from rest_framework.authtoken.models import Token

from conftest import PASSWORD
from lsip.accounts.models import RoleAssignment
from lsip.areas.models import Cycle
from lsip.classification.models import CodingReview, SicItem, SocGroup
from lsip.economy.models import Dataset
from lsip.engagement.models import Engagement, SkillsNeed
from lsip.governance import membership
from lsip.governance.models import Board, Person
from lsip.organisations.models import Contact
from lsip.plans import revisions
from lsip.plans.models import Action, Activity, Plan, Priority
from lsip.sectors.models import Sector

ROLES = [
    "public",
    "erb_admin",
    "erb_editor",
    "board_member",
    "partner",
    "sa_partner",
    "skills_england",
    "other_area_admin",
]


def expect(public, admin, editor, board, partner, sa, skills_england, other_admin):
    return dict(
        zip(
            ROLES,
            (public, admin, editor, board, partner, sa, skills_england, other_admin),
            strict=True,
        )
    )


EVERYONE = expect(200, 200, 200, 200, 200, 200, 200, 200)
SIGNED_IN = expect(302, 200, 200, 200, 200, 200, 200, 200)
AREA_READERS = expect(302, 200, 200, 200, 200, 200, 200, 403)
AREA_EDITORS = expect(302, 200, 200, 403, 403, 403, 403, 403)
AREA_ADMINS = expect(302, 200, 403, 403, 403, 403, 403, 403)

#: GET on each page of The Marches.
PAGES = {
    "core:home": EVERYONE,
    "core:accessibility": EVERYONE,
    "accounts:login": expect(200, 302, 302, 302, 302, 302, 302, 302),
    "accounts:logout": expect(405, 405, 405, 405, 405, 405, 405, 405),
    "accounts:profile": SIGNED_IN,
    "accounts:password-change": SIGNED_IN,
    "accounts:password-change-done": SIGNED_IN,
    # Resetting a forgotten password is for anyone; the link in the email proves the account.
    "accounts:password-reset": EVERYONE,
    "accounts:password-reset-sent": EVERYONE,
    "accounts:password-reset-confirm": EVERYONE,  # a wrong link says it no longer works
    "accounts:password-reset-complete": EVERYONE,
    "accounts:choose-area": SIGNED_IN,
    "accounts:people": AREA_ADMINS,
    "accounts:role-remove": AREA_ADMINS,
    "areas:area-list": EVERYONE,
    "areas:area-detail": EVERYONE,
    "areas:cycle-create": AREA_ADMINS,
    "areas:cycle-update": AREA_ADMINS,
    "areas:audit-log": AREA_ADMINS,
    "geography:places": EVERYONE,
    "economy:profile": EVERYONE,
    "national:comparison": EVERYONE,
    "economy:priority": AREA_READERS,
    "economy:dataset-list": EVERYONE,
    "economy:dataset-detail": EVERYONE,
    "economy:dataset-import": AREA_EDITORS,
    "organisations:organisation-list": AREA_READERS,
    "organisations:organisation-detail": AREA_READERS,
    "organisations:organisation-create": AREA_EDITORS,
    "organisations:organisation-update": AREA_EDITORS,
    "organisations:organisation-archive": AREA_EDITORS,
    "organisations:organisation-merge": AREA_EDITORS,
    # Contacts are personal data: the ERB's admins and editors only.
    "organisations:contact-create": AREA_EDITORS,
    "organisations:contact-update": AREA_EDITORS,
    "organisations:contact-export": AREA_EDITORS,
    "organisations:contact-erase": AREA_EDITORS,
    "engagement:engagement-list": AREA_READERS,
    "engagement:engagement-create": AREA_EDITORS,
    "engagement:engagement-detail": AREA_READERS,
    "engagement:engagement-update": AREA_EDITORS,
    "engagement:need-create": AREA_EDITORS,
    "engagement:need-update": AREA_EDITORS,
    "engagement:breadth": AREA_READERS,
    "engagement:record-export": AREA_READERS,
    "engagement:needs-export": AREA_READERS,
    "sectors:sector-list": EVERYONE,
    "sectors:sector-create": AREA_EDITORS,
    "sectors:sector-update": AREA_EDITORS,
    "sectors:sector-delete": AREA_EDITORS,
    "sectors:sector-copy": AREA_EDITORS,
    "coding:code-titles": AREA_EDITORS,
    "coding:code-file": AREA_EDITORS,
    "coding:review-queue": AREA_EDITORS,
    "coding:review-confirm": expect(302, 405, 405, 403, 403, 403, 403, 403),
    "coding:need-confirm": expect(302, 405, 405, 403, 403, 403, 403, 403),
    "imports:import-list": AREA_EDITORS,
    "imports:import-upload": AREA_EDITORS,
    "imports:import-map": AREA_EDITORS,
    "imports:import-preview": AREA_EDITORS,
    "imports:import-apply": expect(302, 405, 405, 403, 403, 403, 403, 403),
    # Background jobs are the ERB staff's working records.
    "jobs:job-list": AREA_EDITORS,
    # ... and those who read the area see the jobs they started (the job here is nobody's).
    "jobs:job-detail": expect(302, 200, 200, 404, 404, 404, 404, 403),
    "jobs:job-status": expect(302, 200, 200, 404, 404, 404, 404, 403),
    "jobs:job-retry": expect(302, 405, 405, 405, 405, 405, 405, 403),
    "jobs:job-file": expect(302, 200, 200, 404, 404, 404, 404, 403),
    # The plan: those who read the area's work read it; the ERB edits it (and, in a devolved
    # area, the Strategic Authority: The Marches is not devolved).
    "plans:plan-list": AREA_READERS,
    "plans:plan-create": AREA_EDITORS,
    "plans:plan-detail": AREA_READERS,
    "plans:plan-update": AREA_EDITORS,
    "plans:activity-table": AREA_READERS,
    "plans:priority-create": AREA_EDITORS,
    "plans:priority-detail": AREA_READERS,
    "plans:priority-update": AREA_EDITORS,
    "plans:priority-delete": AREA_EDITORS,
    "plans:priority-move": expect(302, 405, 405, 403, 403, 403, 403, 403),  # POST only
    "plans:action-create": AREA_EDITORS,
    "plans:action-update": AREA_EDITORS,
    "plans:action-delete": AREA_EDITORS,
    "plans:activity-create": AREA_EDITORS,
    "plans:activity-update": AREA_EDITORS,
    "plans:activity-delete": AREA_EDITORS,
    "plans:occupation-list": AREA_READERS,
    "plans:occupation-create": AREA_EDITORS,
    "plans:occupation-update": AREA_EDITORS,
    "plans:occupation-delete": AREA_EDITORS,
    "plans:outcome-list": AREA_READERS,
    "plans:outcome-create": AREA_EDITORS,
    "plans:outcome-update": AREA_EDITORS,
    "plans:outcome-delete": AREA_EDITORS,
    "plans:context-list": AREA_READERS,
    "plans:context-create": AREA_EDITORS,
    "plans:context-add-national": AREA_EDITORS,
    "plans:context-update": AREA_EDITORS,
    "plans:context-delete": AREA_EDITORS,
    "plans:duty-list": AREA_READERS,
    "plans:duty-create": AREA_EDITORS,
    "plans:duty-update": AREA_EDITORS,
    "plans:duty-delete": AREA_EDITORS,
    # The living document: readers see every version and snapshot; editors freeze and carry.
    "plans:revision-list": AREA_READERS,
    "plans:revision-compare": AREA_READERS,
    "plans:revision-detail": AREA_READERS,
    "plans:snapshot-create": AREA_EDITORS,
    "plans:snapshot-detail": AREA_READERS,
    "plans:carry-forward": AREA_EDITORS,
    # The board and its register of interests are public (no contact details); the ERB's
    # secretariat changes them; the register's history is for those who read the area's work.
    "governance:board-list": EVERYONE,
    "governance:board-create": AREA_EDITORS,
    "governance:board": EVERYONE,
    "governance:board-update": AREA_EDITORS,
    "governance:person-create": AREA_EDITORS,
    "governance:person-update": AREA_EDITORS,
    "governance:register": EVERYONE,
    "governance:register-csv": EVERYONE,
    "governance:register-declare": AREA_EDITORS,
    "governance:register-history": AREA_READERS,
    # Meetings, decisions, votes, papers, LSIF bids and the grant: read by those who read the
    # area's work; recorded by the ERB's secretariat.
    "governance:meeting-list": AREA_READERS,
    "governance:schedule": AREA_EDITORS,
    "governance:meeting": AREA_READERS,
    "governance:meeting-update": AREA_EDITORS,
    "governance:agenda-create": AREA_EDITORS,
    "governance:paper-upload": AREA_EDITORS,
    "governance:paper-download": AREA_READERS,
    "governance:attendance": AREA_EDITORS,
    "governance:declaration-create": AREA_EDITORS,
    "governance:action-create": AREA_EDITORS,
    "governance:action-update": AREA_EDITORS,
    "governance:decision-list": AREA_READERS,
    "governance:decision-create": AREA_EDITORS,
    "governance:decision-written": AREA_EDITORS,
    "governance:decision": AREA_READERS,
    "governance:lsif-list": AREA_READERS,
    "governance:lsif-create": AREA_EDITORS,
    "governance:lsif-endorse": AREA_EDITORS,
    "governance:grant": AREA_READERS,
    "governance:grant-cap": AREA_EDITORS,
    # The board's categories, the ERB's designation, the communication plan (ERB's record).
    "governance:category-update": AREA_EDITORS,
    "governance:frequency-update": AREA_EDITORS,
    "governance:designation-create": AREA_EDITORS,
    "governance:communication": AREA_READERS,
    "governance:communication-update": AREA_EDITORS,
    "governance:communication-item-create": AREA_EDITORS,
    "governance:communication-item-update": AREA_EDITORS,
    # Changing or withdrawing a recorded item: the ERB's secretariat.
    "governance:agenda-change": AREA_EDITORS,
    "governance:agenda-withdraw": AREA_EDITORS,
    "governance:papers-change": AREA_EDITORS,
    "governance:papers-withdraw": AREA_EDITORS,
    "governance:declarations-change": AREA_EDITORS,
    "governance:declarations-withdraw": AREA_EDITORS,
    "governance:decisions-change": AREA_EDITORS,
    "governance:decisions-withdraw": AREA_EDITORS,
    "governance:claims-change": AREA_EDITORS,
    "governance:claims-withdraw": AREA_EDITORS,
    "governance:lsif-change": AREA_EDITORS,
    "governance:lsif-withdraw": AREA_EDITORS,
    # Delivery: those who read the area's work read it (a partner contributor only their
    # organisation's activities); partners report; the ERB's staff review and chase.
    "delivery:dashboard": AREA_READERS,
    "delivery:my-updates": expect(302, 200, 200, 403, 200, 200, 403, 403),
    "delivery:update-list": AREA_READERS,
    "delivery:update-review": expect(302, 405, 405, 403, 403, 403, 403, 403),  # POST only
    "delivery:activity": AREA_READERS,
    # Only a partner contributor whose organisation leads or supports it reports on it.
    "delivery:update-new": expect(302, 403, 403, 403, 200, 403, 403, 403),
    "delivery:evidence-file": AREA_READERS,
    "delivery:round-list": AREA_EDITORS,
    "delivery:round-detail": AREA_EDITORS,
    "delivery:metrics": AREA_READERS,
    "delivery:feedback-summary": AREA_READERS,
    "delivery:feedback-form": EVERYONE,  # employers answer without an account
    "delivery:feedback-thanks": EVERYONE,
    "delivery:review": AREA_READERS,
    "delivery:report": AREA_READERS,
    "delivery:monitoring": AREA_READERS,
    # Submission and approval: the area's readers see the timeline, the checker and each
    # step's page (taking a step is checked again on POST, lsip.approval.lifecycle); the
    # plan's editors keep the disagreement log and answer feedback; Skills England records
    # feedback (here nothing is submitted yet: 404) and sees every area.
    "approval:timeline": AREA_READERS,
    "approval:readiness": AREA_READERS,
    "approval:step": AREA_READERS,
    "approval:confirm": AREA_READERS,
    "approval:defer": AREA_READERS,
    "approval:disagreement-create": AREA_EDITORS,
    "approval:disagreement-move": AREA_EDITORS,
    "approval:feedback-create": expect(302, 403, 403, 403, 403, 403, 404, 403),
    "approval:feedback-answer": AREA_EDITORS,
    "approval_national:table": expect(302, 403, 403, 403, 403, 403, 200, 403),
    "approval_national:calendar": expect(302, 403, 403, 403, 403, 403, 200, 403),
    # The national view adds up every area's records: Skills England only. Anyone signed in
    # compares the areas they read; the area document's JSON Schema is public.
    "england:overview": expect(302, 403, 403, 403, 403, 403, 200, 403),
    "england:compare": SIGNED_IN,
    "interchange:area-schema": EVERYONE,
    # Documents: the area's readers read the plan as a document and download its builds; the
    # ERB's editors write it and build it; its admins publish it and set its branding.
    "documents:overview": AREA_READERS,
    "documents:plan": AREA_READERS,
    "documents:progress": AREA_READERS,
    "documents:progress-create": expect(302, 405, 405, 403, 403, 403, 403, 403),  # POST only
    "documents:progress-action": expect(302, 405, 405, 403, 403, 403, 403, 403),  # POST only
    "documents:narrative": AREA_EDITORS,
    "documents:build": expect(302, 405, 405, 403, 403, 403, 403, 403),  # POST only
    "documents:build-download": AREA_READERS,
    "documents:publish": AREA_ADMINS,
    "documents:branding": AREA_ADMINS,
    # The public pages: what is published, for anyone.
    "public:index": EVERYONE,
    "public:area": EVERYONE,
    "public:publication": EVERYONE,
    "public:download": EVERYONE,
    "classifications": EVERYONE,
    "classification:soc-index": EVERYONE,
    "classification:soc-detail": EVERYONE,
    "classification:sic-index": EVERYONE,
    "classification:sic-detail": EVERYONE,
    "api-schema": EVERYONE,
    "api-docs": EVERYONE,
}

A_401 = 401  # the API answers an anonymous caller with 401 and a WWW-Authenticate header
API_READERS = expect(A_401, 200, 200, 200, 200, 200, 200, 403)
API_ADMINS = expect(A_401, 200, 403, 403, 403, 403, 403, 403)
READ_ONLY = expect(A_401, 403, 403, 403, 403, 403, 403, 403)  # nobody writes reference data
API_PLAN_CREATE = expect(A_401, 201, 201, 403, 403, 403, 403, 403)
API_PLAN_WRITE = expect(A_401, 200, 200, 403, 403, 403, 403, 403)
API_BOARD_CREATE = API_PLAN_CREATE  # the ERB's secretariat: its admins and editors
API_BOARD_WRITE = API_PLAN_WRITE

#: (method, data, expected) on each API route of The Marches.
API = {
    "api-v1:api-root": [("get", None, EVERYONE)],
    "api-v1:me": [("get", None, expect(A_401, 200, 200, 200, 200, 200, 200, 200))],
    "api-v1:area-list": [("get", None, EVERYONE)],
    "api-v1:area-detail": [
        ("get", None, EVERYONE),
        ("patch", {}, expect(A_401, 403, 403, 403, 403, 403, 403, 403)),
    ],
    "api-v1:cycle-list": [
        ("get", None, EVERYONE),
        ("post", {"start_year": 2026}, expect(A_401, 201, 403, 403, 403, 403, 403, 403)),
    ],
    "api-v1:cycle-detail": [
        ("get", None, EVERYONE),
        ("patch", {"status": "developing"}, API_ADMINS),
    ],
    "api-v1:organisation-list": [
        ("get", None, API_READERS),
        (
            "post",
            {"name": "New Ltd", "type": "employer"},
            expect(A_401, 201, 201, 403, 403, 403, 403, 403),
        ),
    ],
    "api-v1:organisation-detail": [
        ("get", None, API_READERS),
        (
            "patch",
            {"website": "https://example.org"},
            expect(A_401, 200, 200, 403, 403, 403, 403, 403),
        ),
        ("delete", None, expect(A_401, 204, 204, 403, 403, 403, 403, 403)),
    ],
    "api-v1:audit-entry-list": [("get", None, API_ADMINS)],
    "api-v1:engagement-list": [
        ("get", None, API_READERS),
        (
            "post",
            lambda o: {
                "type": "interview",
                "date": "2025-11-03",
                "organisations": [str(o["organisation"].pk)],
            },
            expect(A_401, 201, 201, 403, 403, 403, 403, 403),
        ),
    ],
    "api-v1:engagement-detail": [
        ("get", None, API_READERS),
        ("patch", {"notes": "Met at the show"}, expect(A_401, 200, 200, 403, 403, 403, 403, 403)),
    ],
    "api-v1:skills-need-list": [
        ("get", None, API_READERS),
        (
            "post",
            lambda o: {
                "engagement": str(o["engagement"].pk),
                "organisation": str(o["organisation"].pk),
                "words": "Welder",
                "need_type": "shortage",
            },
            expect(A_401, 201, 201, 403, 403, 403, 403, 403),
        ),
    ],
    "api-v1:skills-need-detail": [
        ("get", None, API_READERS),
        ("patch", {"number": 2}, expect(A_401, 200, 200, 403, 403, 403, 403, 403)),
    ],
    # Personal data: the ERB's admins and editors only.
    "api-v1:contact-list": [
        ("get", None, expect(A_401, 200, 200, 403, 403, 403, 403, 403)),
        (
            "post",
            lambda o: {"organisation": str(o["organisation"].pk), "name": "Sam Jones"},
            expect(A_401, 201, 201, 403, 403, 403, 403, 403),
        ),
    ],
    "api-v1:contact-detail": [
        ("get", None, expect(A_401, 200, 200, 403, 403, 403, 403, 403)),
        ("patch", {"phone": "01743 000000"}, expect(A_401, 200, 200, 403, 403, 403, 403, 403)),
    ],
    # Anyone signed in may code; with no reference files installed here, the coder says 503.
    "api-v1:code-soc": [("post", {"texts": ["Carer"]}, expect(A_401, *[503] * 7))],
    "api-v1:code-sic": [("post", {"texts": ["Hotel"]}, expect(A_401, *[503] * 7))],
    "api-v1:soc-group-list": [("get", None, EVERYONE), ("post", {"code": "7"}, READ_ONLY)],
    "api-v1:soc-group-detail": [("get", None, EVERYONE), ("patch", {"title": "x"}, READ_ONLY)],
    "api-v1:sic-item-list": [("get", None, EVERYONE), ("post", {"code": "B"}, READ_ONLY)],
    "api-v1:sic-item-detail": [("get", None, EVERYONE), ("patch", {"title": "x"}, READ_ONLY)],
    "api-v1:area-sector-list": [("get", None, EVERYONE), ("post", {"name": "x"}, READ_ONLY)],
    "api-v1:dataset-list": [("get", None, EVERYONE), ("post", {"title": "x"}, READ_ONLY)],
    "api-v1:dataset-detail": [("get", None, EVERYONE), ("patch", {"title": "x"}, READ_ONLY)],
    "api-v1:indicator-list": [("get", None, EVERYONE)],
    # The weighting is the ERB's working analysis: those who may read the area's work.
    "api-v1:priority-sector-list": [("get", None, API_READERS)],
    # The board is published (its people without contact details); meetings and decisions
    # are the area's work. All read only.
    # What is published is public; publishing goes through the pages.
    "api-v1:publication-list": [("get", None, EVERYONE), ("post", {"title": "x"}, READ_ONLY)],
    "api-v1:publication-detail": [("get", None, EVERYONE), ("patch", {"title": "x"}, READ_ONLY)],
    # Every cycle here has its board: a new one is refused (400) once the role is let through.
    "api-v1:board-list": [
        ("get", None, EVERYONE),
        (
            "post",
            lambda o: {"name": "x", "cycle_id": str(o["cycle"].pk)},
            expect(A_401, 400, 400, 403, 403, 403, 403, 403),
        ),
    ],
    "api-v1:board-detail": [
        ("get", None, EVERYONE),
        ("patch", {"name": "The Marches LSIP Board"}, API_BOARD_WRITE),
    ],
    # The board's people, categories and the designation are public; the ERB's secretariat
    # (admins and editors) writes them and every other record of the board, as on the pages.
    "api-v1:board-person-list": [
        ("get", None, EVERYONE),
        (
            "post",
            lambda o: {"board": str(o["board"].pk), "kind": "attendee", "name": "Observer"},
            API_BOARD_CREATE,
        ),
    ],
    "api-v1:board-person-detail": [
        ("get", None, EVERYONE),
        ("patch", {"represents": "Shropshire Chamber"}, API_BOARD_WRITE),
    ],
    "api-v1:board-category-list": [("get", None, EVERYONE)],
    "api-v1:board-category-detail": [
        ("get", None, EVERYONE),
        ("patch", {"vacancy_note": "Advertised"}, API_BOARD_WRITE),
    ],
    "api-v1:designation-list": [
        ("get", None, EVERYONE),
        ("post", {"body": "Shropshire Chamber", "effective_on": "2021-01-01"}, API_BOARD_CREATE),
    ],
    "api-v1:designation-detail": [
        ("get", None, EVERYONE),
        ("patch", {"terms": "As the notice gives them"}, API_BOARD_WRITE),
    ],
    "api-v1:register-entry-declare": [
        ("post", {"no_interests": True, "declared_on": "2025-10-30"}, API_BOARD_WRITE)
    ],
    # The communication plan is the ERB's working record: the board has one already, so a
    # second is refused (400) once the role is let through.
    "api-v1:communication-plan-list": [
        ("get", None, API_READERS),
        (
            "post",
            lambda o: {"board": str(o["board"].pk)},
            expect(A_401, 400, 400, 403, 403, 403, 403, 403),
        ),
    ],
    "api-v1:communication-plan-detail": [
        ("get", None, API_READERS),
        ("patch", {"summary": "Who we tell what"}, API_BOARD_WRITE),
    ],
    "api-v1:communication-item-list": [
        ("get", None, API_READERS),
        (
            "post",
            lambda o: {
                "plan": str(o["communication_plan"].pk),
                "stakeholder": "Unions",
                "group": "unions",
            },
            API_BOARD_CREATE,
        ),
    ],
    "api-v1:communication-item-detail": [
        ("get", None, API_READERS),
        ("patch", {"owner": "Secretariat"}, API_BOARD_WRITE),
    ],
    "api-v1:meeting-list": [
        ("get", None, API_READERS),
        ("post", lambda o: {"board": str(o["board"].pk), "date": "2025-12-04"}, API_BOARD_CREATE),
    ],
    "api-v1:meeting-detail": [
        ("get", None, API_READERS),
        ("patch", {"minutes": "Agreed"}, API_BOARD_WRITE),
    ],
    "api-v1:meeting-record-attendance": [
        (
            "post",
            lambda o: {
                "attendance": [{"person": str(o["board_person"].pk), "status": "apologies"}]
            },
            API_BOARD_WRITE,
        )
    ],
    "api-v1:attendance-list": [("get", None, API_READERS)],
    "api-v1:attendance-detail": [("get", None, API_READERS)],
    "api-v1:agenda-item-list": [
        ("get", None, API_READERS),
        ("post", lambda o: {"meeting": str(o["meeting"].pk), "title": "AOB"}, API_BOARD_CREATE),
    ],
    "api-v1:agenda-item-detail": [
        ("get", None, API_READERS),
        ("patch", {"title": "The draft plan"}, API_BOARD_WRITE),
    ],
    "api-v1:paper-list": [
        ("get", None, API_READERS),
        (
            "post",
            lambda o: {
                "item": str(o["agenda_item"].pk),
                "title": "Annex",
                "file": SimpleUploadedFile("annex.pdf", b"%PDF-1.4"),
            },
            API_BOARD_CREATE,
        ),
    ],
    "api-v1:paper-detail": [
        ("get", None, API_READERS),
        ("patch", {"title": "The draft plan"}, API_BOARD_WRITE),
    ],
    "api-v1:declaration-list": [
        ("get", None, API_READERS),
        (
            "post",
            lambda o: {
                "item": str(o["agenda_item"].pk),
                "person": str(o["board_person"].pk),
                "description": "Governor of the college",
            },
            API_BOARD_CREATE,
        ),
    ],
    "api-v1:declaration-detail": [
        ("get", None, API_READERS),
        ("patch", {"description": "Governor"}, API_BOARD_WRITE),
    ],
    "api-v1:meeting-action-list": [
        ("get", None, API_READERS),
        (
            "post",
            lambda o: {
                "meeting": str(o["meeting"].pk),
                "description": "Write up",
                "owner": "Secretariat",
                "due": "2025-12-01",
            },
            API_BOARD_CREATE,
        ),
    ],
    "api-v1:meeting-action-detail": [
        ("get", None, API_READERS),
        ("patch", {"done_on": "2025-12-01"}, API_BOARD_WRITE),
    ],
    "api-v1:decision-list": [
        ("get", None, API_READERS),
        (
            "post",
            lambda o: {
                "board": str(o["board"].pk),
                "method": "written",
                "chair_agreed": True,
                "question": "Publish the register",
                "decided_on": "2025-11-02",
                "votes": [{"voter": str(o["board_person"].pk), "choice": "for"}],
            },
            API_BOARD_CREATE,
        ),
    ],
    "api-v1:decision-detail": [
        ("get", None, API_READERS),
        ("patch", {"question": "Commission the research"}, API_BOARD_WRITE),
    ],
    # The bid is endorsed (a motion no one voted on fails) before another bid is proposed,
    # which would make the board ask for a joint bid.
    "api-v1:lsif-bid-endorse": [
        (
            "post",
            lambda o: {
                "meeting": str(o["meeting"].pk),
                "question": "Endorse the engineering bid",
                "decided_on": "2025-11-20",
                "votes": [],
            },
            API_BOARD_CREATE,
        )
    ],
    "api-v1:lsif-bid-list": [
        ("get", None, API_READERS),
        (
            "post",
            lambda o: {
                "cycle": str(o["cycle"].pk),
                "provider": str(o["organisation"].pk),
                "title": "Digital",
                "proposed_on": "2025-11-01",
            },
            API_BOARD_CREATE,
        ),
    ],
    "api-v1:lsif-bid-detail": [
        ("get", None, API_READERS),
        ("patch", {"note": "Sent to the board"}, API_BOARD_WRITE),
    ],
    # The cycle has its grant: a second is refused (400) once the role is let through.
    "api-v1:grant-list": [
        ("get", None, API_READERS),
        (
            "post",
            lambda o: {"cycle": str(o["cycle"].pk)},
            expect(A_401, 400, 400, 403, 403, 403, 403, 403),
        ),
    ],
    "api-v1:grant-detail": [
        ("get", None, API_READERS),
        ("patch", {"cap": "550000.00"}, API_BOARD_WRITE),
    ],
    "api-v1:grant-claim-list": [
        ("get", None, API_READERS),
        (
            "post",
            lambda o: {
                "grant": str(o["grant"].pk),
                "stage": "2",
                "amount": "500.00",
                "claimed_on": "2025-12-01",
            },
            API_BOARD_CREATE,
        ),
    ],
    "api-v1:grant-claim-detail": [
        ("get", None, API_READERS),
        ("patch", {"description": "Stage 1 costs"}, API_BOARD_WRITE),
    ],
    # Withdrawing keeps the record, marked; last, so the changes above find them as recorded.
    **{
        f"api-v1:{name}-withdraw": [("post", {"reason": "Recorded in error"}, API_BOARD_WRITE)]
        for name in ("agenda-item", "paper", "declaration", "decision", "lsif-bid", "grant-claim")
    },
    # The plan, read only, for those who may read the area's work.
    "api-v1:plan-list": [("get", None, API_READERS), ("post", {"title": "x"}, READ_ONLY)],
    "api-v1:plan-detail": [("get", None, API_READERS), ("patch", {"title": "x"}, READ_ONLY)],
    "api-v1:plan-revisions": [("get", None, API_READERS)],
    # The plan's priorities, actions and outcomes: read by the area's readers, written by
    # those who edit the plan (a change names the version it read).
    "api-v1:plan-priority-list": [
        ("get", None, API_READERS),
        ("post", lambda o: {"plan": str(o["plan"].pk), "title": "Digital"}, API_PLAN_CREATE),
    ],
    "api-v1:plan-priority-detail": [
        ("get", None, API_READERS),
        ("patch", lambda o: {"title": "Care", "version": o["priority"].version}, API_PLAN_WRITE),
    ],
    "api-v1:plan-action-list": [
        ("get", None, API_READERS),
        (
            "post",
            lambda o: {"priority": str(o["priority"].pk), "title": "More", "aims": ["offer"]},
            API_PLAN_CREATE,
        ),
    ],
    "api-v1:plan-action-detail": [
        ("get", None, API_READERS),
        ("patch", lambda o: {"title": "Carers", "version": o["action"].version}, API_PLAN_WRITE),
    ],
    "api-v1:plan-activity-list": [
        ("get", None, API_READERS),
        (
            "post",
            lambda o: {
                "action": str(o["action"].pk),
                "title": "Care academy two",
                "leads": [str(o["organisation"].pk)],
                "start": "2026-09-01",
                "end": "2027-07-31",
            },
            API_PLAN_CREATE,
        ),
    ],
    "api-v1:plan-activity-detail": [
        ("get", None, API_READERS),
        ("patch", lambda o: {"title": "Academy", "version": o["activity"].version}, API_PLAN_WRITE),
    ],
    "api-v1:plan-outcome-list": [("get", None, API_READERS)],
    "api-v1:plan-outcome-detail": [
        ("get", None, API_READERS),
        ("patch", lambda o: {"unit": "people", "version": o["outcome"].version}, API_PLAN_WRITE),
    ],
    "api-v1:register-entry-list": [("get", None, EVERYONE), ("post", {"status": "x"}, READ_ONLY)],
    "api-v1:register-entry-detail": [("get", None, EVERYONE)],
    "api-v1:readiness-list": [("get", None, API_READERS)],
    "api-v1:lifecycle-list": [("get", None, API_READERS)],
    # Delivery: partners post their updates and their organisation's metric values; the
    # ERB's staff post values for anyone (a post naming no organisation of theirs is a 400).
    "api-v1:delivery-activity-list": [("get", None, API_READERS)],
    "api-v1:delivery-activity-detail": [("get", None, API_READERS)],
    "api-v1:delivery-update-list": [
        ("get", None, API_READERS),
        (
            "post",
            lambda o: {
                "activity": str(o["activity"].pk),
                "as_of": "2026-11-30",
                "status": "on_track",
                "percent_complete": 20,
                "narrative": "Started",
            },
            expect(A_401, 400, 400, 403, 201, 400, 403, 403),
        ),
    ],
    "api-v1:delivery-update-detail": [("get", None, API_READERS)],
    "api-v1:metric-value-list": [
        ("get", None, API_READERS),
        (
            "post",
            lambda o: {"outcome": str(o["outcome"].pk), "on": "2026-11-30", "value": 12},
            expect(A_401, 201, 201, 403, 201, 400, 403, 403),
        ),
    ],
    "api-v1:plan-move-priority": [
        (
            "post",
            lambda o: {"priority": str(o["priority"].pk), "direction": "up"},
            expect(A_401, 200, 200, 403, 403, 403, 403, 403),
        )
    ],
}

#: The code each classification page or endpoint is opened at (made by `objects`).
CODES = {
    "classification:soc-detail": "6",
    "api-v1:soc-group-detail": "6",
    "classification:sic-detail": "A",
    "api-v1:sic-item-detail": "A",
}


def url_names(resolver=None, namespace=""):
    """Every named URL pattern, with its namespace, outside the Django admin."""
    names = set()
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.app_name == "admin":
                continue
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names |= url_names(pattern, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(f"{namespace}{pattern.name}")
    return {name for name in names if not name.endswith("-format") and "format" not in name}


def test_every_url_has_an_expectation():
    declared = set(PAGES) | set(API)
    assert url_names() - declared == set(), "add the new URLs to the tables in this module"
    assert declared - url_names() == set()


@pytest.fixture
def objects(marches, college, people, tmp_path):
    cycle = Cycle.objects.create(area=marches, start_year=2022, end_year=2025)
    role = RoleAssignment.objects.filter(area=marches).first()
    SocGroup.objects.create(code="6", level="major", title="Caring and service occupations")
    SicItem.objects.create(code="A", level="section", title="Agriculture", position=2)
    review = CodingReview.objects.create(
        area=marches,
        text="Operations manager",
        key="operations manager",
        coder_status="needs review",
        coder_version="soc-1.0",
    )
    engagement = Engagement.objects.create(
        area=marches, type="interview", date=datetime.date(2025, 11, 3)
    )
    engagement.organisations.add(college)
    need = SkillsNeed.objects.create(
        area=marches,
        engagement=engagement,
        organisation=college,
        words="Welder",
        need_type="provision",
    )
    contact = Contact.objects.create(organisation=college, name="Pat Lee")
    sector = Sector.objects.create(area=marches, name="Agri-food", kind="area", sic_codes=["01"])
    dataset = Dataset.objects.create(
        family="ubc-enterprises-by-size",
        title="UK Business Counts: enterprises by size band",
        publisher="ONS (via Nomis)",
        edition="downloaded from Nomis on 24 April 2023",
        edition_date=datetime.date(2023, 4, 24),
        licence="Open Government Licence v3.0",
        periods=["2022"],
    )
    plan = Plan.objects.create(area=marches, cycle=cycle, title="The Marches LSIP 2022 to 2025")
    priority = Priority.objects.create(plan=plan, title="Care workforce")
    action = Action.objects.create(priority=priority, title="More carers", aims=["offer"])
    activity = Activity.objects.create(
        action=action,
        title="Care academy",
        start=datetime.date(2026, 9, 1),
        end=datetime.date(2027, 7, 31),
    )
    activity.leads.add(college)
    board = Board.objects.create(area=marches, cycle=cycle, name="Marches LSIP Board")
    board_person = membership.save_person(
        Person(board=board, name="Ruth Ross", kind=Person.Kind.MEMBER, is_chair=True), actor=None
    )
    return {
        "board": board,
        "board_person": board_person,
        "register_entry": board_person.register,
        **meeting_records(board, board_person, college),
        "plan": plan,
        "snapshot": revisions.freeze(plan, "Substantive draft", None),
        **annex_items(plan),
        "priority": priority,
        "action": action,
        "activity": activity,
        "dataset": dataset,
        "cycle": cycle,
        "organisation": college,
        "role": role,
        "review": review,
        "engagement": engagement,
        "need": need,
        "contact": contact,
        "sector": sector,
        "national_sector": Sector.objects.get(area=None, name="Construction"),
        "job": a_finished_job(marches, tmp_path),
        **documents_records(plan),
        **delivery_records(activity, college),
        "report_year": SimpleNamespace(pk=2027),  # the progress report's year in its URL
        **approval_records(plan),
    }


def delivery_records(activity, organisation):
    """An update from the partner's college with an evidence file, and a round."""
    from django.core.files.base import ContentFile

    from lsip.delivery.models import Evidence, Round, Update

    update = Update.objects.create(
        activity=activity,
        organisation=organisation,
        as_of=datetime.date(2026, 10, 31),
        status="on_track",
        percent_complete=10,
        narrative="Started",
    )
    evidence = Evidence(update=update, description="Register")
    evidence.file.save("register.csv", ContentFile(b"a,b\n"), save=True)
    plan = activity.action.priority.plan
    return {
        "update": update,
        "evidence": evidence,
        "round": Round.objects.create(
            plan=plan,
            name="2026 Q3",
            period_start=datetime.date(2026, 7, 1),
            period_end=datetime.date(2026, 9, 30),
            due_on=datetime.date(2026, 10, 15),
        ),
    }


def approval_records(plan):
    """A disagreement and a point of feedback on a frozen version, and the words the
    approval pages take in their URLs."""
    from lsip.approval import disagreements, feedback

    snapshot = revisions.freeze(plan, "Sent for an early view", None)
    return {
        "disagreement": disagreements.raise_disagreement(
            plan.cycle, subject="Land-based skills", details="A priority of its own?", actor=None
        ),
        "feedback_point": feedback.add_point(
            plan.cycle, snapshot, section="plan", point="Say more on SMEs", actor=None
        ),
        "step_kind": SimpleNamespace(pk="draft_submitted"),
        "party": SimpleNamespace(pk="sa"),
        "calendar_year": SimpleNamespace(pk=2026),
    }


def a_finished_job(area, folder):
    """A job of the area that has ended and made a file."""
    from django.utils import timezone

    from lsip.jobs.models import Job

    made = folder / "coded.csv"
    made.write_text("title,soc\nWelder,5215\n")
    return Job.objects.create(
        area=area,
        kind="clean-uploads",
        title="A finished job",
        queued_at=timezone.now(),
        state=Job.State.DONE,
        result_file=str(made),
    )


def import_kwargs(name, objects):
    """The import pages' kwargs: the upload's token, for the steps after uploading."""
    if not name.startswith("imports:"):
        return {}
    if name.endswith(("-list", "-upload")):
        return {"area_slug": "the-marches"}
    return {"area_slug": "the-marches", "token": an_upload(objects)}


def an_upload(objects):
    """An uploaded, mapped spreadsheet waiting on the import pages (made once per test), by the
    person signed in: an upload is private to whoever uploaded it (issue 17; another editor's
    404 is tested with the imports)."""
    if "upload" not in objects:
        from lsip.areas.models import Area
        from lsip.engagement.imports.uploads import save_mapping, store_upload

        area = Area.objects.get(slug="the-marches")
        token = store_upload(
            area, "survey.csv", b"Company,Date\nAcme,31/03/2025\n", objects.get("uploader")
        )
        save_mapping(
            area,
            token,
            {
                "columns": {"employer_name": "Company", "date": "Date"},
                "defaults": {"type": "survey"},
            },
        )
        objects["upload"] = token
    return objects["upload"]


def annex_items(plan):
    """One item of each of the plan's annex pages (Annex A, outcomes, context, duties)."""
    from lsip.plans.models import ContextLink, Duty, OccupationEntry, Outcome

    return {
        "occupation": OccupationEntry.objects.create(
            plan=plan, name="Builders", soc_codes=["5319"]
        ),
        "outcome": Outcome.objects.create(
            plan=plan,
            area_of_outcome="employers",
            name="Employers engaged",
            metric="Employers",
            unit="employers",
            data_source="Engagement record",
        ),
        "context_link": ContextLink.objects.create(
            plan=plan, kind="sa", name="Agri-tech", statement="Priority 1"
        ),
        "duty": Duty.objects.create(plan=plan, kind="net_zero", how_considered="Retrofit"),
    }


def meeting_records(board, member, provider):
    """A meeting of the board with an agenda item, a paper, a declaration, an action and a
    decision; a written decision; an LSIF bid of the board's cycle; a grant claim; the
    board's membership categories and a stakeholder in its communication plan."""
    from django.core.files.base import ContentFile

    from lsip.governance import funding, terms, voting
    from lsip.governance.models import (
        ActionItem,
        AgendaItem,
        Attendance,
        CommunicationItem,
        CommunicationPlan,
        Declaration,
        Designation,
        LsifBid,
        Meeting,
        Paper,
    )

    meeting = Meeting.objects.create(board=board, date=datetime.date(2025, 11, 20))
    item = AgendaItem.objects.create(meeting=meeting, title="The draft plan")
    paper = Paper(item=item, title="Draft plan")
    paper.file.save("draft.pdf", ContentFile(b"%PDF-1.4"), save=True)
    decision = voting.record(
        board,
        method="written",
        question="Commission research",
        decided_on=datetime.date(2025, 11, 1),
        ballots=[voting.Ballot(member, "for")],
        chair_agreed=True,
        actor=None,
    )
    terms.adopt_marches_terms(board, actor=None)
    plan = CommunicationPlan.objects.create(board=board)
    grant = funding.open_grant(board.area, board.cycle, actor=None)
    return {
        "meeting": meeting,
        "attendance": Attendance.objects.create(meeting=meeting, person=member, status="present"),
        "communication_plan": plan,
        "grant": grant,
        "designation": Designation.objects.create(
            area=board.area,
            body="Shropshire Chamber of Commerce",
            effective_on=datetime.date(2020, 1, 1),
            ended_on=datetime.date(2020, 12, 31),
        ),
        "agenda_item": item,
        "paper": paper,
        "declaration": Declaration.objects.create(item=item, person=member, description="x"),
        "grant_claim": funding.add_claim(
            grant, stage="1", amount="1000", claimed_on=meeting.date, actor=None
        ),
        "board_category": board.categories.first(),
        "meeting_frequency": board.frequencies.first(),
        "communication_item": CommunicationItem.objects.create(
            plan=plan, stakeholder="Careers Hub", group="careers"
        ),
        "board_action": ActionItem.objects.create(
            meeting=meeting, description="Send", owner="Secretariat", due=meeting.date
        ),
        "decision": decision,
        "lsif_bid": LsifBid.objects.create(
            area=board.area,
            cycle=board.cycle,
            provider=provider,
            title="Engineering",
            proposed_on=meeting.date,
        ),
    }


#: Which record fills each id in the URLs of the engagement record and contacts.
CONTACT = {"pk": "organisation", "contact_pk": "contact"}
DOCUMENT_KWARGS = {
    "documents:narrative": {"document": "plan", "key": "introduction"},
    "documents:progress": {"year": 2024},
    "documents:progress-action": {"year": 2024},
    "public:download": {"fmt": "html"},
}


def documents_records(plan):
    """A progress report, a built file and a publication of the plan (lsip.documents)."""
    from django.conf import settings

    from lsip.delivery.models import ProgressReport
    from lsip.documents.models import Build, Publication

    path = settings.MEDIA_ROOT / "documents" / "built.docx"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"PK")
    day = datetime.date(2025, 6, 30)
    return {
        "documents_progress": ProgressReport.objects.create(plan=plan, year=2024),
        "documents_build": Build.objects.create(
            plan=plan, document="plan", format="docx", file="documents/built.docx"
        ),
        "documents_publication": Publication.objects.create(
            area=plan.area,
            plan=plan,
            kind=Publication.Kind.PLAN,
            title=plan.title,
            content={"kind": "plan", "title": plan.title, "date": "2025-06-30", "sections": []},
            published_on=day,
            available_from=day,
        ),
    }


RECORD_KWARGS = {
    "documents:build-download": {"pk": "documents_build"},
    "public:publication": {"pk": "documents_publication"},
    "public:download": {"pk": "documents_publication"},
    "api-v1:publication-detail": {"pk": "documents_publication"},
    "organisations:contact-create": {"pk": "organisation"},
    "organisations:contact-update": CONTACT,
    "organisations:contact-export": CONTACT,
    "organisations:contact-erase": CONTACT,
    "engagement:engagement-detail": {"pk": "engagement"},
    "engagement:engagement-update": {"pk": "engagement"},
    "engagement:need-create": {"pk": "engagement"},
    "engagement:need-update": {"pk": "engagement", "need_pk": "need"},
    "coding:need-confirm": {"pk": "need"},
    "api-v1:engagement-detail": {"pk": "engagement"},
    "api-v1:skills-need-detail": {"pk": "need"},
    "api-v1:contact-detail": {"pk": "contact"},
    "sectors:sector-update": {"pk": "sector"},
    "sectors:sector-delete": {"pk": "sector"},
    "sectors:sector-copy": {"pk": "national_sector"},
    "economy:dataset-detail": {"pk": "dataset"},
    "api-v1:dataset-detail": {"pk": "dataset"},
    "plans:plan-detail": {"pk": "plan"},
    "plans:plan-update": {"pk": "plan"},
    "plans:activity-table": {"pk": "plan"},
    "plans:priority-create": {"pk": "plan"},
    "plans:priority-detail": {"pk": "priority"},
    "plans:priority-update": {"pk": "priority"},
    "plans:priority-delete": {"pk": "priority"},
    "plans:priority-move": {"pk": "priority"},
    "plans:action-create": {"pk": "priority"},
    "plans:action-update": {"pk": "action"},
    "plans:action-delete": {"pk": "action"},
    "plans:activity-create": {"pk": "action"},
    "plans:activity-update": {"pk": "activity"},
    "plans:activity-delete": {"pk": "activity"},
    "plans:occupation-list": {"pk": "plan"},
    "plans:occupation-create": {"pk": "plan"},
    "plans:occupation-update": {"pk": "occupation"},
    "plans:occupation-delete": {"pk": "occupation"},
    "plans:outcome-list": {"pk": "plan"},
    "plans:outcome-create": {"pk": "plan"},
    "plans:outcome-update": {"pk": "outcome"},
    "plans:outcome-delete": {"pk": "outcome"},
    "plans:context-list": {"pk": "plan"},
    "plans:context-create": {"pk": "plan"},
    "plans:context-add-national": {"pk": "plan", "sector_pk": "national_sector"},
    "plans:context-update": {"pk": "context_link"},
    "plans:context-delete": {"pk": "context_link"},
    "plans:duty-list": {"pk": "plan"},
    "plans:duty-create": {"pk": "plan"},
    "plans:duty-update": {"pk": "duty"},
    "plans:duty-delete": {"pk": "duty"},
    "governance:board": {"pk": "board"},
    "governance:board-update": {"pk": "board"},
    "governance:person-create": {"pk": "board"},
    "governance:person-update": {"pk": "board_person"},
    "governance:register": {"pk": "board"},
    "governance:register-csv": {"pk": "board"},
    "governance:register-declare": {"pk": "board_person"},
    "governance:register-history": {"pk": "board"},
    "governance:meeting-list": {"pk": "board"},
    "governance:schedule": {"pk": "board"},
    "governance:meeting": {"pk": "meeting"},
    "governance:meeting-update": {"pk": "meeting"},
    "governance:agenda-create": {"pk": "meeting"},
    "governance:paper-upload": {"pk": "agenda_item"},
    "governance:paper-download": {"pk": "paper"},
    "governance:attendance": {"pk": "meeting"},
    "governance:declaration-create": {"pk": "agenda_item"},
    "governance:action-create": {"pk": "meeting"},
    "governance:action-update": {"pk": "board_action"},
    "governance:decision-list": {"pk": "board"},
    "governance:decision-create": {"pk": "meeting"},
    "governance:decision-written": {"pk": "board"},
    "governance:decision": {"pk": "decision"},
    "governance:lsif-list": {"pk": "board"},
    "governance:lsif-create": {"pk": "board"},
    "governance:lsif-endorse": {"pk": "lsif_bid"},
    "governance:grant": {"pk": "board"},
    "governance:grant-cap": {"pk": "board"},
    "governance:category-update": {"pk": "board_category"},
    "governance:frequency-update": {"pk": "meeting_frequency"},
    "governance:communication": {"pk": "board"},
    "governance:communication-update": {"pk": "board"},
    "governance:communication-item-create": {"pk": "board"},
    "governance:communication-item-update": {"pk": "communication_item"},
    "governance:agenda-change": {"pk": "agenda_item"},
    "governance:agenda-withdraw": {"pk": "agenda_item"},
    "governance:papers-change": {"pk": "paper"},
    "governance:papers-withdraw": {"pk": "paper"},
    "governance:declarations-change": {"pk": "declaration"},
    "governance:declarations-withdraw": {"pk": "declaration"},
    "governance:decisions-change": {"pk": "decision"},
    "governance:decisions-withdraw": {"pk": "decision"},
    "governance:claims-change": {"pk": "grant_claim"},
    "governance:claims-withdraw": {"pk": "grant_claim"},
    "governance:lsif-change": {"pk": "lsif_bid"},
    "governance:lsif-withdraw": {"pk": "lsif_bid"},
    "api-v1:board-detail": {"pk": "board"},
    "api-v1:meeting-detail": {"pk": "meeting"},
    "api-v1:meeting-record-attendance": {"pk": "meeting"},
    "api-v1:decision-detail": {"pk": "decision"},
    "api-v1:decision-withdraw": {"pk": "decision"},
    "api-v1:board-person-detail": {"pk": "board_person"},
    "api-v1:board-category-detail": {"pk": "board_category"},
    "api-v1:designation-detail": {"pk": "designation"},
    "api-v1:register-entry-declare": {"pk": "register_entry"},
    "api-v1:communication-plan-detail": {"pk": "communication_plan"},
    "api-v1:communication-item-detail": {"pk": "communication_item"},
    "api-v1:attendance-detail": {"pk": "attendance"},
    "api-v1:agenda-item-detail": {"pk": "agenda_item"},
    "api-v1:agenda-item-withdraw": {"pk": "agenda_item"},
    "api-v1:paper-detail": {"pk": "paper"},
    "api-v1:paper-withdraw": {"pk": "paper"},
    "api-v1:declaration-detail": {"pk": "declaration"},
    "api-v1:declaration-withdraw": {"pk": "declaration"},
    "api-v1:meeting-action-detail": {"pk": "board_action"},
    "api-v1:lsif-bid-detail": {"pk": "lsif_bid"},
    "api-v1:lsif-bid-withdraw": {"pk": "lsif_bid"},
    "api-v1:lsif-bid-endorse": {"pk": "lsif_bid"},
    "api-v1:grant-detail": {"pk": "grant"},
    "api-v1:grant-claim-detail": {"pk": "grant_claim"},
    "api-v1:grant-claim-withdraw": {"pk": "grant_claim"},
    "api-v1:plan-priority-detail": {"pk": "priority"},
    "api-v1:plan-action-detail": {"pk": "action"},
    "api-v1:plan-outcome-detail": {"pk": "outcome"},
    "api-v1:plan-activity-detail": {"pk": "activity"},
    "api-v1:register-entry-detail": {"pk": "register_entry"},
    "plans:revision-list": {"pk": "plan"},
    "plans:revision-compare": {"pk": "plan"},
    "plans:revision-detail": {"pk": "plan"},
    "plans:snapshot-create": {"pk": "plan"},
    "plans:snapshot-detail": {"pk": "snapshot"},
    "plans:carry-forward": {"pk": "plan"},
    "api-v1:plan-detail": {"pk": "plan"},
    "api-v1:plan-revisions": {"pk": "plan"},
    "api-v1:plan-move-priority": {"pk": "plan"},
    "jobs:job-detail": {"pk": "job"},
    "jobs:job-status": {"pk": "job"},
    "jobs:job-retry": {"pk": "job"},
    "jobs:job-file": {"pk": "job"},
    "delivery:activity": {"pk": "activity"},
    "delivery:update-new": {"pk": "activity"},
    "delivery:update-review": {"pk": "update"},
    "delivery:evidence-file": {"pk": "evidence"},
    "delivery:round-detail": {"pk": "round"},
    "delivery:feedback-form": {"pk": "priority"},
    "delivery:feedback-thanks": {"pk": "priority"},
    "delivery:report": {"year": "report_year"},
    "approval:step": {"kind": "step_kind"},
    "approval:confirm": {"party": "party"},
    "approval:defer": {"party": "party"},
    "approval:disagreement-move": {"pk": "disagreement"},
    "approval:feedback-answer": {"pk": "feedback_point"},
    "approval_national:calendar": {"year": "calendar_year"},
    "api-v1:delivery-activity-detail": {"pk": "activity"},
    "api-v1:delivery-update-detail": {"pk": "update"},
}


#: Pages and endpoints outside any one area (they take no area_slug).
NATIONAL = {
    "areas:area-list",
    "api-v1:api-root",
    "approval_national:table",
    "england:overview",
    "england:compare",
    "interchange:area-schema",
}


def kwargs_for(name, objects):
    if name.startswith(("classification:", "api-v1:soc-group-", "api-v1:sic-item-")):
        return {"code": CODES[name]} if name in CODES else {}
    if name in NATIONAL:
        return {}
    kwargs = import_kwargs(name, objects)  # {} but for the import pages
    if name.startswith(
        (
            "accounts:people",
            "accounts:role",
            "areas:",
            "geography:",
            "organisations:",
            "coding:",
            "engagement:",
            "sectors:",
            "economy:",
            "plans:",
            "governance:",
            "jobs:",
            "documents:",
            "public:area",
            "public:publication",
            "public:download",
            "delivery:",
            "approval:",
        )
    ) or (
        name.startswith("api-v1:")
        and name not in ("api-v1:me", "api-v1:area-list", "api-v1:code-soc", "api-v1:code-sic")
    ):
        kwargs["area_slug"] = "the-marches"
    kwargs.update(record_kwargs(name, objects))
    kwargs.update(FIXED_KWARGS.get(name, {}))
    if name in ("api-v1:area-detail", "accounts:password-reset-confirm"):
        kwargs = FIXED_KWARGS[name]
    return kwargs


#: Pages whose address takes fixed values rather than a record's key.
FIXED_KWARGS = {
    "api-v1:area-detail": {"slug": "the-marches"},
    "accounts:password-reset-confirm": {"uidb64": "MQ", "token": "not-a-token"},
    "plans:revision-detail": {"number": 1},
    **DOCUMENT_KWARGS,
}

#: Pages that serve one record: the name of the object in the fixture that they take as pk.
PK_RECORDS = {
    "areas:cycle-update": "cycle",
    "api-v1:cycle-detail": "cycle",
    "api-v1:organisation-detail": "organisation",
    "accounts:role-remove": "role",
    "coding:review-confirm": "review",
}


def record_kwargs(name, objects):
    """The keys of the fixture's records that the page or endpoint NAME takes."""
    kwargs = {key: objects[record].pk for key, record in RECORD_KWARGS.get(name, {}).items()}
    if name in PK_RECORDS:
        kwargs["pk"] = objects[PK_RECORDS[name]].pk
    if name.startswith("organisations:organisation-") and not name.endswith(("list", "create")):
        kwargs["pk"] = objects["organisation"].pk
    return kwargs


@pytest.mark.parametrize("role", ROLES)
def test_pages_allow_and_refuse_each_role(client, people, objects, role):
    if people[role]:
        client.force_login(people[role])
    objects["uploader"] = people[role]
    outcomes = {}
    for name, expected in PAGES.items():
        response = client.get(reverse(name, kwargs=kwargs_for(name, objects)))
        outcomes[name] = (response.status_code, expected[role])
    assert {n: got for n, (got, want) in outcomes.items()} == {
        n: want for n, (got, want) in outcomes.items()
    }


@pytest.mark.parametrize("role", ROLES)
def test_api_allows_and_refuses_each_role(people, objects, role):
    from rest_framework.test import APIClient

    outcomes = {}
    for name, calls in API.items():
        for method, data, expected in calls:
            client = APIClient()
            if people[role]:
                token, _ = Token.objects.get_or_create(user=people[role])
                client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
            url = reverse(name, kwargs=kwargs_for(name, objects))
            if callable(data):
                data = data(objects)
            files = isinstance(data, dict) and any(hasattr(v, "read") for v in data.values())
            response = getattr(client, method)(url, data, format="multipart" if files else "json")
            outcomes[f"{method.upper()} {name}"] = (response.status_code, expected[role])
            if response.status_code in (200, 201, 204) and method != "get":
                objects["organisation"].refresh_from_db()
                objects["organisation"].archived_on = None
                objects["organisation"].save()
                Cycle.objects.filter(start_year=2026).delete()
    assert {n: got for n, (got, want) in outcomes.items()} == {
        n: want for n, (got, want) in outcomes.items()
    }


def test_signing_in_with_a_wrong_password_is_refused_with_a_clear_message(client, people):
    response = client.post(
        reverse("accounts:login"),
        {"username": "erb_admin@example.org", "password": "wrong"},
    )
    assert response.status_code == 200
    assert "Enter a correct email address and password" in response.text
    assert "_auth_user_id" not in client.session
    response = client.post(
        reverse("accounts:login"), {"username": "erb_admin@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302


class TestAreasAreKeptApart:
    """Another area's records are not found, whatever the way in."""

    def test_an_id_from_another_area_is_not_found_even_for_an_admin(
        self, client, people, other_area_employer
    ):
        client.force_login(people["erb_admin"])
        url = reverse(
            "organisations:organisation-detail",
            kwargs={"area_slug": "the-marches", "pk": other_area_employer.pk},
        )
        assert client.get(url).status_code == 404
        api = reverse(
            "api-v1:organisation-detail",
            kwargs={"area_slug": "the-marches", "pk": other_area_employer.pk},
        )
        assert client.get(api).status_code == 404

    def test_lists_search_and_csv_show_only_the_areas_own_records(
        self, client, people, college, other_area_employer
    ):
        client.force_login(people["erb_admin"])
        base = reverse("organisations:organisation-list", kwargs={"area_slug": "the-marches"})
        for url in (base, f"{base}?q=Brum", f"{base}?format=csv"):
            response = client.get(url)
            assert "Brum Bakes" not in response.content.decode()
        assert "Telford College" in client.get(f"{base}?format=csv").content.decode()
        api = reverse("api-v1:organisation-list", kwargs={"area_slug": "the-marches"})
        assert [o["name"] for o in client.get(api).json()["results"]] == ["Telford College"]

    def test_the_admin_lists_and_opens_only_the_admins_own_area(
        self, client, people, college, other_area_employer
    ):
        client.force_login(people["erb_admin"])
        listing = client.get("/admin/organisations/organisation/")
        assert listing.status_code == 200
        assert "Telford College" in listing.text
        assert "Brum Bakes" not in listing.text
        other = client.get(f"/admin/organisations/organisation/{other_area_employer.pk}/change/")
        assert other.status_code == 302  # the admin's "does not exist" redirect
        assert client.get("/admin/accounts/user/").status_code == 403

    def test_the_admin_is_closed_to_everyone_but_erb_admins(self, client, people):
        assert client.get("/admin/").status_code == 302
        client.force_login(people["erb_editor"])
        assert client.get("/admin/", follow=True).status_code == 403


def test_signing_in_through_the_admin_lands_an_erb_admin_in_the_admin(client, people):
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[-1][0] == "/accounts/sign-in/?next=%2Fadmin%2F"
    response = client.post(
        "/accounts/sign-in/?next=%2Fadmin%2F",
        {"username": "erb_admin@example.org", "password": PASSWORD, "next": "/admin/"},
        follow=True,
    )
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == "/admin/"
