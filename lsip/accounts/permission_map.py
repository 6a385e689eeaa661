"""The permission map: for each kind of record, who may read it and who may change it, in one
place (issue 17). `roles.py` says what each role may do (its capabilities); this module says
which capability each record type and action needs, and which records every page and API
endpoint serves. `docs/permissions.md` is generated from it
(`python -m lsip.accounts.permission_map > docs/permissions.md`), and
`tests/test_permission_map.py` checks every page and endpoint of the permission table
(`tests/test_permissions.py`, which calls each as each role) against it: no page or endpoint
may let a role do more than the map says.

An access is a `Capability` (held through a role in the area, see `access.capabilities`) or
one of ANYONE, SIGNED_IN and NOBODY.
"""

from dataclasses import dataclass

from lsip.accounts.roles import ROLE_CAPABILITIES, ROLE_LABELS, Capability, Role

ANYONE = "anyone"
SIGNED_IN = "signed in"
NOBODY = "nobody"

READ = "read"
CHANGE = "change"


@dataclass(frozen=True)
class Record:
    name: str
    what: str
    read: object
    change: object


C = Capability
RECORDS = {
    r.name: r
    for r in [
        Record(
            "published", "The areas, their overview, places, the classifications", ANYONE, NOBODY
        ),
        Record("signing in", "Signing in, and resetting a forgotten password", ANYONE, ANYONE),
        Record("account", "A person's own account, password and API tokens", SIGNED_IN, SIGNED_IN),
        Record("cycles", "An area's LSIP cycles", ANYONE, C.MANAGE_AREA),
        Record("people", "Who holds which role in the area", C.MANAGE_AREA, C.MANAGE_AREA),
        Record("audit", "The audit trail of the area's records", C.MANAGE_AREA, NOBODY),
        Record("economy", "Datasets, indicators, the area profile", ANYONE, C.EDIT_AREA),
        Record(
            "priority sectors",
            "The weighting of sectors (working analysis)",
            C.VIEW_AREA,
            C.EDIT_AREA,
        ),
        Record("sectors", "The area's sectors as sets of SIC codes", ANYONE, C.EDIT_AREA),
        Record("organisations", "Employers, providers and partners", C.VIEW_AREA, C.EDIT_AREA),
        Record(
            "contacts",
            "Employer contacts (personal data)",
            C.VIEW_PERSONAL_DATA,
            C.VIEW_PERSONAL_DATA,
        ),
        Record("engagement", "The engagement record and skills needs", C.VIEW_AREA, C.EDIT_AREA),
        Record(
            "imports and coding",
            "Imports, coding files and the review queue",
            C.EDIT_AREA,
            C.EDIT_AREA,
        ),
        Record("coder", "Coding job titles and industries (a tool)", SIGNED_IN, SIGNED_IN),
        Record(
            "jobs", "Background jobs (readers see the ones they started)", C.VIEW_AREA, C.EDIT_AREA
        ),
        Record("plan", "The plan, its annexes, versions and snapshots", C.VIEW_AREA, C.EDIT_PLAN),
        Record(
            "approval",
            "Readiness, submission, approval and disagreements",
            C.VIEW_AREA,
            C.EDIT_PLAN,
        ),
        Record(
            "documents",
            "The plan's and progress report's documents, drafts",
            C.VIEW_AREA,
            C.EDIT_PLAN,
        ),
        Record("publications", "Published documents, branding", ANYONE, C.MANAGE_AREA),
        Record(
            "board", "The board, its members and the register of interests", ANYONE, C.EDIT_AREA
        ),
        Record(
            "meetings",
            "Meetings, papers, decisions, LSIF bids, the grant",
            C.VIEW_AREA,
            C.EDIT_AREA,
        ),
        Record(
            "delivery",
            "Delivery: activities, rounds, metrics, the progress report",
            C.VIEW_AREA,
            C.EDIT_AREA,
        ),
        Record(
            "updates", "Partners' updates, evidence and metric values", C.VIEW_AREA, C.CONTRIBUTE
        ),
        Record("feedback", "Employers' feedback on the plan", ANYONE, ANYONE),
    ]
}

