"""Find candidate pages for a reference the article gives no link for.

Providers sit behind one small interface: each turns a reference into a query for its
service and the answer into `Candidate`s. A SearXNG-compatible endpoint searches the web;
Crossref and OpenAlex search scholarly works, and are asked only about references that look
scholarly. Every request goes through the run's fetcher, so it obeys the fetch policy and
lands in the evidence file. Which results are read, and which are kept as the source, is
verifiers.candidates' to decide.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Protocol
from urllib.parse import urlencode, urlsplit

from verifiers.model import Reference
from verifiers.web.fetcher import Fetcher

__all__ = [
    "DEFAULT_CROSSREF_URL",
    "DEFAULT_OPENALEX_URL",
    "Candidate",
    "CrossrefSearch",
    "OpenAlexSearch",
    "SearchProvider",
    "SearxngSearch",
    "trusted_endpoints",
]

DEFAULT_CROSSREF_URL = "https://api.crossref.org/works"
DEFAULT_OPENALEX_URL = "https://api.openalex.org/works"
_RESULTS_PER_QUERY = 10
_QUERY_WORDS = 12
_SCHOLARLY = re.compile(
    r"\b(journal|proceedings|annals|transactions|quarterly|letters|review of|studies|"
    r"university press|working paper|nature|science|lancet|bmj|plos|nber|arxiv|doi|"
    r"et al)\b",
    re.I,
)


@dataclass(frozen=True)
class Candidate:
    url: str
    title: str = ""
    snippet: str = ""
    published: str | None = None
    authors: tuple[str, ...] = ()
    publisher: str | None = None
    provider: str = ""


class SearchProvider(Protocol):
    name: str

    def wants(self, reference: Reference) -> bool: ...

    async def search(self, fetcher: Fetcher, reference: Reference) -> list[Candidate]: ...


@dataclass(frozen=True)
class SearxngSearch:
    """`GET {endpoint}?q=…&format=json` → `{"results": [{url, title, content, publishedDate}]}`."""

    endpoint: str
    name: str = "searxng"

    def wants(self, reference: Reference) -> bool:
        return True

    async def search(self, fetcher: Fetcher, reference: Reference) -> list[Candidate]:
        answer = await fetcher.fetch_json(
            _with_query(self.endpoint, q=web_query(reference), format="json")
        )
        results = answer.get("results") if isinstance(answer, dict) else None
        candidates = []
        for result in results if isinstance(results, list) else []:
            if isinstance(result, dict) and _is_web(result.get("url")):
                candidates.append(
                    Candidate(
                        url=result["url"],
                        title=_text(result.get("title")),
                        snippet=_text(result.get("content")),
                        published=_iso_date(result.get("publishedDate")),
                        provider=self.name,
                    )
                )
        return candidates[:_RESULTS_PER_QUERY]


@dataclass(frozen=True)
class CrossrefSearch:
    endpoint: str = DEFAULT_CROSSREF_URL
    name: str = "crossref"

    def wants(self, reference: Reference) -> bool:
        return is_scholarly(reference)

    async def search(self, fetcher: Fetcher, reference: Reference) -> list[Candidate]:
        query = {"query.bibliographic": scholarly_query(reference), "rows": _RESULTS_PER_QUERY}
        if reference.authors:
            query["query.author"] = " ".join(reference.authors)
        answer = await fetcher.fetch_json(_with_query(self.endpoint, **query))
        message = answer.get("message") if isinstance(answer, dict) else None
        items = message.get("items") if isinstance(message, dict) else None
        candidates = []
        for item in items if isinstance(items, list) else []:
            if not isinstance(item, dict) or not _is_web(item.get("URL")):
                continue
            authors = tuple(
                " ".join(filter(None, (a.get("given"), a.get("family"))))
                for a in item.get("author") or []
                if isinstance(a, dict)
            )
            parts = ((item.get("issued") or {}).get("date-parts") or [[None]])[0]
            candidates.append(
                Candidate(
                    url=item["URL"],
                    title=_first(item.get("title")),
                    snippet=_text(item.get("abstract")),
                    published=_from_parts(parts),
                    authors=authors,
                    publisher=_first(item.get("container-title")) or _text(item.get("publisher")),
                    provider=self.name,
                )
            )
        return candidates


@dataclass(frozen=True)
class OpenAlexSearch:
    endpoint: str = DEFAULT_OPENALEX_URL
    name: str = "openalex"

    def wants(self, reference: Reference) -> bool:
        return is_scholarly(reference)

    async def search(self, fetcher: Fetcher, reference: Reference) -> list[Candidate]:
        url = _with_query(
            self.endpoint, search=scholarly_query(reference), per_page=_RESULTS_PER_QUERY
        )
        answer = await fetcher.fetch_json(url.replace("per_page", "per-page"))
        results = answer.get("results") if isinstance(answer, dict) else None
        candidates = []
        for work in results if isinstance(results, list) else []:
            if not isinstance(work, dict):
                continue
            location = work.get("primary_location") or {}
            page = (
                (work.get("open_access") or {}).get("oa_url")
                or location.get("landing_page_url")
                or work.get("doi")
            )
            if not _is_web(page):
                continue
            source = location.get("source") or {}
            candidates.append(
                Candidate(
                    url=page,
                    title=_text(work.get("display_name") or work.get("title")),
                    published=_iso_date(work.get("publication_date")),
                    authors=tuple(
                        _text((authorship.get("author") or {}).get("display_name"))
                        for authorship in work.get("authorships") or []
                        if isinstance(authorship, dict)
                    ),
                    publisher=_text(source.get("display_name")) or None,
                    provider=self.name,
                )
            )
        return candidates


def trusted_endpoints(providers: list[SearchProvider]) -> frozenset[tuple[str, int]]:
    """The providers' (host, port): set by whoever runs sourcecheck, not by the article, so
    a search service on the local network is let through the private-address policy."""
    endpoints = set()
    for provider in providers:
        parts = urlsplit(getattr(provider, "endpoint", ""))
        if parts.hostname:
            default = 443 if parts.scheme == "https" else 80
            endpoints.add((parts.hostname.lower(), parts.port or default))
    return frozenset(endpoints)


def is_scholarly(reference: Reference) -> bool:
    return bool(_SCHOLARLY.search(f"{reference.cite} {reference.publisher or ''}"))


def web_query(reference: Reference) -> str:
    """The longest quotation as a phrase, with the cited people and outlet."""
    parts = []
    if reference.quotes:
        longest = max(reference.quotes, key=len)
        words = re.findall(r"[\w'’-]+", longest)
        parts.append('"' + " ".join(words[:_QUERY_WORDS]) + '"')
    elif reference.claims:
        parts.append(" ".join(re.findall(r"[\w'’-]+", reference.claims[0])[:_QUERY_WORDS]))
    parts.extend(reference.authors or reference.speakers)
    if reference.publisher:
        parts.append(reference.publisher)
    return " ".join(parts)


def scholarly_query(reference: Reference) -> str:
    return reference.cited_title or reference.cite


def _with_query(endpoint: str, **query: object) -> str:
    return f"{endpoint}{'&' if '?' in endpoint else '?'}{urlencode(query)}"


def _is_web(value: object) -> bool:
    return isinstance(value, str) and urlsplit(value).scheme in ("http", "https")


def _text(value: object) -> str:
    return re.sub(r"<[^>]+>|\s+", " ", value).strip() if isinstance(value, str) else ""


def _first(value: object) -> str:
    return _text(value[0]) if isinstance(value, list) and value else _text(value)


def _iso_date(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    match = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value.strip())
    return "-".join(part for part in match.groups() if part) if match else None


def _from_parts(parts: list) -> str | None:
    numbers = [int(p) for p in parts if isinstance(p, int)]
    if not numbers:
        return None
    try:
        date(*([*numbers, 1, 1])[:3])
    except ValueError:
        return str(numbers[0])
    return "-".join(f"{n:02d}" if i else str(n) for i, n in enumerate(numbers[:3]))
