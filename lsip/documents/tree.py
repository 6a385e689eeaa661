"""The one document model every output is rendered from: a tree of sections, each with blocks.

It is plain JSON-able data so that a publication can keep it for ever and the HTML, PDF and
DOCX renderers read exactly the same thing. Blocks:

- ``{"type": "html", "html": ...}``: the ERB's narrative, already sanitised (`text.to_html`);
- ``{"type": "para", "text": ...}``: a generated sentence;
- ``{"type": "missing", "text": ...}``: a narrative section not yet written;
- ``{"type": "table", "caption", "columns", "rows", "source", "widths"}``: a table from the data;
- ``{"type": "figures", "caption", "items": [{label, value, england, period}], "source"}``;
- ``{"type": "chart", "title", "spec", "source", "description"}``: a Vega-Lite chart.

Every table, figure and chart carries its source line (source, edition and date).
"""

from dataclasses import dataclass, field


@dataclass
class Section:
    id: str
    title: str
    number: str = ""
    blocks: list = field(default_factory=list)
    children: list = field(default_factory=list)
    #: "empty", "drafted", "complete" (the ERB's words) or "generated" (from the data only).
    state: str = "generated"
    annex: bool = False
    narrative: str = ""  # the key of the narrative written for it, if any

    @property
    def heading(self) -> str:
        return f"{self.number} {self.title}".strip()

    def add(self, block: dict) -> "Section":
        self.blocks.append(block)
        return self

    def as_dict(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "number": self.number,
            "blocks": self.blocks,
            "children": [c.as_dict() for c in self.children],
            "state": self.state,
            "annex": self.annex,
            "narrative": self.narrative,
        }

    @classmethod
    def from_dict(cls, data: dict) -> "Section":
        return cls(
            id=data["id"],
            title=data["title"],
            number=data.get("number", ""),
            blocks=list(data.get("blocks", [])),
            children=[cls.from_dict(c) for c in data.get("children", [])],
            state=data.get("state", "generated"),
            annex=data.get("annex", False),
            narrative=data.get("narrative", ""),
        )

    def walk(self, depth: int = 1):
        """(depth, section) for this section and every section under it, in order."""
        yield depth, self
        for child in self.children:
            yield from child.walk(depth + 1)


@dataclass
class Document:
    kind: str  # "plan" or "progress"
    title: str
    subtitle: str
    area: str
    date: str  # ISO date it was made
    branding: dict
    sections: list = field(default_factory=list)
    #: Lines for the inside cover: who made it, the data's licences.
    colophon: list = field(default_factory=list)
    #: The page limit of the main body (SG Annex A: about 30; progress report: 20 in all).
    page_limit: int = 30

    def as_dict(self) -> dict:
        return {
            "kind": self.kind,
            "title": self.title,
            "subtitle": self.subtitle,
            "area": self.area,
            "date": self.date,
            "branding": self.branding,
            "sections": [s.as_dict() for s in self.sections],
            "colophon": self.colophon,
            "page_limit": self.page_limit,
        }

    @classmethod
    def from_dict(cls, data: dict) -> "Document":
        return cls(
            kind=data["kind"],
            title=data["title"],
            subtitle=data.get("subtitle", ""),
            area=data.get("area", ""),
            date=data.get("date", ""),
            branding=data.get("branding", {}),
            sections=[Section.from_dict(s) for s in data.get("sections", [])],
            colophon=data.get("colophon", []),
            page_limit=data.get("page_limit", 30),
        )

    def walk(self):
        for section in self.sections:
            yield from section.walk()

    @property
    def first_annex(self) -> Section | None:
        return next((s for s in self.sections if s.annex), None)


def table(caption, columns, rows, source, widths=None) -> dict:
    return {
        "type": "table",
        "caption": caption,
        "columns": list(columns),
        "rows": [["" if v is None else str(v) for v in row] for row in rows],
        "source": source,
        "widths": widths or [],
    }


def para(text: str) -> dict:
    return {"type": "para", "text": text}


def chart(title: str, spec: dict, source: str, description: str = "") -> dict:
    return {
        "type": "chart",
        "title": title,
        "spec": spec,
        "source": source,
        "description": description,
    }


def figures(caption: str, items: list[dict], source: str) -> dict:
    return {"type": "figures", "caption": caption, "items": items, "source": source}
