"""Recognise a paywall or consent-wall stub, so that a missing quotation is not blamed on
the source: the page a fetcher gets is then not the page a reader sees."""

from __future__ import annotations

import json

from selectolax.lexbor import LexborHTMLParser

__all__ = ["find_wall"]

# A page with a wall's signs but this much text or more is the article itself (metered
# sites often serve the whole text with the wall's markup around it).
STUB_MAX_CHARS = 2500
_WALL_SELECTORS = (
    '[class*="paywall"]',
    '[id*="paywall"]',
    '[class*="subscriber-only"]',
    '[class*="premium-content"]',
    '[class*="meteredContent"]',
    '[class*="tp-modal"]',
    '[id*="piano"]',
    '[class*="regwall"]',
)
_CONSENT_SELECTORS = (
    "#onetrust-consent-sdk",
    ".fc-consent-root",
    "#qc-cmp2-container",
    '[id*="sp_message"]',
    '[class*="cookie-consent"]',
    '[id*="cookie-consent"]',
    '[class*="consent-wall"]',
    '[id*="usercentrics"]',
    '[id*="didomi"]',
)


def find_wall(parser: LexborHTMLParser, text: str) -> str | None:
    """What shows that this short page is a wall, or None."""
    if len(text) >= STUB_MAX_CHARS:
        return None
    if _not_free(parser):
        return "paywall: the page declares isAccessibleForFree false"
    if any(parser.css_first(selector) is not None for selector in _WALL_SELECTORS):
        return "paywall markup and only a teaser of text"
    if any(parser.css_first(selector) is not None for selector in _CONSENT_SELECTORS):
        return "consent wall markup and only a little text"
    return None


def _not_free(parser: LexborHTMLParser) -> bool:
    for node in parser.css('script[type="application/ld+json"]'):
        try:
            data = json.loads(node.text(deep=True) or "", strict=False)
        except ValueError:
            continue
        if _declares_not_free(data):
            return True
    return False


def _declares_not_free(data: object) -> bool:
    if isinstance(data, list):
        return any(_declares_not_free(item) for item in data)
    if isinstance(data, dict):
        value = data.get("isAccessibleForFree")
        if value is False or (isinstance(value, str) and value.strip().lower() == "false"):
            return True
        return any(
            _declares_not_free(item) for item in data.values() if isinstance(item, dict | list)
        )
    return False
