"""The fields an engagement spreadsheet may hold, and how each cell becomes a value.

SG 5.1 asks the ERB to keep a record of every employer engaged: who (name, Companies House
number, size, ownership, place, ERB membership), how and when, and the skills needs they
raised. Every parser here returns the value or raises `FieldError` with a reason a person can
act on; nothing is guessed where two readings are possible.
"""

import datetime
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from lsip.engagement.models import Engagement, SkillsNeed
from lsip.organisations.models import Ownership, SizeBand, validate_company_number


class FieldError(ValueError):
    """A cell that cannot be read; the message is the reason shown in the report."""


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    aliases: tuple[str, ...] = ()
    required: bool = False
    hint: str = ""


#: Every importable field, in the order the mapping page shows them. Aliases are the column
#: names survey tools commonly use, for guessing the mapping.
FIELDS = (
    Field(
        "employer_name",
        "Employer name",
        ("employer", "organisation", "organization", "company", "business", "company name"),
        True,
    ),
    Field(
        "companies_house_number",
        "Companies House number",
        ("company number", "companies house", "crn", "registration number", "ch number"),
    ),
    Field(
        "employees",
        "Number of employees",
        ("employees", "staff numbers", "number of staff", "headcount", "how many employees"),
    ),
    Field("size_band", "Size band", ("size", "business size", "size band", "company size")),
    Field("ownership", "Ownership", ("sector type", "ownership", "public or private")),
    Field(
        "local_authority",
        "Local authority",
        ("local authority", "district", "location", "place", "council area", "area"),
    ),
    Field("erb_member", "Member of the ERB", ("member", "erb member", "chamber member")),
    Field(
        "type",
        "Engagement type",
        ("engagement type", "type", "method", "how engaged"),
        hint="Required unless a default type is chosen.",
    ),
    Field("date", "Date", ("date", "engagement date", "interview date", "response date"), True),
    Field("erb_staff", "ERB staff", ("interviewer", "erb staff", "staff member", "by")),
    Field(
        "consent_to_be_named",
        "Consent to be named",
        ("consent", "consent to be named", "happy to be named", "may we name"),
    ),
    Field(
        "occupation",
        "Occupation in the employer's words",
        ("occupation", "job title", "role", "job", "hard to fill", "vacancy", "skills need"),
    ),
    Field("need_type", "Need type", ("need type", "type of need", "shortage or gap")),
    Field("level", "Level", ("level", "qualification level", "skill level")),
    Field("number", "Number of people", ("number", "how many", "number needed", "vacancies")),
    Field("timescale", "Timescale", ("timescale", "when needed", "when")),
    Field("themes", "Themes", ("themes", "theme", "cross-cutting themes")),
    Field("detail", "Detail", ("detail", "details", "notes", "comments", "comment")),
    Field("contact_name", "Contact name", ("contact name", "contact", "respondent name", "name")),
    Field("contact_email", "Contact email", ("email", "contact email", "e-mail", "email address")),
    Field("contact_phone", "Contact phone", ("phone", "telephone", "contact phone", "tel")),
)
FIELD_KEYS = tuple(f.key for f in FIELDS)
LABELS = {f.key: f.label for f in FIELDS}


def _fold(text) -> str:
    return re.sub(r"[^a-z0-9]+", " ", str(text).casefold()).strip()


def guess_mapping(columns: list[str]) -> dict[str, str]:
    """{field key: column} guessed from the column names: an exact alias first, then a column
    whose name contains an alias. A column is used for one field only."""
    folded = {column: _fold(column) for column in columns if str(column).strip()}
    mapping, used = {}, set()
    for exact in (True, False):
        for field in FIELDS:
            if field.key in mapping:
                continue
            names = (_fold(field.label), *(_fold(a) for a in field.aliases))
            for column, name in folded.items():
                if column in used:
                    continue
                hit = name in names if exact else any(len(a) > 3 and a in name for a in names)
                if hit:
                    mapping[field.key] = column
                    used.add(column)
                    break
    return mapping


# -- text ---------------------------------------------------------------------------------


