"""Property test of `lsip import area` (issue 17, "Also"): a real area document with values
changed, keys removed or records repeated is imported whole or refused with the path of its
error; never another exception and never a partial write."""

import copy
import json

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lsip.interchange import registry
from lsip.interchange.document import DocumentError, dumps, export_area, import_area
from lsip.interchange.tests.test_document import cycle_of_marches, empty  # noqa: F401

JSON_VALUE = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**40), 2**40) | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner),
    max_leaves=5,
)


@pytest.fixture
def exported(cycle_of_marches):  # noqa: F811
    """The Marches' document, and the area emptied of what it holds, as a new database."""
    document = json.loads(dumps(export_area(cycle_of_marches)))
    empty(cycle_of_marches)
    return cycle_of_marches, document


def places(node, path=()):
    """Every (path, value) in the document."""
    yield path, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from places(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from places(value, (*path, index))


@st.composite
def damaged(draw, document):
    document = copy.deepcopy(document)
    for _ in range(draw(st.integers(1, 3))):
        spots = [p for p, _ in places(document) if p]
        path = draw(st.sampled_from(spots))
        *parent_path, last = path
        parent = document
        for step in parent_path:
            parent = parent[step]
        kind = draw(st.sampled_from(["value", "remove", "repeat"]))
        if kind == "value":
            parent[last] = draw(JSON_VALUE)
        elif kind == "remove":
            del parent[last]
        elif isinstance(parent, list):
            parent.append(copy.deepcopy(parent[last]))
        else:
            parent[last] = draw(JSON_VALUE)
    return document


def attempt(document):
    """(rows written per model, None), or (None, the DocumentError)."""
    try:
        return import_area(document), None
    except DocumentError as error:
        return None, error


def held(area) -> dict:
    return {part.label: part.rows(area).count() for part in registry.parts()}


@pytest.mark.django_db
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_any_document_is_imported_whole_or_refused_with_its_path(exported, data):
    area, document = exported
    changed = data.draw(damaged(document))
    with transaction.atomic():
        before = held(area)
        counts, refused = attempt(changed)
        if refused is not None:
            assert held(area) == before
            assert str(refused)
        else:
            assert sum(counts.values()) > 0
        transaction.set_rollback(True)  # each example into the same empty area
