"""A document as the flat list the templates and the Word writer walk: each section with its
heading level and its blocks, charts drawn as SVG."""

import re
from dataclasses import dataclass

from lsip.documents import charts
from lsip.documents.tree import Document, Section


@dataclass
class Entry:
    section: Section
    level: int  # the HTML heading level: 2 for a top section
    blocks: list

    @property
    def heading(self) -> str:
        return self.section.heading


def entries(doc: Document, *, with_svg: bool = True) -> list[Entry]:
    found = []
    for depth, section in doc.walk():
        blocks = []
        for block in section.blocks:
            if block["type"] == "chart" and with_svg:
                block = {**block, "svg": charts.svg(block["spec"])}
            elif block["type"] == "table":
                layout = table_layout(block)
                block = {
                    **block,
                    "layout": layout,
                    "keep": len(block["rows"]) <= KEEP_TOGETHER and len(block["columns"]) <= 3,
                    "head": [
                        {"text": c, "numeric": x["numeric"]}
                        for c, x in zip(block["columns"], layout, strict=False)
                    ],
                    "body": [
                        [
                            {"text": c, "numeric": x["numeric"]}
                            for c, x in zip(row, layout, strict=False)
                        ]
                        for row in block["rows"]
                    ],
                }
            blocks.append(block)
        found.append(Entry(section, min(depth + 1, 6), blocks))
    return found


#: A narrow table (three columns at most) of at most this many rows is printed whole on one
#: page (with its caption) rather than leaving its caption or first row at the foot of a page;
#: wider tables, whose rows are tall, run on from where they start.
KEEP_TOGETHER = 16

_NUMBER = re.compile(r"^-?[\d,]+(\.\d+)?%?$")


def table_layout(block: dict) -> list[dict]:
    """For each column of a table: its share of the width (as the document model gives it)
    and whether it holds numbers only, which are set right-aligned."""
    columns = block["columns"]
    widths = list(block.get("widths") or [])
    layout = []
    for index in range(len(columns)):
        cells = [row[index] for row in block["rows"] if index < len(row)]
        filled = [c for c in cells if c not in ("", "—")]
        layout.append(
            {
                "width": int(widths[index]) if index < len(widths) else 0,
                "numeric": index > 0 and bool(filled) and all(_NUMBER.match(c) for c in filled),
            }
        )
    return layout


def contents(doc: Document) -> list[Entry]:
    """The sections the contents page lists: the top two levels."""
    return [Entry(s, d + 1, []) for d, s in doc.walk() if d <= 2]


#: Top sections printed on landscape pages (their tables have many columns).
LANDSCAPE = {"annex-a", "annex-b", "activities"}


@dataclass
class Part:
    section: Section
    entries: list

    @property
    def landscape(self) -> bool:
        return self.section.id in LANDSCAPE


def parts(doc: Document, *, with_svg: bool = True) -> list[Part]:
    """The entries grouped under their top section, for page layout."""
    grouped: list[Part] = []
    for entry in entries(doc, with_svg=with_svg):
        if entry.level == 2:
            grouped.append(Part(entry.section, []))
        grouped[-1].entries.append(entry)
    return grouped
