"""Evaluation sets for the SOC and SIC coders, built honestly from the ONS files.

SOC, out of index (what the targets are about):
  * "related titles": job titles Volume 1 lists for a unit group that the coding index does
    not hold (gold: that unit group);
  * "advert variants": index titles dressed as adverts write them (abbreviations, pay, shift,
    contract and place words, trainee/apprentice grades, plurals, typos, capitals), from titles
    the index codes to one unit group only (gold: that unit group).
SOC, in index: index titles as written (a sanity check, reported separately).
SIC: business descriptions written from index activities by templates ("We make ...",
  "Shop selling ..."), plus descriptions written by hand with their codes.

Every set is split in two by a hash of its base title: `dev` for tuning and calibration,
`test` for the figures reported. A separate set of real advert titles, not seen here, judges
the coder in the end.
"""

import hashlib
import random
import re
from collections import defaultdict
from pathlib import Path

from lsip.classification.coder.normalise import fold, tokens
from lsip.classification.coder.sources import (
    read_sic_activities,
    read_soc_coding_index,
    read_soc_volume1,
)


def half(text: str) -> str:
    return "dev" if hashlib.md5(text.encode()).digest()[0] % 2 == 0 else "test"


def soc_sets(volume1: Path, coding_index: Path, seed: int = 2026):
    """{"related titles": [...], "advert variants": [...], "in index": [...]} of
    (title, gold unit group, half)."""
    _, units = read_soc_volume1(volume1)
    index = read_soc_coding_index(coding_index)
    in_index = {fold(row.title).strip() for row in index}
    codes_of = defaultdict(set)
    for row in index:
        if row.unit:
            codes_of[tokens(row.title, drop_noise=False)].add(row.unit)
    related = [
        (title, code, half(title))
        for code, unit in units.items()
        for title in unit.related_titles
        if fold(title).strip() not in in_index
    ]
    rng = random.Random(seed)
    single = sorted(
        {
            row.title
            for row in index
            if row.unit
            and len(codes_of[tokens(row.title, drop_noise=False)]) == 1
            and len(row.title) > 3
        }
    )
    gold = {row.title: row.unit for row in index if row.unit}
    variants = []
    for title in rng.sample(single, 3000):
        variant = advert_variant(title, rng, codes_of)
        if variant and fold(variant).strip() not in in_index:
            variants.append((variant, gold[title], half(title)))
    sample = rng.sample(single, 2000)
    return {
        "related titles": related,
        "advert variants": variants,
        "in index": [(t, gold[t], half(t)) for t in sample],
    }


ABBREVIATE = {
    "assistant": "asst",
    "manager": "mgr",
    "engineer": "eng",
    "technician": "tech",
    "administrator": "admin",
    "supervisor": "supv",
    "coordinator": "co-ordinator",
    "senior": "snr",
    "executive": "exec",
    "representative": "rep",
    "operations": "ops",
}
SUFFIXES = [
    " - Nights",
    " (Part Time)",
    " £11.50ph",
    " - Telford",
    " x2",
    " | Immediate Start",
    " - Days",
    " (Temporary)",
    " - Permanent",
    " £25,000 - £28,000",
    " - Shrewsbury",
    " (Maternity Cover)",
    " - Hereford",
    " (Full Time)",
    " - Weekends",
    " - Hybrid",
]


def advert_variant(title: str, rng: random.Random, codes_of) -> str:
    """One advert-style rewrite of an index title; "" when a rewrite would change its code."""
    words = title.split()
    changes = rng.sample(["abbreviate", "suffix", "grade", "plural", "typo", "case"], 2)
    if "grade" in changes:
        grade = rng.choice(["Trainee", "Apprentice"])
        words = [grade, *words]
    if "abbreviate" in changes:
        words = [ABBREVIATE.get(w.lower(), w) for w in words]
    if "plural" in changes and words[-1].isalpha() and not words[-1].endswith("s"):
        words[-1] += "s"
    if "typo" in changes:
        long = [i for i, w in enumerate(words) if len(w) >= 6 and w.isalpha()]
        if long:
            i = rng.choice(long)
            j = rng.randrange(1, len(words[i]) - 2)
            w = words[i]
            words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
    text = " ".join(words)
    if "case" in changes:
        text = text.upper() if rng.random() < 0.5 else text.title()
    if "suffix" in changes:
        text += rng.choice(SUFFIXES)
    return text if text != title else ""


