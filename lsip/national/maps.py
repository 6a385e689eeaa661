"""A map of England's LSIP areas as a server-drawn SVG, each area shaded by a measure.

An area's shape is the union of its districts' boundaries (`geography.Boundary`, kind local
authority), so the map always shows the 39 areas of Annex B as the database holds them (the
ONS LSIP boundaries of August 2023 have 38). Shapes are worked out once per process with
Shapely and kept; the SVG needs no JavaScript and links each area to its page.
"""

import math
from dataclasses import dataclass
from functools import lru_cache

from django.urls import reverse
from shapely.geometry import mapping, shape
from shapely.ops import unary_union

from lsip.areas.models import LocalAuthority
from lsip.geography.models import Boundary

#: Five shades of GOV.UK blue, lightest first, and the grey of "no figure".
SHADES = ["#d2e2f1", "#a5c4e3", "#6f9fcf", "#3b78b8", "#1d4f86"]
NO_DATA = "#f3f2f1"
WIDTH = 480
#: The map is drawn in longitude scaled by the cosine of England's middle latitude.
MID_LATITUDE = math.radians(52.8)


@dataclass(frozen=True)
class Shade:
    """One band of the legend: values from `low` to `high` are drawn in `colour`."""

    colour: str
    low: float
    high: float


@dataclass(frozen=True)
class AreaShape:
    slug: str
    name: str
    path: str  # the SVG path data in map units


@lru_cache(maxsize=4)
def _shapes(boundaries_version: tuple) -> tuple[list[AreaShape], tuple[float, float]]:
    districts = {}
    for code, slug, name in LocalAuthority.objects.exclude(gss_code="").values_list(
        "gss_code", "area__slug", "area__name"
    ):
        districts[code] = (slug, name)
    geometries: dict[tuple[str, str], list] = {}
    for boundary in Boundary.objects.filter(
        kind=Boundary.Kind.LOCAL_AUTHORITY, code__in=list(districts)
    ).only("code", "geometry"):
        geometries.setdefault(districts[boundary.code], []).append(
            shape(boundary.geometry).buffer(0)
        )
    merged = {key: unary_union(parts) for key, parts in geometries.items()}
    if not merged:
        return [], (0.0, 0.0)
    projected = {key: _project(mapping(geom)) for key, geom in merged.items()}
    xs = [x for rings in projected.values() for ring in rings for x, _ in ring]
    ys = [y for rings in projected.values() for ring in rings for _, y in ring]
    left, top = min(xs), min(ys)
    scale = WIDTH / (max(xs) - left)
    height = (max(ys) - top) * scale
    shapes = []
    for (slug, name), rings in sorted(projected.items(), key=lambda kv: kv[0][1]):
        path = " ".join(
            "M"
            + " L".join(f"{(x - left) * scale:.1f},{(y - top) * scale:.1f}" for x, y in ring)
            + " Z"
            for ring in rings
        )
        shapes.append(AreaShape(slug=slug, name=name, path=path))
    return shapes, (WIDTH, round(height, 1))


def _project(geometry: dict) -> list[list[tuple[float, float]]]:
    """Every ring of a (Multi)Polygon in map units: x east, y south."""
    polygons = (
        [geometry["coordinates"]]
        if geometry["type"] == "Polygon"
        else list(geometry["coordinates"])
    )
    rings = []
    for polygon in polygons:
        for ring in polygon:
            rings.append([(lon * math.cos(MID_LATITUDE), -lat) for lon, lat, *_ in ring])
    return rings


def area_shapes() -> tuple[list[AreaShape], tuple[float, float]]:
    """Each area's outline as SVG path data, and the map's width and height."""
    version = (
        Boundary.objects.filter(kind=Boundary.Kind.LOCAL_AUTHORITY).count(),
        LocalAuthority.objects.exclude(gss_code="").count(),
    )
    return _shapes(version)


def shades(values: list[float]) -> list[Shade]:
    """Five bands of equal width from the lowest value to the highest (one band when all
    values are equal; none without values)."""
    if not values:
        return []
    low, high = min(values), max(values)
    if low == high:
        return [Shade(SHADES[-1], low, high)]
    step = (high - low) / len(SHADES)
    return [
        Shade(colour, low + i * step, high if i == len(SHADES) - 1 else low + (i + 1) * step)
        for i, colour in enumerate(SHADES)
    ]


def colour_of(value, bands: list[Shade]) -> str:
    if value is None or not bands:
        return NO_DATA
    for band in bands:
        if value <= band.high:
            return band.colour
    return bands[-1].colour


def shaded_map(values: dict[str, float | None], labels: dict[str, str]) -> dict:
    """What the map template draws: each area's path, colour, link and label ("Name: 12"),
    the legend's bands and the map's size. `values` and `labels` are keyed by area slug."""
    shapes, (width, height) = area_shapes()
    bands = shades([v for v in values.values() if v is not None])
    return {
        "width": width,
        "height": height,
        "areas": [
            {
                "slug": s.slug,
                "name": s.name,
                "path": s.path,
                "colour": colour_of(values.get(s.slug), bands),
                "label": f"{s.name}: {labels.get(s.slug) or 'no figure'}",
                "url": reverse("areas:area-detail", kwargs={"area_slug": s.slug}),
            }
            for s in shapes
        ],
        "bands": bands,
        "no_data": NO_DATA,
    }
