"""Text normalisation for job titles and business descriptions.

The same function is applied to the ONS index titles and to the text being coded, so that the
two meet in one vocabulary: lower case, plain letters, abbreviations written out, plurals made
singular, and the words adverts add that say nothing about the occupation (pay, hours,
contract, shift, place) taken out.
"""

import re
import unicodedata
from functools import lru_cache

from lsip.classification.coder.result import Status

#: Abbreviations as employers and adverts write them, with the plurals adverts use.
ABBREVIATIONS = {
    "snr": "senior",
    "sr": "senior",
    "jnr": "junior",
    "jr": "junior",
    "asst": "assistant",
    "assts": "assistant",
    "assist": "assistant",
    "asst.": "assistant",
    "mgr": "manager",
    "mgrs": "manager",
    "mngr": "manager",
    "mngrs": "manager",
    "mgmt": "management",
    "eng": "engineer",
    "engr": "engineer",
    "engrs": "engineer",
    "engs": "engineer",
    "tech": "technician",
    "techn": "technician",
    "techs": "technician",
    "admin": "administrator",
    "admins": "administrator",
    "adm": "administrator",
    "exec": "executive",
    "execs": "executive",
    "coord": "coordinator",
    "coords": "coordinator",
    "coordntr": "coordinator",
    "co": "",
    "ord": "",
    "supv": "supervisor",
    "supvs": "supervisor",
    "supvr": "supervisor",
    "supvrs": "supervisor",
    "supr": "supervisor",
    "ops": "operations",
    "dev": "developer",
    "devs": "developer",
    "hr": "human resources",
    "acct": "accountant",
    "accts": "accounts",
    "dept": "department",
    "maint": "maintenance",
    "mech": "mechanical",
    "mechs": "mechanic",
    "elec": "electrical",
    "elecs": "electrician",
    "cust": "customer",
    "serv": "service",
    "svc": "service",
    "rep": "representative",
    "reps": "representative",
    "pa": "personal assistant",
    "qa": "quality assurance",
    "qc": "quality control",
    "hca": "healthcare assistant",
    "hcas": "healthcare assistant",
    "rgn": "registered general nurse",
    "rmn": "registered mental health nurse",
    "rn": "registered nurse",
    "hgv": "hgv",
    "lgv": "hgv",
    "ceo": "chief executive",
    "md": "managing director",
    "gp": "general practitioner",
    "ot": "occupational therapist",
    "slt": "speech and language therapist",
    "ta": "teaching assistant",
    "tas": "teaching assistant",
    "lsa": "learning support assistant",
    "lsas": "learning support assistant",
    "nqt": "teacher",
    "ect": "teacher",
    "cfo": "finance director",
    "fd": "finance director",
    "hod": "head of department",
    "it": "it",
    "ict": "it",
    "sw": "software",
    "dba": "database administrator",
    "cnc": "cnc",
    "plc": "plc",
    "mig": "mig",
    "tig": "tig",
    "pt": "",
    "ft": "",
    "bdm": "business development manager",
    "bdms": "business development manager",
    "csr": "customer service representative",
    "cs": "customer service",
    "wh": "warehouse",
    "whse": "warehouse",
    "fl": "fork lift",
    "flt": "fork lift truck",
    "nvq": "",
    "cscs": "",
    "sia": "security",
    "h&s": "health and safety",
    "r&d": "research and development",
}

#: Abbreviations whose plural is not theirs with an "s": adjectives and words that are not
#: counted (mech, elec, cust, hgv, cnc, it, hr, qa: "HR" is a function, not people), words
#: dropped (co, pt, nvq), "assist" (assists is a verb), "hod" (hod carriers) and "gp"
#: ("GPS" is satellite navigation as often as it is general practitioners).
NOT_COUNTED = frozenset(
    "mech elec cust serv maint mgmt dept co ord pt ft nvq cscs it ict hr cs qa qc ops "
    "assist hod gp sw fl wh whse hgv lgv cnc plc mig tig sia".split()
)

#: Spellings folded to one form (American to British, common variants).
SPELLINGS = {
    "center": "centre",
    "labor": "labour",
    "organization": "organisation",
    "programer": "programmer",
    "licenced": "licensed",
    "judgement": "judgment",
    "cheque": "check",
    "practise": "practice",
    "jeweler": "jeweller",
    "caregiver": "carer",
    "forklift": "fork lift",
    "healthcare": "health care",
    "childcare": "child care",
    "bookkeeper": "book keeper",
    "bookeeper": "book keeper",  # so common that it is no misspelling of "zookeeper"
    "handyman": "handy man",
    "signalling": "signaling",
    "modelling": "modeling",
    "travelling": "traveling",
    "aesthetician": "beauty therapist",
    "nanny": "nanny",
    "e-commerce": "ecommerce",
}

#: Words that say nothing about the occupation: hours, contract, shift, pay, urgency, place.
NOISE = frozenset(
    """
    nights night days day shift shifts twilight weekend weekends weekday weekdays
    earlies early lates late rotating rota sleep sleeps sleepin waking
    part full time parttime fulltime temporary temp perm permanent contract contractor
    fixed term ftc locum maternity cover interim ongoing seasonal casual zero hours hour
    hourly hrs hr week weekly month monthly annum annual pa ph p salary salaried pay
    paid rate rates bonus bonuses benefits benefit plus package negotiable doe ote dog
    competitive excellent great immediate start starts asap urgent urgently now apply
    hiring needed required wanted vacancy vacancies job jobs role position opportunity
    new exciting fantastic amazing flexible hybrid remote home based office field mobile
    travel car van allowance relocation visa sponsorship sponsored uk england wales
    scotland national nationwide various multiple locations location area areas
    region regional north south east west northern southern eastern western central
    greater county city town ref reference id x1 x2 x3 x4 x5 per an the a an with
    inc including incl only all any own
""".split()
)

