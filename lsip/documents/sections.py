"""The narrative sections of each document, in order, with what each should say (read from
SG Annex A, Table 1 and Annex C, and for the progress report from Stage 2 guidance 3.3).

A key names the ERB's words for a section (`Narrative.key`); the builders put each where its
section stands, beside the tables, figures and charts generated from the data."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Part:
    key: str
    title: str
    hint: str
    #: The words are the progress report's own passage (`delivery.ProgressReport`, a field
    #: of this name), written once on the report's delivery page (decision 0077).
    on_report: bool = False


PLAN_PARTS = [
    Part(
        "introduction",
        "Introduction",
        "What the LSIP is, who it is for and why it matters to them (SG Annex A, Table 1).",
    ),
    Part(
        "executive_summary",
        "Executive summary",
        "The main content of the plan in brief: the needs found and the changes agreed.",
    ),
    Part(
        "strategic_context",
        "Strategic and economic context",
        "How the LSIP fits the area's strategic and economic context: the Industrial Strategy "
        "sectors important here and the Strategic Authority's (or local authorities') plans "
        "and sector priorities.",
    ),
    Part(
        "local_plans",
        "Links to other local plans",
        "How the LSIP supports and feeds into other local plans and strategies, including the "
        "Local Growth Plan and the Local Get Britain Working Plan.",
    ),
    Part(
        "skills_needs",
        "Local skills needs",
        "The key current and three-year skills needs, how the stage 1 evidence informed them "
        "and any prioritisation that was needed (4 to 6 priorities).",
    ),
    Part(
        "changes",
        "Agreed changes and actions",
        "The changes agreed to meet each need, the outcomes and impact expected and how they "
        "will be measured.",
    ),
    Part(
        "evidence_base",
        "The evidence base",
        "The sources of evidence and why they are robust and relevant: employer feedback, the "
        "Industrial Strategy, the Strategic Authority's priorities, local economic plans, "
        "labour market information, and data from Skills England (SG Annex A, Annex C 1).",
    ),
    Part(
        "method",
        "How the plan was developed",
        "How development followed the guidance: the breadth and depth of employer engagement "
        "beyond ERB membership, how providers of every kind and local stakeholders took part "
        "(Annex C 2).",
    ),
    Part(
        "net_zero",
        "Net zero and environmental skills",
        "How the plan took account of skills for net zero, adaptation to climate change and "
        "other environmental goals (Annex C 3).",
    ),
    Part(
        "equality",
        "Equality of opportunity",
        "How equality was considered: wider talent pools, outreach, physical and digital "
        "barriers to training (Annex C 4).",
    ),
    Part(
        "governance",
        "Governance",
        "The governance arrangements that supported the development of the plan (Annex C 5).",
    ),
]

PROGRESS_PARTS = [
    Part(
        "introduction",
        "Introduction",
        "What this progress report covers and the year it reports on.",
    ),
    Part(
        "achieved",
        "What has been achieved",
        "Which of the plan's changes and actions have been achieved (Stage 2 guidance 3.3).",
        on_report=True,
    ),
    Part(
        "impact",
        "Impact and benefits",
        "The impact and benefits of the changes and actions so far.",
        on_report=True,
    ),
    Part(
        "still_to_achieve",
        "What still needs to be achieved",
        "What is left to do, with any new or more granular intelligence and more specific "
        "actions that will help achieve it.",
        on_report=True,
    ),
    Part(
        "sign_off",
        "Sign-off",
        "How the report was signed off by the LSIP's own governance.",
    ),
]


def parts_of(document: str) -> list[Part]:
    return PLAN_PARTS if document == "plan" else PROGRESS_PARTS


def part(document: str, key: str) -> Part | None:
    return next((p for p in parts_of(document) if p.key == key), None)
