"""Bytes to text, as a browser would decode them."""

from __future__ import annotations

import codecs
import re

import charset_normalizer

__all__ = ["decode_body", "is_html"]

_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)
# How much of a page's start may hold its <meta charset> (the HTML standard says 1024
# bytes; real pages put long scripts first, so look further).
_META_CHARSET_WINDOW = 8192
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_body(body: bytes, content_type: str | None) -> str:
    """Decode with the header's charset, then a BOM, then `<meta charset>`, then detection."""
    for bom, encoding in _BOMS:
        if body.startswith(bom):
            return body.decode(encoding, errors="replace")
    for candidate in (_charset_from_header(content_type), _charset_from_meta(body)):
        if candidate:
            try:
                return body.decode(_whatwg_alias(candidate), errors="replace")
            except LookupError:
                continue
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(body).best()
    if best is not None and not all(_is_latin(alphabet) for alphabet in best.alphabets):
        return str(best)
    # Undeclared Latin-script pages are windows-1252 in practice (browsers decode them so);
    # detectors guess among look-alike code pages and often pick a DOS one.
    return body.decode("windows-1252", errors="replace")


def _is_latin(alphabet: str) -> bool:
    return "Latin" in alphabet or alphabet in {"General Punctuation", "Currency Symbols"}


def _charset_from_header(content_type: str | None) -> str | None:
    found = _HEADER_CHARSET.search(content_type or "")
    return found.group(1) if found else None


def _charset_from_meta(body: bytes) -> str | None:
    found = _META_CHARSET.search(body[:_META_CHARSET_WINDOW])
    return found.group(1).decode("ascii") if found else None


def _whatwg_alias(label: str) -> str:
    """Browsers read latin-1 and ascii labels as windows-1252; so must we."""
    label = label.strip().lower()
    if label in {"iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii", "iso8859-1"}:
        return "windows-1252"
    codecs.lookup(label)
    return label


def is_html(content_type: str | None, text: str) -> bool:
    if content_type:
        media_type = content_type.split(";")[0].strip().lower()
        if media_type in {"text/html", "application/xhtml+xml"}:
            return True
        if media_type == "text/plain":
            return False
    return bool(re.match(r"\s*(<!doctype html|<html|<head|<body|<!--)", text[:512], re.I))
