"""The document as a Word file the ERB can still edit (python-docx): Word's own heading styles
(so the navigation pane and a contents field work), real tables whose header row repeats on
every page, charts as pictures with their source, and the narrative's paragraphs, lists and
emphasis."""

import datetime
import io
from html.parser import HTMLParser

from docx import Document as WordDocument
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from lsip.documents import charts, outline
from lsip.documents.tree import Document

FONT = "Arial"


def _rgb(colour: str) -> RGBColor:
    colour = (colour or "#1d70b8").lstrip("#")
    return RGBColor.from_string(colour.upper())


def write(doc: Document) -> bytes:
    word = WordDocument()
    brand = _rgb(doc.branding.get("colour"))
    _styles(word, brand)
    _core_properties(word, doc)
    section = word.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)  # A4, not the template's Letter
    section.left_margin = section.right_margin = Cm(2)
    section.top_margin = section.bottom_margin = Cm(2)
    _footer(section, doc)
    _cover(word, doc, brand)
    _contents(word)
    landscape = False
    for part in outline.parts(doc, with_svg=False):
        if part.landscape != landscape:
            landscape = part.landscape
            _new_section(word, landscape)
            first = True
        else:
            first = False
        for entry in part.entries:
            heading = word.add_heading(entry.heading, level=min(entry.level - 1, 4))
            if entry.level == 2 and not first:
                heading.paragraph_format.page_break_before = True
            first = False
            for block in entry.blocks:
                _block(word, block, doc, landscape)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def _styles(word, brand):
    normal = word.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(10)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    for name, size in (("Title", 28), ("Heading 1", 18), ("Heading 2", 14), ("Heading 3", 12)):
        style = word.styles[name]
        style.font.name = FONT
        style.font.size = Pt(size)
        style.font.color.rgb = brand
    caption = word.styles["Caption"]
    caption.font.name = FONT
    caption.font.size = Pt(9)
    caption.font.italic = False
    caption.font.bold = True
    caption.font.color.rgb = RGBColor(0x0B, 0x0C, 0x0C)


def _core_properties(word, doc: Document):
    props = word.core_properties
    props.title = doc.title
    props.subject = doc.subtitle
    props.author = doc.branding.get("name") or "lsip"
    props.created = datetime.datetime.fromisoformat(doc.date)


def _footer(section, doc: Document):
    paragraph = section.footer.paragraphs[0]
    paragraph.text = f"{doc.title} · page "
    _field(paragraph, "PAGE")
    for run in paragraph.runs:
        run.font.size = Pt(8)


def _field(paragraph, instruction: str, placeholder: str = "1"):
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = instruction
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    shown = OxmlElement("w:t")
    shown.text = placeholder
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    for element in (begin, text, separate, shown, end):
        run._r.append(element)


def _cover(word, doc: Document, brand):
    logo = doc.branding.get("logo") or ""
    if logo.lower().endswith((".png", ".jpg", ".jpeg")):
        try:
            word.add_picture(logo, height=Cm(2.5))
        except Exception:  # an unreadable logo leaves the cover without it
            pass
    org = word.add_paragraph(doc.branding.get("name") or "")
    org.runs and setattr(org.runs[0].font, "bold", True)
    for _ in range(4):
        word.add_paragraph()
    word.add_paragraph(doc.title, style="Title")
    subtitle = word.add_paragraph(doc.subtitle)
    subtitle.runs[0].font.size = Pt(14)
    made = datetime.date.fromisoformat(doc.date)
    word.add_paragraph(f"{made.day} {made:%B %Y}")
    for _ in range(6):
        word.add_paragraph()
    for line in doc.colophon:
        small = word.add_paragraph(line)
        small.runs[0].font.size = Pt(8)
    word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _contents(word):
    word.add_heading("Contents", level=1)
    paragraph = word.add_paragraph()
    _field(
        paragraph,
        'TOC \\o "1-2" \\h \\z \\u',
        "Right-click here and choose Update Field to show the contents.",
    )
    word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _new_section(word, landscape: bool):
    from docx.enum.section import WD_SECTION

    section = word.add_section(WD_SECTION.NEW_PAGE)
    width, height = section.page_width, section.page_height
    if landscape and width < height or not landscape and width > height:
        section.page_width, section.page_height = height, width
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT


