"""Roles people hold in an LSIP area, and what each role may do.

A role grants access to one area only; the Skills England reviewer reads every area and
edits none (SG 4). The anonymous public sees what is published.
"""

from enum import StrEnum


class Role(StrEnum):
    ERB_ADMIN = "erb_admin"
    ERB_EDITOR = "erb_editor"
    BOARD_MEMBER = "board_member"
    PARTNER_CONTRIBUTOR = "partner_contributor"
    STRATEGIC_AUTHORITY_PARTNER = "sa_partner"
    SKILLS_ENGLAND_REVIEWER = "skills_england"

    @property
    def label(self) -> str:
        return ROLE_LABELS[self]


ROLE_LABELS = {
    Role.ERB_ADMIN: "ERB admin",
    Role.ERB_EDITOR: "ERB editor",
    Role.BOARD_MEMBER: "Board member",
    Role.PARTNER_CONTRIBUTOR: "Partner contributor",
    Role.STRATEGIC_AUTHORITY_PARTNER: "Strategic Authority partner",
    Role.SKILLS_ENGLAND_REVIEWER: "Skills England reviewer",
}


class Capability(StrEnum):
    """What a page or endpoint requires of the person using it, within one area."""

    VIEW_PUBLIC = "view_public"
    VIEW_AREA = "view_area"  # the area's non-public records
    CONTRIBUTE = "contribute"  # add the updates and evidence partners are asked for
    EDIT_AREA = "edit_area"  # the ERB's own working records
    EDIT_PLAN = "edit_plan"  # the plan: the ERB, and in a devolved area the SA with it (SG 3)
    VIEW_PERSONAL_DATA = "view_personal_data"  # employer contacts (names, emails, phones)
    MANAGE_AREA = "manage_area"  # cycles, people, the audit trail, the admin


_VIEW = {Capability.VIEW_PUBLIC, Capability.VIEW_AREA}

ROLE_CAPABILITIES: dict[Role, frozenset[Capability]] = {
    Role.ERB_ADMIN: frozenset(Capability),
    Role.ERB_EDITOR: frozenset(
        _VIEW
        | {
            Capability.CONTRIBUTE,
            Capability.EDIT_AREA,
            Capability.EDIT_PLAN,
            Capability.VIEW_PERSONAL_DATA,
        }
    ),
    Role.BOARD_MEMBER: frozenset(_VIEW),
    Role.PARTNER_CONTRIBUTOR: frozenset(_VIEW | {Capability.CONTRIBUTE}),
    Role.STRATEGIC_AUTHORITY_PARTNER: frozenset(_VIEW | {Capability.CONTRIBUTE}),
    Role.SKILLS_ENGLAND_REVIEWER: frozenset(_VIEW),
}
