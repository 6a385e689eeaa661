"""The document rendered three ways from one tree: an HTML file, a PDF (WeasyPrint: contents
page, bookmarks from the headings, page numbers, header rows repeated on every page, charts as
vector SVG, tagged PDF) and a Word file (python-docx: real headings, tables and a contents
field that Word fills in)."""

import base64
import datetime
import mimetypes
from dataclasses import dataclass
from pathlib import Path

from django.template.loader import render_to_string

from lsip.documents import outline
from lsip.documents.tree import Document

CSS = Path(__file__).parent / "static" / "documents" / "print.css"


@dataclass
class Rendered:
    content: bytes
    pages: int | None = None
    main_body_pages: int | None = None


def _date_text(doc: Document) -> str:
    made = datetime.date.fromisoformat(doc.date)
    return f"{made.day} {made:%B %Y}"


def _logo_uri(doc: Document) -> str:
    path = doc.branding.get("logo")
    if not path or not Path(path).is_file():
        return ""
    kind = mimetypes.guess_type(path)[0] or "image/png"
    return f"data:{kind};base64," + base64.b64encode(Path(path).read_bytes()).decode()


def _css(doc: Document) -> str:
    colour = doc.branding.get("colour") or "#1d70b8"
    accent = doc.branding.get("accent") or "#00703c"
    return f":root {{ --brand: {colour}; --accent: {accent}; }}\n" + CSS.read_text() + WIDTHS


#: The column widths the document model gives (`tree.table(widths=...)`), as classes: the
#: site's content security policy allows no style attributes.
WIDTHS = "".join(f".doc-table col.doc-w-{n} {{ width: {n}%; }}\n" for n in range(1, 101))


def _page(doc: Document, *, inline_css: str = "") -> str:
    return render_to_string(
        "documents/print.html",
        {
            "document": doc,
            "parts": outline.parts(doc),
            "contents": outline.contents(doc),
            "date_text": _date_text(doc),
            "logo_uri": _logo_uri(doc),
            "inline_css": inline_css,
            "draft": False,
        },
    )


def html(doc: Document) -> Rendered:
    """A self-contained HTML file (styles inline, charts as inline SVG)."""
    return Rendered(_page(doc, inline_css=_css(doc)).encode())


def pdf(doc: Document) -> Rendered:
    import weasyprint

    page = weasyprint.HTML(string=_page(doc), base_url=str(CSS.parent))
    rendered = page.render(stylesheets=[weasyprint.CSS(string=_css(doc))], pdf_tags=True)
    content = rendered.write_pdf(pdf_tags=True)
    return Rendered(content, len(rendered.pages), _main_body_pages(doc, rendered.pages))


def _main_body_pages(doc: Document, pages) -> int | None:
    """SG Annex A: the main body "excluding annexes": from the first section's page to the
    page before the first annex (the cover and contents are not counted)."""
    if not doc.sections:
        return None
    first = doc.sections[0].id
    annex = doc.first_annex
    start = end = None
    for number, page in enumerate(pages):
        if start is None and first in page.anchors:
            start = number
        if annex is not None and end is None and annex.id in page.anchors:
            end = number
    if start is None:
        return None
    return (end if end is not None else len(pages)) - start


def docx(doc: Document) -> Rendered:
    from lsip.documents.word import write

    return Rendered(write(doc))


RENDERERS = {"html": html, "pdf": pdf, "docx": docx}
CONTENT_TYPES = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def render(doc: Document, fmt: str) -> Rendered:
    try:
        renderer = RENDERERS[fmt]
    except KeyError:
        raise ValueError(f"cannot make a .{fmt} file: choose .pdf, .docx or .html") from None
    return renderer(doc)