def _block(word, block: dict, doc: Document, landscape: bool):
    kind = block["type"]
    if kind == "html":
        Narrative(word).feed(block["html"])
    elif kind == "para":
        word.add_paragraph(block["text"])
    elif kind == "table":
        _table(
            word,
            block["caption"],
            block["columns"],
            block["rows"],
            block.get("widths"),
            Cm(24.7 if landscape else 16),
        )
        _source(word, block["source"])
    elif kind == "figures":
        rows = [[i["label"], i["value"], i["england"], i["period"]] for i in block["items"]]
        _table(word, block["caption"], ["Figure", doc.area, "England", "Period"], rows, None)
        _source(word, block["source"])
    elif kind == "chart":
        word.add_paragraph(block["title"], style="Caption")
        word.add_picture(io.BytesIO(charts.png(block["spec"])), width=Cm(22 if landscape else 16))
        if block.get("description"):
            word.add_paragraph(block["description"])
        if block.get("source"):
            _source(word, block["source"])


def _source(word, text: str):
    if not text:
        return
    paragraph = word.add_paragraph(text)
    for run in paragraph.runs:
        run.font.size = Pt(8)
        run.font.color.rgb = RGBColor(0x50, 0x5A, 0x5F)


def _table(word, caption, columns, rows, widths, across=None):
    word.add_paragraph(caption, style="Caption")
    header = bool(columns and columns[0])
    table = word.add_table(rows=(1 if header else 0) + len(rows), cols=len(columns))
    table.style = "Table Grid"
    if header:
        cells = table.rows[0].cells
        for cell, name in zip(cells, columns, strict=True):
            cell.text = name
            cell.paragraphs[0].runs[0].font.bold = True
        _repeat_header(table.rows[0])
    offset = 1 if header else 0
    for r, row in enumerate(rows):
        cells = table.rows[r + offset].cells
        for c, value in enumerate(row):
            cells[c].text = value
            if c == 0 and cells[c].paragraphs[0].runs:
                cells[c].paragraphs[0].runs[0].font.bold = True
    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(8.5)
    if widths and across and len(widths) == len(columns):
        _widths(table, widths, across)


def _widths(table, widths, across):
    """The model's shares of the width, as Word reads them: on every cell of each column."""
    table.autofit = False
    total = sum(widths)
    for index, share in enumerate(widths):
        width = int(across * share / total)
        table.columns[index].width = width
        for cell in table.columns[index].cells:
            cell.width = width


def _repeat_header(row):
    properties = row._tr.get_or_add_trPr()
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    properties.append(flag)


class Narrative(HTMLParser):
    """The sanitised narrative HTML (`text.to_html`) as Word paragraphs: headings, paragraphs,
    bulleted and numbered lists, quotes, bold, italic and links."""

    HEADINGS = {"h3": 3, "h4": 4, "h5": 4}

    def __init__(self, word):
        super().__init__(convert_charrefs=True)
        self.word = word
        self.paragraph = None
        self.bold = self.italic = 0
        self.lists: list[str] = []

    def _start(self, style=None, heading=None):
        if heading:
            self.paragraph = self.word.add_heading("", level=heading)
        else:
            self.paragraph = self.word.add_paragraph(style=style)

    def handle_starttag(self, tag, attrs):
        if tag == "p":
            self._start()
        elif tag in self.HEADINGS:
            self._start(heading=self.HEADINGS[tag])
        elif tag in ("ul", "ol"):
            self.lists.append(tag)
        elif tag == "li":
            self._start(style="List Number" if self.lists[-1:] == ["ol"] else "List Bullet")
        elif tag == "blockquote":
            self._start(style="Quote")
        elif tag in ("strong", "b"):
            self.bold += 1
        elif tag in ("em", "i"):
            self.italic += 1
        elif tag == "br" and self.paragraph is not None:
            self.paragraph.add_run().add_break()

    def handle_endtag(self, tag):
        if tag in ("ul", "ol") and self.lists:
            self.lists.pop()
        elif tag in ("strong", "b"):
            self.bold -= 1
        elif tag in ("em", "i"):
            self.italic -= 1
        elif tag in ("p", "li", "h3", "h4", "h5"):
            self.paragraph = None

    def handle_data(self, data):
        if not data.strip() and self.paragraph is None:
            return
        if self.paragraph is None:
            self._start()
        run = self.paragraph.add_run(data)
        run.bold = self.bold > 0 or None
        run.italic = self.italic > 0 or None