#: Places: towns, cities and counties that adverts put in their titles.
PLACES = frozenset(
    """
    london manchester birmingham leeds sheffield bristol liverpool newcastle nottingham
    leicester coventry bradford hull stoke wolverhampton derby southampton portsmouth
    plymouth reading brighton bournemouth norwich cambridge oxford york exeter gloucester
    worcester hereford herefordshire shrewsbury shropshire telford wrekin ludlow oswestry
    leominster ross wye bridgnorth newport whitchurch kidderminster stafford
    staffordshire cheshire chester warrington crewe preston blackpool blackburn lancaster
    lancashire bolton wigan stockport oldham salford sunderland durham middlesbrough
    darlington hartlepool doncaster rotherham barnsley wakefield huddersfield halifax
    swindon wiltshire bath somerset taunton devon cornwall truro dorset poole kent
    maidstone canterbury medway essex chelmsford colchester southend basildon luton
    bedford milton keynes northampton peterborough lincoln lincolnshire grimsby
    scunthorpe ipswich suffolk norfolk cumbria carlisle kendal surrey guildford woking
    sussex crawley worthing hampshire winchester basingstoke berkshire slough
    buckinghamshire aylesbury hertfordshire watford stevenage st albans solihull
    walsall dudley sandwell warwick warwickshire rugby nuneaton redditch cheltenham
    swansea cardiff glasgow edinburgh aberdeen dundee belfast midlands
""".split()
)

STOPWORDS = frozenset("and of the for in on at to or by from as is".split())

_PAY = re.compile(
    r"(£|\$|€)\s*[\d,.]+\s*k?(\s*-\s*(£|\$|€)?\s*[\d,.]+\s*k?)?"
    r"|\bper\s+(hour|hr|annum|week|month|year|day|shift)\b"
    r"|\b\d+(\.\d+)?\s*k\b|\b\d+(\.\d+)?\s*(ph|p/h|pa|p/a|phr)\b|\b\d+\s*(?:hrs?|hours)\b"
    r"|\bclass\s*(?:1|2|c1?\s*(?:\+\s*e)?|ce)\b"  # driving licence categories: HGV Class 1
)
_SPLIT = re.compile(r"[^a-z0-9&]+")
_JOINED = re.compile(r"(?<=[a-z])-(?=[a-z])")
_BRACKETS = re.compile(r"[\(\[\{](.*?)[\)\]\}]")


def fold(text: str) -> str:
    """Lower case, with accents and curly quotes reduced to plain ASCII."""
    text = unicodedata.normalize("NFKD", text.replace("\u2019", "'").replace("\u2018", "'"))
    return text.encode("ascii", "ignore").decode().lower()


def singular(word: str) -> str:
    """A light rule-based singular, applied alike to index and query."""
    if len(word) <= 3 or word.endswith(("ss", "us", "is", "ics")):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
    if word.endswith("men") and len(word) > 4:
        return word[:-3] + "man"
    if word.endswith("s"):
        return word[:-1]
    return word


def _spell(word: str) -> str:
    word = SPELLINGS.get(word, word)
    if word.endswith(("ization", "izing", "ize", "izer")) and len(word) > 6:
        word = word.replace("iz", "is")
    return word


@lru_cache(maxsize=65536)
def tokens(text: str, drop_noise: bool = True) -> tuple[str, ...]:
    """The meaningful words of `text`, normalised, in order."""
    text = fold(text).replace("&", " & ").replace("/", " / ")
    text = _PAY.sub(" ", text)
    text = _JOINED.sub("", text)  # check-out, co-ordinator, take-away: one word each
    text = text.replace("'", "")
    words = []
    for raw in _SPLIT.split(text):
        if not raw or raw == "&":
            continue
        expanded = ABBREVIATIONS.get(raw)
        if expanded is None and raw.endswith("s") and raw[:-1] not in NOT_COUNTED:
            expanded = ABBREVIATIONS.get(raw[:-1])  # "RGNs", "CEOs", "HCAs"
        if expanded is None:
            expanded = raw
        for word in expanded.split():
            word = _spell(singular(word))
            for part in word.split():
                if part in STOPWORDS or part.isdigit():
                    continue
                if drop_noise and (part in NOISE or part in PLACES):
                    continue
                words.append(part)
    return tuple(words)


def split_title(title: str) -> tuple[str, str]:
    """(core, context): the title without, and the words within, brackets or after a dash."""
    context = " ".join(_BRACKETS.findall(title))
    core = _BRACKETS.sub(" ", title)
    for separator in (" - ", " – ", " | ", ": "):
        if separator in core:
            head, tail = core.split(separator, 1)
            if tokens(head):
                core, context = head, f"{context} {tail}"
                break
    return core, context


def unreadable(text, max_length: int) -> str:
    """Why `text` cannot be coded as it is (a `Status`), or "" when it can."""
    if text is None or not str(text).strip():
        return Status.EMPTY
    text = str(text)
    if len(text) > max_length:
        return Status.TOO_LONG
    if not any(ch.isalpha() for ch in text):
        return Status.NO_WORDS
    if not any(ch.isalpha() for ch in fold(text)):
        return Status.NOT_LATIN
    return ""
