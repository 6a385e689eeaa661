"""Every area side by side (Skills England reads all 39): the headline indicators of each
area and England from one computation of `indicators.every_area`."""

from lsip.economy import indicators
from lsip.economy.indicators import ENGLAND_NAME

MANUFACTURING = "sic-sections=C"
NVQ4 = "people=all-people-aged-16-64;qualification=nvq4-plus"
COLUMNS = [
    ("employment_rate", "Employment rate, aged 16-64"),
    ("nvq4", "Qualified to NVQ4 or above"),
    ("manufacturing_lq", "Manufacturing location quotient"),
    ("micro", "Micro enterprises"),
    ("adverts_change", "Change in online job adverts since the first year"),
]


def table() -> tuple[list[dict], dict[str, str], list[str]]:
    """(one row per area and England, each column's period, the source lines)."""
    found = indicators.every_area()
    rows: dict[str, dict] = {}

    def put(place, key, value, flag=""):
        row = rows.setdefault(place, {"place": place, "flags": ""})
        row[key] = value
        row["flags"] = "".join(sorted(set(row["flags"] + (flag or ""))))

    rate = found["employment_rate"]
    for r in rate.rows:
        if r["period"] == rate.period:
            put(r["place"], "employment_rate", r["value"], r["flag"])
    for key, indicator, breakdown, field in (
        ("nvq4", found["qualifications"], NVQ4, "share"),
        ("manufacturing_lq", found["industry"], MANUFACTURING, "lq"),
        ("micro", found["business_sizes"], "size=micro", "share"),
    ):
        for r in indicator.rows:
            if r["breakdown"] == breakdown:
                put(r["place"], key, r[field], r["flag"])
    adverts = found["job_adverts"]
    for r in adverts.rows:
        if r["period"] == adverts.period:
            put(r["place"], "adverts_change", r["change_since_first"], r["flag"])
    ordered = sorted(rows.values(), key=lambda r: (r["place"] == ENGLAND_NAME, r["place"]))
    periods = {
        "employment_rate": rate.period,
        "nvq4": found["qualifications"].period,
        "manufacturing_lq": found["industry"].period,
        "micro": found["business_sizes"].period,
        "adverts_change": adverts.period,
    }
    sources = list(dict.fromkeys(s for i in found.values() for s in i.sources))
    return ordered, periods, sources
