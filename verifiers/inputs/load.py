"""What `verify` and `extract` take: a manifest, an article file, or an article's URL.

An article becomes a manifest by the extraction in `verifiers.inputs.article` (references
it gives no link for get candidate pages in `verifiers.candidates`). Problems with the input
itself (a missing file, a page that cannot be fetched, an article quoting nothing) raise
`InputError`, so the command can say so in one line and exit 2.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from verifiers.documents import decode_body
from verifiers.errors import InputError, RefusedURL
from verifiers.inputs.article import find_references
from verifiers.inputs.article_text import ArticleText, from_html, from_markdown, from_plain_text
from verifiers.inputs.manifest import (
    is_manifest_path,
    load_manifest,
    read_input_file,
    read_text_file,
    validate_manifest,
)
from verifiers.model import Manifest, Reference
from verifiers.web.fetcher import Fetcher
from verifiers.web.policy import check_url

__all__ = [
    "check_input",
    "is_url",
    "manifest_data",
    "manifest_from_article",
    "read_article_file",
    "read_input",
]

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
MARKDOWN_SUFFIXES = (".md", ".markdown")
TEXT_SUFFIXES = (".txt", ".text")
ARTICLE_SUFFIXES = HTML_SUFFIXES + MARKDOWN_SUFFIXES + TEXT_SUFFIXES


def is_url(location: str) -> bool:
    return urlsplit(location).scheme.lower() in ("http", "https")


def check_input(location: str) -> Manifest | None:
    """Validate the input before anything starts: the manifest for a local manifest or
    article, None for an article URL (which is only checked to be one)."""
    if is_url(location):
        try:
            check_url(location)
        except RefusedURL as error:
            raise InputError(location, str(error)) from None
        return None
    if is_manifest_path(location):
        return load_manifest(location)
    if location.lower().endswith(ARTICLE_SUFFIXES):
        return manifest_from_article(read_article_file(location))
    raise InputError(
        location,
        "not a manifest or an article (expected a URL or a file ending in "
        f"{', '.join(('.yaml', '.yml', '.json', '.toml', *ARTICLE_SUFFIXES))})",
    )


async def read_input(location: str, fetcher: Fetcher) -> Manifest:
    """The manifest `location` stands for, fetching it when it is an article's URL."""
    return check_input(location) or manifest_from_article(await fetch_article(location, fetcher))


def read_article_file(path: str) -> ArticleText:
    suffix = Path(path).suffix.lower()
    if suffix in HTML_SUFFIXES:
        return from_html(decode_body(read_input_file(path), "text/html"), path)
    text = read_text_file(path)
    if suffix in MARKDOWN_SUFFIXES:
        return from_markdown(text, path)
    return from_plain_text(text, path)


async def fetch_article(url: str, fetcher: Fetcher) -> ArticleText:
    page = await fetcher.fetch(url)
    if page.error:
        raise InputError(url, f"the article could not be fetched: {page.error}")
    content_type = (page.content_type or "").split(";")[0].strip().lower()
    if content_type == "application/pdf":
        raise InputError(url, "the article is a PDF; save its text as .txt and verify that")
    text = decode_body(page.body, page.content_type)
    location = page.final_url or url
    if content_type == "text/plain":
        path = urlsplit(location).path.lower()
        if path.endswith(MARKDOWN_SUFFIXES):
            return from_markdown(text, url)
        return from_plain_text(text, url)
    return from_html(text, url, location)


def manifest_from_article(article: ArticleText) -> Manifest:
    data = find_references(article)
    if not data["references"]:
        raise InputError(article.location, "no quotations or reported claims found in the article")
    return validate_manifest(article.location, data)


def manifest_data(manifest: Manifest) -> dict:
    """The manifest as data in the CONTRACT's layout, for printing as YAML."""
    data: dict = {}
    article = {"title": manifest.article_title, "url": manifest.article_url}
    if any(article.values()):
        data["article"] = {key: value for key, value in article.items() if value}
    data["references"] = [_reference_data(reference) for reference in manifest.references]
    return data


def _reference_data(reference: Reference) -> dict:
    entry: dict = {"id": reference.id, "cite": reference.cite}
    for key in ("authors", "speakers", "publisher", "date", "urls", "candidates", "quotes"):
        value = getattr(reference, key)
        if value:
            entry[key] = list(value) if isinstance(value, tuple) else value
    if reference.claims:
        entry["claims"] = list(reference.claims)
    return entry