def text(value, max_length: int) -> str:
    value = " ".join(str(value).split()) if value is not None else ""
    if len(value) > max_length:
        raise FieldError(f"longer than {max_length} characters ({len(value)})")
    return value


def company_number(value) -> str:
    """A Companies House number; spreadsheets drop leading zeros, so 1234567 is 01234567."""
    value = re.sub(r"\s+", "", str(value)).upper()
    if re.fullmatch(r"\d+(\.0)?", value):
        value = value.split(".")[0].zfill(8)
    elif re.fullmatch(r"[A-Z]{2}\d{1,6}", value):
        value = value[:2] + value[2:].zfill(6)
    try:
        validate_company_number(value)
    except ValidationError:
        raise FieldError(f"{value} is not a Companies House number (8 characters)") from None
    return value


def email(value) -> str:
    value = str(value).strip()
    try:
        validate_email(value)
    except ValidationError:
        raise FieldError(f"{value} is not an email address") from None
    return value


# -- numbers and bands --------------------------------------------------------------------


def whole_number(value) -> int:
    raw = str(value).strip().replace(",", "")
    if re.fullmatch(r"\d+(\.0+)?", raw):
        return int(float(raw))
    raise FieldError(f"{value} is not a whole number")


def employees(value) -> str:
    """A number of employees → its size band (SizeBand.for_employees); "250+" is large."""
    raw = str(value).strip().replace(",", "").rstrip("+").strip()
    if not re.fullmatch(r"\d+(\.0+)?", raw):
        return size_band(value)  # "10-49" in an employees column
    return SizeBand.for_employees(int(float(raw))).value


_BAND_WORDS = {
    "micro": SizeBand.MICRO,
    "small": SizeBand.SMALL,
    "medium": SizeBand.MEDIUM,
    "large": SizeBand.LARGE,
    "sme": None,
}


def size_band(value) -> str:
    """ "micro", "Small", "0-9", "10 to 49", "250+", "Large (250 or more)" → a size band."""
    folded = _fold(value)
    for word, band in _BAND_WORDS.items():
        if folded.split()[:1] == [word]:
            if band is None:
                raise FieldError(f"{value} covers several size bands; give the band or a number")
            return band.value
    numbers = [int(n) for n in re.findall(r"\d+", str(value).replace(",", ""))]
    if numbers:
        bands = {SizeBand.for_employees(n) for n in numbers}
        if len(numbers) == 2 and numbers[1] < numbers[0]:
            bands.add(None)
        if len(bands) == 1:
            return bands.pop().value
    raise FieldError(f"{value} is not a size band (micro, small, medium, large, or 10-49...)")


def ownership(value) -> str:
    folded = _fold(value)
    words = {
        Ownership.PRIVATE: ("private", "business", "commercial"),
        Ownership.PUBLIC: ("public", "nhs", "council", "government"),
        Ownership.VOLUNTARY: ("voluntary", "charity", "third", "community", "not for profit"),
    }
    found = {o for o, keys in words.items() for key in keys if key in folded}
    if len(found) == 1:
        return found.pop().value
    raise FieldError(f"{value} is not an ownership (private, public or voluntary)")


_YES = {"yes", "y", "true", "1", "x", "member", "agreed", "ok"}
_NO = {"no", "n", "false", "0", "non member", "not a member", "not member", "declined"}


def yes_no(value) -> bool:
    folded = _fold(value)
    if folded in _YES or folded.startswith("yes "):
        return True
    if folded in _NO or folded.startswith("no "):
        return False
    raise FieldError(f"{value} is not yes or no")


# -- choices ------------------------------------------------------------------------------

_TYPE_WORDS = (
    (Engagement.Type.FOCUS_GROUP, ("focus",)),
    (Engagement.Type.DEEP_DIVE, ("deep dive", "deep-dive")),
    (Engagement.Type.INTERVIEW, ("interview", "one to one", "1 2 1", "1 to 1", "meeting", "call")),
    (Engagement.Type.SURVEY, ("survey", "questionnaire", "response")),
    (Engagement.Type.EVENT, ("event", "roundtable", "round table", "workshop", "webinar")),
    (Engagement.Type.BOARD, ("board", "forum")),
    (Engagement.Type.OTHER, ("other",)),
)


