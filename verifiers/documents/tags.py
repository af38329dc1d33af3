"""The one table of HTML elements that every HTML-to-text walker reads.

Source pages (verifiers.documents.html_text) and citing articles
(verifiers.inputs.article_text) are walked differently, but what an element *is* (never
shown, a block, a line break, whitespace-preserving, a heading) is said once, here.
"""

from __future__ import annotations

__all__ = [
    "BLOCKS",
    "HEADINGS",
    "LINE_BREAKS",
    "NON_NESTING",
    "NOT_SHOWN",
    "PAGE_FURNITURE",
    "PRESERVING_WHITESPACE",
]

# Elements whose content a reader never sees as text.
NOT_SHOWN = frozenset(
    {
        "head",
        "script",
        "style",
        "template",
        "noscript",
        "svg",
        "math",
        "iframe",
        "object",
        "canvas",
        "select",
        "datalist",
    }
)
# Elements that stand apart from what comes before and after them: a paragraph break.
BLOCKS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "tr",
        "ul",
        "caption",
        "summary",
        "legend",
        "menu",
        "center",
    }
)
# Elements that end a line but not a paragraph.
LINE_BREAKS = frozenset({"br", "td", "th"})
PRESERVING_WHITESPACE = frozenset({"pre", "textarea", "listing", "plaintext"})
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# A page's own header and footer: furniture around an article, not part of it.
PAGE_FURNITURE = frozenset({"header", "footer"})
# Elements that never nest: void ones, and those the parser closes by itself.
NON_NESTING = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
        "p",
        "li",
        "dt",
        "dd",
        "tr",
        "td",
        "th",
        "option",
        "optgroup",
        "thead",
        "tbody",
        "tfoot",
        "colgroup",
        "rb",
        "rt",
        "rp",
        "param",
    }
)