#: Which record each URL serves: the first prefix of its name that matches.
URL_RECORDS = [
    ("accounts:people", "people"),
    ("accounts:role-", "people"),
    ("accounts:login", "signing in"),
    ("accounts:password-reset", "signing in"),
    ("accounts:", "account"),
    ("api-v1:me", "account"),
    ("areas:audit", "audit"),
    ("api-v1:audit", "audit"),
    ("areas:cycle", "cycles"),
    ("api-v1:cycle", "cycles"),
    ("economy:priority", "priority sectors"),
    ("api-v1:priority-sector", "priority sectors"),
    ("economy:", "economy"),
    ("api-v1:dataset", "economy"),
    ("api-v1:indicator", "economy"),
    ("sectors:", "sectors"),
    ("api-v1:area-sector", "sectors"),
    ("organisations:contact", "contacts"),
    ("api-v1:contact", "contacts"),
    ("organisations:", "organisations"),
    ("api-v1:organisation", "organisations"),
    ("engagement:", "engagement"),
    ("api-v1:engagement", "engagement"),
    ("api-v1:skills-need", "engagement"),
    ("coding:", "imports and coding"),
    ("imports:", "imports and coding"),
    ("api-v1:code-", "coder"),
    ("jobs:", "jobs"),
    ("plans:", "plan"),
    ("api-v1:plan", "plan"),
    ("approval:", "approval"),
    ("approval_national:", "approval"),
    ("api-v1:readiness", "approval"),
    ("api-v1:lifecycle", "approval"),
    ("documents:publish", "publications"),
    ("documents:branding", "publications"),
    ("documents:", "documents"),
    ("public:", "publications"),
    ("governance:meeting", "meetings"),
    ("governance:board", "board"),
    ("governance:register", "board"),
    ("governance:person", "board"),
    ("governance:category", "board"),
    ("governance:designation", "board"),
    ("governance:", "meetings"),
    ("api-v1:board", "board"),
    ("api-v1:register-entry", "board"),
    ("api-v1:designation", "board"),
    ("api-v1:meeting", "meetings"),
    ("api-v1:decision", "meetings"),
    ("api-v1:communication-", "meetings"),
    ("api-v1:attendance", "meetings"),
    ("api-v1:agenda-item", "meetings"),
    ("api-v1:paper", "meetings"),
    ("api-v1:declaration", "meetings"),
    ("api-v1:lsif-bid", "meetings"),
    ("api-v1:grant", "meetings"),
    ("delivery:feedback-form", "feedback"),
    ("delivery:feedback-thanks", "feedback"),
    ("delivery:my-updates", "updates"),
    ("delivery:update-new", "updates"),
    ("api-v1:delivery-update", "updates"),
    ("delivery:", "delivery"),
    ("api-v1:delivery", "delivery"),
    ("api-v1:metric-value", "updates"),
    ("", "published"),
]

#: Words in a page's name that make it a change (its GET shows the form).
CHANGE_WORDS = (
    "create", "update", "delete", "archive", "merge", "erase", "import", "upload", "move",
    "apply", "retry", "copy", "schedule", "attendance", "endorse", "cap",
    "withdraw", "change", "declare", "add-national", "carry-forward", "new", "publish",
    "branding", "narrative", "build", "action", "answer", "written",
)  # fmt: skip


#: A page named "… list", "… detail" or "… download" reads, whatever comes before.
READ_WORDS = ("list", "detail", "download", "summary", "history", "queue")


def _matches(url_name: str, prefix: str) -> bool:
    """The name is the prefix, or goes on from it after a "-" (or the prefix ends a part)."""
    if url_name == prefix or url_name.startswith(prefix + "-"):
        return True
    return prefix[-1:] in ("", ":", "-") and url_name.startswith(prefix)


def record_of(url_name: str) -> Record:
    for prefix, record in URL_RECORDS:
        if _matches(url_name, prefix):
            return RECORDS[record]
    raise LookupError(url_name)  # unreachable: "" matches every name


def action_of(url_name: str, method: str = "get") -> str:
    if method.lower() not in ("get", "head", "options"):
        return CHANGE
    last = url_name.split(":")[-1]
    words = last.split("-")
    if words[-1] in READ_WORDS:
        return READ
    changes = any(w in CHANGE_WORDS for w in words) or any(
        last.endswith(w) for w in CHANGE_WORDS if "-" in w
    )
    return CHANGE if changes else READ


def access(record: Record, action: str):
    return record.read if action == READ else record.change


def may(role: Role | None, needed, *, devolved: bool = False) -> bool:
    """Whether someone holding `role` in the area (None: the public) has `needed`."""
    if needed == ANYONE:
        return True
    if needed == NOBODY or role is None:
        return False
    if needed == SIGNED_IN:
        return True
    granted = set(ROLE_CAPABILITIES[Role(role)])
    if devolved and role == Role.STRATEGIC_AUTHORITY_PARTNER:
        granted.add(Capability.EDIT_PLAN)
    return needed in granted


def as_markdown() -> str:
    """The map as the table in docs/permissions.md."""
    roles = list(Role)
    head = "| record | action | " + " | ".join(ROLE_LABELS[r] for r in roles) + " | public |"
    lines = [
        "# Permissions",
        "",
        "Who may read and who may change each kind of record, generated from",
        "`lsip/accounts/permission_map.py` (`python -m lsip.accounts.permission_map`); a test",
        "keeps this file current and checks every page and API endpoint against the map. A role",
        "applies in its own area only; the Skills England reviewer's in every area. In a",
        "devolved area the Strategic Authority partner also changes the plan (SG 3).",
        "",
        head,
        "|" + "---|" * (len(roles) + 3),
    ]
    for record in RECORDS.values():
        for action in (READ, CHANGE):
            needed = access(record, action)
            cells = ["yes" if may(r, needed) else "" for r in roles]
            cells.append("yes" if may(None, needed) else "")
            lines.append(f"| {record.name}: {record.what} | {action} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    import sys

    sys.stdout.write(as_markdown())