TEMPLATES = {
    "manufacture": ["We make {x}", "Manufacturer of {x}", "{x} manufacturing company"],
    "retail": ["Shop selling {x}", "We sell {x} to the public", "{x} retailer"],
    "wholesale": ["Wholesaler of {x}", "We supply {x} to the trade", "{x} wholesale"],
    "repair": ["We repair {x}", "{x} repairs"],
    "": ["{x}", "We provide {x}", "{x} business", "Company offering {x}"],
}


def sic_sets(indexes: Path, seed: int = 2026):
    """{"generated descriptions": [...], "hand-written": [...]} of (text, gold code, half)."""
    rng = random.Random(seed)
    generated = []
    activities = read_sic_activities(indexes)
    for activity, code in rng.sample(activities, 3000):
        match = re.match(r"^(.*?)\s*\(([^)]*)\)\s*$", activity)
        thing, kind = (match.group(1), match.group(2)) if match else (activity, "")
        kind = next((k for k in TEMPLATES if k and k in kind), "")
        template = rng.choice(TEMPLATES[kind])
        text = template.format(x=thing.lower() if not template.startswith("{x}") else thing)
        generated.append((text, code, half(activity)))
    return {
        "generated descriptions": generated,
        "hand-written, used in tuning": HAND_WRITTEN,
        "hand-written, held out": HELD_OUT,
    }


#: Descriptions as employers give them, with the UK SIC 2007 subclass a person would choose.
#: The coder's errors on this list were looked at while tuning the SIC coder.
HAND_WRITTEN = [
    (text, code, "test")
    for text, code in [
        ("We make bespoke kitchens", "31020"),
        ("Family garage: MOTs, servicing and car repairs", "45200"),
        ("Residential care home for older people", "87300"),
        ("Domiciliary care agency providing care at home", "88100"),
        ("Plumbing and heating engineers", "43220"),
        ("Electrical contractors", "43210"),
        ("Chartered accountants practice", "69201"),
        ("Firm of solicitors", "69102"),
        ("Recruitment agency", "78109"),
        ("Road haulage company", "49410"),
        ("Dairy farm", "01410"),
        ("Hairdressing salon", "96020"),
        ("Day nursery for children under five", "88910"),
        ("House builder", "41202"),
        ("Precision engineering and CNC machining", "25620"),
        ("Brewery", "11050"),
        ("Hotel", "55100"),
        ("Public house", "56302"),
        ("Letting agent", "68310"),
        ("Secondary school", "85310"),
        ("GP surgery", "86210"),
        ("Dental practice", "86230"),
        ("Veterinary surgery", "75000"),
        ("Commercial printing", "18129"),
        ("Bakery making bread and cakes", "10710"),
        ("Software development company", "62012"),
        ("IT consultancy", "62020"),
        ("Management consultancy", "70229"),
        ("Architects", "71111"),
        ("Civil engineering contractor building roads", "42110"),
        ("Roofing contractor", "43910"),
        ("Sawmill", "16100"),
        ("Manufacture of plastic packaging", "22220"),
        ("Steel fabrication", "25110"),
        ("Supermarket", "47110"),
        ("Petrol station", "47300"),
        ("Taxi firm", "49320"),
        ("Security guarding company", "80100"),
        ("Office cleaning contractor", "81210"),
        ("Landscape gardening", "81300"),
        ("Abattoir", "10110"),
        ("Manufacture of agricultural machinery", "28301"),
        ("Further education college", "85410"),
        ("Gym and fitness centre", "93130"),
        ("Insurance broker", "66220"),
    ]
]