def engagement_type(value) -> str:
    folded = _fold(value).replace("_", " ")
    for choice, words in _TYPE_WORDS:
        if folded == _fold(choice.value) or any(_fold(w) in folded for w in words):
            return choice.value
    choices = ", ".join(v for v, _ in Engagement.Type.choices)
    raise FieldError(f"{value} is not an engagement type ({choices})")


_NEED_WORDS = (
    (SkillsNeed.NeedType.SHORTAGE, ("shortage", "recruit", "hard to fill", "vacanc")),
    (SkillsNeed.NeedType.GAP, ("gap", "current staff", "upskill", "existing")),
    (SkillsNeed.NeedType.FUTURE, ("future", "emerging", "new skill")),
    (SkillsNeed.NeedType.PROVISION, ("provision", "provider", "training offer", "course")),
)


def need_type(value) -> str:
    folded = _fold(value)
    found = [choice for choice, words in _NEED_WORDS if any(w in folded for w in words)]
    if folded == "provision gap" or "provider" in folded or "provision" in folded:
        found = [SkillsNeed.NeedType.PROVISION]
    if len(found) == 1:
        return found[0].value
    raise FieldError(f"{value} is not a need type (shortage, gap, future or provision)")


def level(value) -> str:
    """SG 2: entry level to level 8; "Level 3", "L3", "NVQ 3", "3.0", "Entry level 2" all read."""
    folded = _fold(value)
    if folded.startswith("entry") or folded in ("e", "el"):
        return "entry"
    match = re.fullmatch(r"(?:level|lvl|l|nvq|rqf)?\s*([1-8])(?: 0)?", folded)
    if match:
        return match.group(1)
    raise FieldError(f"{value} is not a level (entry, or 1 to 8)")


def timescale(value) -> str:
    folded = _fold(value)
    if folded in ("now", "immediately", "immediate", "current", "now 12 months", "asap") or (
        "now" in folded.split() or "immediate" in folded or "12 months" in folded
    ):
        return SkillsNeed.Timescale.NOW.value
    if "later" in folded or "longer" in folded or "5 year" in folded or "beyond" in folded:
        return SkillsNeed.Timescale.LATER.value
    if re.search(r"\b[1-3]\s*(?:to\s*[1-3]\s*)?years?\b", folded) or "within 3" in folded:
        return SkillsNeed.Timescale.WITHIN_3_YEARS.value
    raise FieldError(f"{value} is not a timescale (now, within 3 years, later)")


_THEME_WORDS = (
    (SkillsNeed.Theme.NET_ZERO, ("net zero", "green", "climate", "carbon", "decarbon")),
    (SkillsNeed.Theme.WORK_READINESS, ("work ready", "work readiness", "soft", "employab")),
    (SkillsNeed.Theme.ENGLISH_MATHS, ("english", "math", "literacy", "numeracy")),
    (SkillsNeed.Theme.LEADERSHIP, ("leadership", "management")),
    (SkillsNeed.Theme.DIGITAL, ("digital", "it skills", "computer", "ai", "data")),
)


def themes(value) -> list[str]:
    """Themes as labels separated by commas or semicolons ("Digital; Net zero and green")."""
    found = []
    for label in re.split(r"[;,]", str(value)):
        folded = _fold(label)
        if not folded:
            continue
        if folded.replace(" ", "_") in SkillsNeed.Theme.values:
            theme = folded.replace(" ", "_")
        else:
            hits = [t for t, words in _THEME_WORDS if any(_has(folded, w) for w in words)]
            if len(hits) != 1:
                known = ", ".join(label for _, label in SkillsNeed.Theme.choices)
                raise FieldError(f"{label.strip()} is not a theme ({known})")
            theme = hits[0].value
        if theme not in found:
            found.append(theme)
    return found


def _has(folded: str, word: str) -> bool:
    return word in folded.split() or (len(word) > 3 and word in folded)


# -- dates --------------------------------------------------------------------------------

