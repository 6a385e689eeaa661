"""The ERB's narrative: Markdown written in the product, turned into HTML that is safe to show
(nh3 keeps only the tags and attributes a document needs, so a pasted script never runs)."""

import markdown
import nh3

TAGS = {
    "p", "br", "strong", "em", "b", "i", "a", "ul", "ol", "li", "blockquote", "code",
    "h3", "h4", "h5", "table", "thead", "tbody", "tr", "th", "td", "abbr", "hr",
}  # fmt: skip
ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"scope"}}


def to_html(text: str) -> str:
    """Markdown as sanitised HTML. Headings are shifted down to h3 and below, so that the ERB's
    own headings sit under the document's section headings."""
    html = markdown.markdown(text or "", extensions=["tables", "sane_lists"])
    for level in (2, 1):  # h1 -> h3, h2 -> h4
        html = html.replace(f"<h{level}>", f"<h{level + 2}>").replace(
            f"</h{level}>", f"</h{level + 2}>"
        )
    return nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )
