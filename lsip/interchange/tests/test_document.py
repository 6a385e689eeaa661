"""One LSIP as one document: export, import into an empty database, export again gives the
same bytes; the document validates against the published JSON Schema; bad documents are
refused whole with the path of their first error; personal data only when asked."""

import copy
import datetime
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from django.db.models import signals
from jsonschema import Draft202012Validator

from lsip.areas.models import Cycle, LocalAuthority
from lsip.audit import recorder
from lsip.cli import main
from lsip.engagement.models import Engagement, SkillsNeed
from lsip.governance.models import Board, Decision, Meeting, Person, Vote
from lsip.interchange import registry
from lsip.interchange.document import DocumentError, dumps, export_area, import_area
from lsip.interchange.schema import area_schema
from lsip.organisations.models import Contact, Organisation
from lsip.plans import services
from lsip.plans.models import Action, Activity, Aim, Priority, Revision
from lsip.sectors.models import Sector

SCHEMA_FILE = Path(__file__).resolve().parents[3] / "docs" / "interchange" / "area.schema.json"


@pytest.fixture
def cycle_of_marches(marches, people):
    """A representative cycle: directory, contacts, engagement and needs, the plan with its
    revisions, a board with a meeting, a decision and votes."""
    editor = people["erb_editor"]
    shropshire = LocalAuthority.objects.get(name="Shropshire")
    employer = Organisation.objects.create(
        area=marches, name="Paveaways", type="employer", local_authority=shropshire
    )
    employer.sectors.add(Sector.objects.get(name="Construction", area=None))
    Contact.objects.create(organisation=employer, name="Rosie Beswick", email="rosie@pave.example")
    cycle = Cycle.objects.create(area=marches, start_year=2026, end_year=2029)
    engagement = Engagement.objects.create(
        area=marches, cycle=cycle, type="interview", date=datetime.date(2026, 1, 5)
    )
    engagement.organisations.add(employer)
    need = SkillsNeed.objects.create(
        area=marches,
        engagement=engagement,
        organisation=employer,
        words="groundworker",
        soc_code="8149",
        need_type="shortage",
        themes=["net_zero"],
        soc_confirmed_by=editor,
    )
    own = Sector.objects.create(
        area=marches,
        name="Agri-tech",
        kind="area",
        sic_codes=["01"],
        based_on=Sector.objects.get(name="Construction", area=None),
    )
    plan = services.create_plan(cycle=cycle, title="The Marches LSIP 2026-2029", actor=editor)
    priority = services.save(
        Priority(plan=plan, title="Green construction", soc_codes=["8149"]), actor=editor
    )
    priority.sectors.add(own, Sector.objects.get(name="Construction", area=None))
    priority.skills_needs.add(need)
    action = services.save(
        Action(priority=priority, title="Retrofit bootcamps", aims=[Aim.OFFER]), actor=editor
    )
    services.save(
        Activity(
            action=action,
            title="Ludlow retrofit centre",
            start=datetime.date(2026, 9, 1),
            end=datetime.date(2027, 7, 31),
        ),
        actor=editor,
        links={"leads": [people["partner"].roles.first().organisation]},
    )
    board = Board.objects.create(area=marches, cycle=cycle, name="The Marches LSIP board")
    chair = Person.objects.create(
        board=board, kind="member", name="Ann Chair", email="ann@board.example", is_chair=True
    )
    member = Person.objects.create(board=board, kind="member", name="Bob Member")
    meeting = Meeting.objects.create(board=board, date=datetime.date(2026, 3, 3))
    decision = Decision.objects.create(
        board=board,
        method="meeting",
        meeting=meeting,
        question="Adopt the draft plan?",
        decided_on=datetime.date(2026, 3, 3),
    )
    for person in (chair, member):
        Vote.objects.create(decision=decision, voter=person, on_behalf_of=person, choice="for")
    return marches


def empty(area):
    """Remove every record of the area the document holds, as in an empty database."""
    parts = registry.parts()
    held = {part.model for part in parts}
    # references between the area's records that may be empty are emptied first, so that no
    # protected reference stops a deletion (a meeting frequency reduced by a decision)
    for part in parts:
        nullable = [
            field.name
            for field in part.model._meta.concrete_fields
            if field.is_relation and field.null and field.related_model in held
        ]
        if nullable:
            part.rows(area).update(**dict.fromkeys(nullable))
    # the emptying stands for another database, so it leaves no audit trail (and the trail
    # would read records a cascade has already removed)
    signals.post_delete.disconnect(dispatch_uid="audit-post-delete")
    try:
        for part in reversed(parts):
            rows = part.rows(area)
            part.model.objects.filter(pk__in=list(rows.values_list("pk", flat=True))).delete()
    finally:
        recorder.connect()