_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        )
    )
    for m in names
}
_EXCEL_EPOCH = datetime.date(1899, 12, 30)
_DAY_MONTH_YEAR = re.compile(
    r"(\d{1,2})(?:st|nd|rd|th)?[\s\-/]+([a-z]+)\.?,?[\s\-/]+(\d{2}|\d{4})", re.I
)
_NUMERIC = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})")


def numeric_date_parts(value) -> tuple[int, int] | None:
    """The first two numbers of a date like 03/04/2025, or None for other forms."""
    match = _NUMERIC.fullmatch(_strip_time(str(value)))
    return (int(match.group(1)), int(match.group(2))) if match else None


def date_order_of(values) -> str | None:
    """ "dmy" or "mdy" when a file's numeric dates show which (a first number above 12 is a
    day), "mixed" when some can be read only one way and others only the other, else None."""
    day_first = month_first = False
    for value in values:
        parts = numeric_date_parts(value)
        if parts:
            day_first |= parts[0] > 12 >= parts[1]
            month_first |= parts[1] > 12 >= parts[0]
    if day_first and month_first:
        return "mixed"
    return "dmy" if day_first else "mdy" if month_first else None


def _strip_time(text: str) -> str:
    return re.sub(r"[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*(am|pm)?$", "", text.strip(), flags=re.I)


def date(value, order: str = "dmy", file_order: str | None = None) -> datetime.date:
    """A date in any of the forms survey tools and people write: 31/03/2025, 2025-03-31,
    31 Mar 2025, 31.3.25, an Excel serial number (45747) or a spreadsheet date cell.

    Numeric dates are read day first (UK) unless `order` is "mdy". When the file holds dates
    that can only be day-first and others that can only be month-first (`file_order` is
    "mixed"), a date that could be either is reported, not guessed.
    """
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _serial(value)
    raw = _strip_time(str(value))
    if re.fullmatch(r"\d{5}(\.\d+)?", raw):
        return _serial(float(raw))
    match = re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", raw)
    if match:
        return _make(int(match.group(1)), int(match.group(2)), int(match.group(3)), value)
    match = _NUMERIC.fullmatch(raw)
    if match:
        first, second, year = int(match.group(1)), int(match.group(2)), _year(match.group(3))
        if file_order == "mixed" and first <= 12 and second <= 12 and first != second:
            raise FieldError(
                f"{value} is ambiguous: the file has both day-first and month-first dates, so it "
                f"could be {_show(year, second, first)} or {_show(year, first, second)}; "
                "write it as 31 Mar 2025"
            )
        if order == "mdy":
            first, second = second, first
        return _make(year, second, first, value)
    match = _DAY_MONTH_YEAR.fullmatch(raw)
    if match and match.group(2).lower() in _MONTHS:
        month = _MONTHS[match.group(2).lower()]
        return _make(_year(match.group(3)), month, int(match.group(1)), value)
    match = re.fullmatch(r"([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})", raw, re.I)
    if match and match.group(1).lower() in _MONTHS:
        month = _MONTHS[match.group(1).lower()]
        return _make(int(match.group(3)), month, int(match.group(2)), value)
    raise FieldError(f"{value} is not a date (write it as 31/03/2025 or 31 Mar 2025)")


def _show(year, month, day) -> str:
    try:
        return f"{datetime.date(year, month, day):%d %b %Y}"
    except ValueError:
        return "no date"


def _year(text: str) -> int:
    year = int(text)
    return year + 2000 if len(text) == 2 else year


def _make(year, month, day, value) -> datetime.date:
    try:
        result = datetime.date(year, month, day)
    except ValueError:
        raise FieldError(f"{value} is not a real date") from None
    return _plausible(result, value)


def _serial(number: float) -> datetime.date:
    if not 20000 <= number <= 80000:
        raise FieldError(f"{number:g} is not a date")
    return _plausible(_EXCEL_EPOCH + datetime.timedelta(days=int(number)), number)


def _plausible(result: datetime.date, value) -> datetime.date:
    if not 1990 <= result.year <= datetime.date.today().year + 1:
        raise FieldError(f"{value} is not a plausible engagement date ({result:%d %b %Y})")
    return result
