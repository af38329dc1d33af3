"""Find candidate pages for a reference the article gives no link for.

Providers sit behind one small interface: each turns a reference into a query for its
service and the answer into `Candidate`s. A SearXNG-compatible endpoint searches the web
(`SOURCECHECK_SEARCH_URL`); Crossref and OpenAlex search scholarly works, and are asked
only about references that look scholarly. Every request goes through the run's fetcher,
so it obeys the fetch policy and lands in the evidence file.

Candidates are ranked by how well they fit what the article says of the source: its quoted
words in the result's snippet, its title, authors, publisher and date. The ranking only
chooses what to read; whether a page is the source is decided later by the words on it.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import date
from typing import Protocol
from urllib.parse import urlencode, urlsplit

from verifiers.language.names import surname
from verifiers.language.words import content_stems
from verifiers.model import Reference
from verifiers.web.fetcher import Fetcher

DEFAULT_CROSSREF_URL = "https://api.crossref.org/works"
DEFAULT_OPENALEX_URL = "https://api.openalex.org/works"
# Pages read per reference: enough to get past a decoy or two, few enough to stay polite.
CANDIDATES_PER_REFERENCE = 3
# A result must fit the reference at least this well to be read at all (see `score`).
MIN_SCORE = 0.15
_RESULTS_PER_QUERY = 10
_QUERY_WORDS = 12
# Eight quoted words in a row in a result's snippet are as sure a sign as search gives.
_RUN_FOR_CERTAINTY = 8
_SCHOLARLY = re.compile(
    r"\b(journal|proceedings|annals|transactions|quarterly|letters|review of|studies|"
    r"university press|working paper|nature|science|lancet|bmj|plos|nber|arxiv|doi|"
    r"et al)\b",
    re.I,
)
_OFF = ("", "off", "none", "0")


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


def providers_from_environment(environment: dict[str, str] | None = None) -> list[SearchProvider]:
    """SearXNG when SOURCECHECK_SEARCH_URL is set; Crossref and OpenAlex unless their
    SOURCECHECK_CROSSREF_URL / SOURCECHECK_OPENALEX_URL say `off`."""
    environment = os.environ if environment is None else environment
    providers: list[SearchProvider] = []
    searxng = environment.get("SOURCECHECK_SEARCH_URL", "").strip()
    if searxng:
        providers.append(SearxngSearch(searxng))
    crossref = environment.get("SOURCECHECK_CROSSREF_URL", DEFAULT_CROSSREF_URL).strip()
    if crossref.lower() not in _OFF:
        providers.append(CrossrefSearch(crossref))
    openalex = environment.get("SOURCECHECK_OPENALEX_URL", DEFAULT_OPENALEX_URL).strip()
    if openalex.lower() not in _OFF:
        providers.append(OpenAlexSearch(openalex))
    return providers


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


async def find_candidates(
    fetcher: Fetcher, reference: Reference, providers: list[SearchProvider]
) -> list[str]:
    """The best few pages the providers know for `reference`, best first."""
    found: dict[str, Candidate] = {}
    for provider in providers:
        if provider.wants(reference):
            for candidate in await provider.search(fetcher, reference):
                found.setdefault(candidate.url, candidate)
    ranked = sorted(
        ((score(reference, c), index, c) for index, c in enumerate(found.values())),
        key=lambda item: (-item[0], item[1]),
    )
    return [c.url for value, _, c in ranked if value >= MIN_SCORE][:CANDIDATES_PER_REFERENCE]


def score(reference: Reference, candidate: Candidate) -> float:
    """How well a result fits the reference, about 0 to 1.

    Weights: the article's quoted or reported words in the result's title and snippet
    0.35 (the strongest sign there is before reading the page: the share of their content
    words, or a run of eight of them in a row); the cited title 0.25; the
    cited people's surnames 0.2; the publisher in the result or its web address 0.15; the
    date 0.1 when it falls in the cited month or year, -0.2 when years apart.
    """
    shown = f"{candidate.title} {candidate.snippet}"
    shown_stems = _stems(shown)
    total = 0.0
    said = " ".join(reference.quotes or reference.claims)
    wanted = _stems(said)
    if wanted:
        shared = len(wanted & shown_stems) / len(wanted)
        total += 0.35 * max(shared, min(1.0, _longest_run(said, shown) / _RUN_FOR_CERTAINTY))
    title = _cited_title(reference)
    if title:
        title_stems = _stems(title)
        if title_stems:
            total += 0.25 * len(title_stems & _stems(candidate.title)) / len(title_stems)
    people = [surname(name) for name in (*reference.authors, *reference.speakers)]
    if people:
        known = f"{' '.join(candidate.authors)} {shown} {candidate.url}".lower()
        total += 0.2 * sum(1 for name in people if name and name in known) / len(people)
    if reference.publisher and _publisher_matches(reference.publisher, candidate):
        total += 0.15
    total += _date_fit(reference.date, candidate.published)
    return round(total, 3)


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
    return _cited_title(reference) or reference.cite


def _cited_title(reference: Reference) -> str | None:
    match = re.search(r"[“\"]([^”\"]{4,})[”\"]", reference.cite)
    return match.group(1) if match else None


def _publisher_matches(publisher: str, candidate: Candidate) -> bool:
    squeezed = re.sub(r"[^a-z0-9]", "", publisher.lower().removeprefix("the "))
    host = re.sub(r"[^a-z0-9]", "", urlsplit(candidate.url).netloc.lower())
    shown = re.sub(r"[^a-z0-9]", "", f"{candidate.publisher or ''} {candidate.title}".lower())
    return bool(squeezed) and (squeezed in host or squeezed in shown)


def _date_fit(cited: str | None, published: str | None) -> float:
    if not cited or not published:
        return 0.0
    if published.startswith(cited) or cited.startswith(published[:7]):
        return 0.1
    try:
        years = abs(int(cited[:4]) - int(published[:4]))
    except ValueError:
        return 0.0
    return -0.2 if years > 1 else 0.0


def _longest_run(said: str, shown: str) -> int:
    """The most words in a row the result shows of the article's quoted words."""
    ours, theirs = re.findall(r"\w+", said.casefold()), re.findall(r"\w+", shown.casefold())
    best, previous = 0, [0] * (len(theirs) + 1)
    for word in ours:
        current = [0] * (len(theirs) + 1)
        for j, other in enumerate(theirs, start=1):
            if word == other:
                current[j] = previous[j - 1] + 1
                best = max(best, current[j])
        previous = current
    return best


def _stems(text: str) -> set[str]:
    return content_stems(re.findall(r"\w+", text.casefold()))


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