def test_export_import_export_gives_identical_files(cycle_of_marches):
    first = dumps(export_area(cycle_of_marches))
    empty(cycle_of_marches)
    assert not Priority.objects.filter(plan__area=cycle_of_marches).exists()
    counts = import_area(json.loads(first))
    assert counts["plans.priority"] == 1
    assert counts["governance.vote"] == 2
    assert dumps(export_area(cycle_of_marches)) == first
    priority = Priority.objects.get(plan__area=cycle_of_marches)
    assert {s.name for s in priority.sectors.all()} == {"Agri-tech", "Construction"}
    assert priority.skills_needs.get().words == "groundworker"
    assert Revision.objects.filter(plan__area=cycle_of_marches).count() == 4


def test_personal_data_is_left_out_unless_asked_for(cycle_of_marches):
    plain = export_area(cycle_of_marches)
    assert plain["personal_data"] is False
    assert plain["records"]["organisations.contact"] == []
    (need,) = plain["records"]["engagement.skillsneed"]
    assert need["soc_confirmed_by"] is None
    assert "ann@board.example" not in dumps(plain)
    full = export_area(cycle_of_marches, personal_data=True)
    (contact,) = full["records"]["organisations.contact"]
    assert contact["email"] == "rosie@pave.example"
    assert full["records"]["engagement.skillsneed"][0]["soc_confirmed_by"] == (
        "erb_editor@example.org"
    )
    # with personal data the round trip is exact too
    text = dumps(full)
    empty(cycle_of_marches)
    import_area(json.loads(text))
    assert dumps(export_area(cycle_of_marches, personal_data=True)) == text


def test_the_export_validates_against_the_published_schema(cycle_of_marches, client):
    schema = area_schema()
    Draft202012Validator.check_schema(schema)
    document = json.loads(dumps(export_area(cycle_of_marches, personal_data=True)))
    Draft202012Validator(schema).validate(document)
    assert document["$schema"] == "/interchange/schema/area-v1.json"
    served = client.get("/interchange/schema/area-v1.json")  # public, no sign-in
    assert served.status_code == 200
    assert served.json() == json.loads(json.dumps(schema))
    kept = json.loads(SCHEMA_FILE.read_text())
    assert kept == json.loads(json.dumps(schema)), (
        "docs/interchange/area.schema.json is out of date: run "
        "`lsip export schema -o docs/interchange/area.schema.json`"
    )


def test_a_bad_document_is_refused_whole_with_the_path_of_its_first_error(cycle_of_marches):
    good = export_area(cycle_of_marches)
    empty(cycle_of_marches)
    wrong_type = copy.deepcopy(good)
    wrong_type["records"]["plans.priority"][0]["title"] = 7
    with pytest.raises(DocumentError) as refused:
        import_area(wrong_type)
    assert refused.value.path == "records/plans.priority/0/title"
    assert "7 is not of type 'string'" in str(refused.value)
    # a reference to nothing, found only while writing the last records: nothing is kept
    dangling = copy.deepcopy(good)
    dangling["records"]["governance.vote"][-1]["voter"] = "0" * 8 + "-0000-0000-0000-" + "0" * 12
    with pytest.raises(DocumentError) as refused:
        import_area(dangling)
    assert refused.value.path.startswith("records/governance.vote/")
    assert refused.value.path.endswith("/voter")
    assert not Organisation.objects.filter(area=cycle_of_marches).exists()
    assert not Priority.objects.filter(plan__area=cycle_of_marches).exists()
    partial = copy.deepcopy(good)
    del partial["records"]["plans.plan"]
    with pytest.raises(DocumentError, match="'plans.plan' is a required property"):
        import_area(partial)
    # and a document is not laid over records the area already holds
    import_area(good)
    with pytest.raises(DocumentError, match="import into an empty database"):
        import_area(good)


def test_the_commands_export_and_import_and_guard_personal_data(cycle_of_marches, tmp_path):
    runner = CliRunner()
    out = tmp_path / "marches.json"
    done = runner.invoke(main, ["export", "area", "the-marches", "-o", str(out)])
    assert done.exit_code == 0, done.output
    refused = runner.invoke(
        main,
        ["export", "area", "the-marches", "-o", str(out), "--with-personal-data"]
        + ["--as", "erb_editor@example.org"],
    )
    assert refused.exit_code == 1
    assert "only an ERB admin of the area may export personal data" in refused.output
    allowed = runner.invoke(
        main,
        ["export", "area", "the-marches", "-o", str(tmp_path / "full.json")]
        + ["--with-personal-data", "--as", "erb_admin@example.org"],
    )
    assert allowed.exit_code == 0, allowed.output
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    failed = runner.invoke(main, ["import", "area", str(bad)])
    assert failed.exit_code == 1
    assert "bad.json: not imported, nothing was changed: (document): not JSON" in failed.output
    empty(cycle_of_marches)
    loaded = runner.invoke(main, ["import", "area", str(out)])
    assert loaded.exit_code == 0, loaded.output
    assert out.read_text() == dumps(export_area(cycle_of_marches))
