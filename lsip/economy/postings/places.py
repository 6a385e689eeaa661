"""Matching the location an advert gives to a LAD 2023 district of England."""


def match_locations(locations: list[str], resolver=None) -> dict[str, str | None]:
    """Each location string to the GSS code of its LAD 2023 district, or None.

    The whole string is tried first, then each comma-separated part from the right, so that
    "Shrewsbury, Shropshire" is Shropshire; places outside England and unknown places are
    None (the caller counts them as skipped)."""
    if resolver is None:
        from lsip.geography.districts import DistrictResolver

        resolver = DistrictResolver.load()
    found = {}
    for location in locations:
        found[location] = _district(location, resolver)
    return found


def _district(location: str | None, resolver) -> str | None:
    if not location:
        return None
    parts = [p.strip() for p in location.split(",")]
    attempts = [location, *reversed(parts)] if len(parts) > 1 else [location]
    for attempt in attempts:
        if not attempt:
            continue
        place = resolver.resolve(attempt)
        if place is None:
            continue
        if place.kind == "district" and place.gss_code:
            return place.gss_code
        return None  # England as a whole, or outside England: not a district
    return None
