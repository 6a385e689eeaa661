"""District maps: self-contained Vega-Lite specs, grey "No data" where a value is missing."""

import json

from lsip.areas.models import Area, LocalAuthority
from lsip.geography.maps import district_map, outline_map


def test_the_marches_map_has_its_three_districts_and_a_grey_no_data(geography):
    marches = Area.objects.get(slug="the-marches")
    spec = district_map(
        marches,
        {"E06000019": 61.5, "E06000051": 72.0},
        title="Employment rate",
        legend="Employment rate (%)",
        source="Source: ONS Annual Population Survey",
    )
    features = spec["data"]["values"]
    assert len(features) == 3
    by_name = {f["properties"]["name"]: f["properties"] for f in features}
    assert by_name["Telford and Wrekin"]["value"] is None
    assert by_name["Telford and Wrekin"]["label"] == "No data"
    assert by_name["Shropshire"]["label"] == "72"
    assert spec["encoding"]["color"]["value"] == "#b1b4b6"
    assert "isValid" in spec["encoding"]["color"]["condition"]["test"]
    assert {t["field"] for t in spec["encoding"]["tooltip"]} == {
        "properties.name",
        "properties.label",
    }
    assert spec["projection"] == {"type": "mercator"}
    assert spec["title"]["text"] == "Employment rate"
    assert spec["title"]["subtitle"] == ["Source: ONS Annual Population Survey"]
    assert "url" not in json.dumps(spec["data"])
    assert "datasets" not in spec
    assert {f["properties"]["code"] for f in features} == set(
        LocalAuthority.objects.filter(area=marches).values_list("gss_code", flat=True)
    )


def test_an_outline_map_has_every_district_of_the_area(geography):
    london = Area.objects.get(slug="greater-london")
    spec = outline_map(london, title="Districts", source="Source: ONS")
    assert len(spec["data"]["values"]) == 33
