"""The checks of issue 15 on the demo area (The Marches, `lsip demo`): its export validates
against the published JSON Schema, and export, import into an empty database, export again
gives the same bytes, with and without personal data."""

import json

import pytest
from jsonschema import Draft202012Validator

from lsip.demo import marches
from lsip.engagement.models import SkillsNeed
from lsip.interchange.document import dumps, export_area, import_area
from lsip.interchange.schema import area_schema
from lsip.interchange.tests.test_document import empty
from lsip.plans.models import Priority


@pytest.fixture
def demo(db, people):
    return marches.load()


def test_the_demo_export_validates_and_round_trips_identically(demo):
    text = dumps(export_area(demo))
    full = dumps(export_area(demo, personal_data=True))
    document = json.loads(text)
    for each in (document, json.loads(full)):
        Draft202012Validator(area_schema()).validate(each)
    records = document["records"]
    assert len(records["plans.priority"]) == Priority.objects.filter(plan__area=demo).count() > 0
    assert len(records["engagement.skillsneed"]) == SkillsNeed.objects.filter(area=demo).count()
    assert records["organisations.contact"] == []  # no personal data unless asked for
    empty(demo)
    assert not SkillsNeed.objects.filter(area=demo).exists()
    import_area(json.loads(text))
    assert dumps(export_area(demo)) == text
    # and with personal data, into an empty database again
    empty(demo)
    import_area(json.loads(full))
    assert dumps(export_area(demo, personal_data=True)) == full