#: A second list written before its results were seen, and never used to tune.
HELD_OUT = [
    (text, code, "test")
    for text, code in [
        ("Joinery workshop making wooden windows and doors", "16230"),
        ("Fish and chip shop", "56103"),
        ("Funeral directors", "96030"),
        ("Car dealership selling new cars", "45111"),
        ("Driving school", "85530"),
        ("Optician", "47782"),
        ("Pharmacy dispensing prescriptions", "47730"),
        ("Florist", "47760"),
        ("Scaffolding contractor", "43991"),
        ("Painting and decorating", "43341"),
        ("Window cleaning", "81221"),
        ("Market research agency", "73200"),
        ("Advertising agency", "73110"),
        ("Translation services", "74300"),
        ("Computer repair shop", "95110"),
        ("Cinema", "59140"),
        ("Museum", "91020"),
        ("Primary school", "85200"),
        ("Nursing home", "87100"),
        ("Poultry farm producing eggs", "01470"),
        ("Vineyard growing grapes", "01210"),
        ("Sheep farming", "01450"),
        ("Quarry extracting limestone", "08110"),
        ("Waste collection", "38110"),
        ("Freight forwarding", "52290"),
        ("Newspaper publishing", "58130"),
        ("Radio station", "60100"),
        ("Web hosting", "63110"),
        ("Call centre", "82200"),
        ("Physiotherapy clinic", "86900"),
        ("Ice cream manufacturer", "10520"),
        ("Cheese maker", "10512"),
        ("Soft drinks manufacturer", "11070"),
        ("Bookshop", "47610"),
        ("Butcher's shop", "47220"),
        ("Greengrocer", "47210"),
        ("Garden centre", "47760"),
        ("Toy manufacturer", "32400"),
        ("Manufacture of ready meals", "10850"),
        ("Concrete products manufacturer", "23610"),
    ]
]


# -- real answers: job titles and business descriptions from an ONS survey sample ------------

REAL_SAMPLE = Path(__file__).resolve().parent / "data" / "ons-survey-sample.csv"


def real_rows(path: Path = REAL_SAMPLE) -> list[dict]:
    """The rows of the ONS survey sample (see data/README.md), each with its `split`."""
    import csv

    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def real_soc_sets(coding_index: Path, path: Path = REAL_SAMPLE):
    """{"real titles, not in index": [...], "real titles, in index": [...]} of
    (title, gold unit group, split, description, business): distinct labelled titles."""
    in_index = {fold(row.title).strip() for row in read_soc_coding_index(coding_index)}
    seen, sets = set(), {"real titles, not in index": [], "real titles, in index": []}
    for row in real_rows(path):
        title = " ".join(row["job_title"].split())
        key = fold(title).strip()
        if not row["soc2020"] or key in seen:
            continue
        seen.add(key)
        name = "real titles, in index" if key in in_index else "real titles, not in index"
        sets[name].append(
            (title, row["soc2020"], row["split"], row["job_description"], row["business"])
        )
    return sets


def real_compatible(path: Path = REAL_SAMPLE) -> dict[str, list[str]]:
    """{folded title: [its unit group, then the other unit groups compatible with it]}, from the
    first row of each labelled title (as `real_soc_sets` reads them; data/README.md says how
    the compatible codes were set)."""
    found: dict[str, list[str]] = {}
    for row in real_rows(path):
        key = fold(" ".join(row["job_title"].split())).strip()
        if row["soc2020"] and key not in found:
            found[key] = [row["soc2020"], *row["soc2020_compatible"].split()]
    return found


def real_sic_rows(path: Path = REAL_SAMPLE):
    """(business description, ONS codes, split) for rows the ONS coders coded: codes are
    the 1 to 3 codes they gave, "x" standing for digits they left open (e.g. 6920x).

    Many people work for the same kind of business and describe it in the same words
    ("ACCOUNTING", "FOOD PRODUCTION"), so the rows of one description, as the coder reads
    it, are kept in one split: `dev` if any of them is in `dev` by its row id, otherwise
    `test`. A description that tuning saw is then never scored on `test`."""
    from lsip.classification.coder.sic import description_tokens  # "CAR MANUFACTURER" is
    # "car manufacturing": one description as the coder reads it

    rows, dev = [], set()
    for row in real_rows(path):
        codes = [c for c in row["sic2007_ons"].split() if c[:2].isdigit()]
        if codes:
            key = description_tokens(row["business"])
            rows.append((row["business"], codes, key))
            if row["split"] == "dev":
                dev.add(key)
    return [(text, codes, "dev" if key in dev else "test") for text, codes, key in rows]


def right_code(code, gold):
    """`gold` is a code, or a list of the ONS coders' SIC codes ("x" for open digits)."""
    if isinstance(gold, str):
        return code == gold
    return any(
        len(code) == len(g) and all(a == b or b == "x" for a, b in zip(code, g, strict=True))
        for g in gold
    )
