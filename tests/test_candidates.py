"""Search providers (mocked with respx), candidate ranking, and the screening of candidates."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from urllib.parse import parse_qs, urlsplit

import respx

from tests.support.documents import document
from verifiers.attribution import spelling_notes
from verifiers.candidates import find_candidates, score
from verifiers.model import Reference, SourceReport
from verifiers.review import check_reference, look_elsewhere
from verifiers.settings import Settings
from verifiers.web.fetcher import FetchSettings, LiveFetcher
from verifiers.web.search import (
    Candidate,
    CrossrefSearch,
    OpenAlexSearch,
    SearxngSearch,
    trusted_endpoints,
)

SEARX = "https://search.example/search"
QUOTE = "Russian and Ukrainian negotiators appeared to have tentatively agreed on the outlines"
HILL_STENT = Reference(
    id="hill-stent-2022",
    cite="Fiona Hill and Angela Stent, Foreign Affairs, September-October 2022",
    authors=("Fiona Hill", "Angela Stent"),
    publisher="Foreign Affairs",
    date="2022-09",
    quotes=(QUOTE,),
)
SCHOLARLY = Reference(
    id="okonkwo-2023",
    cite="Ada Okonkwo, “Tidal Flood Risk in Small Ports”, Journal of Coastal Studies, 2023",
    authors=("Ada Okonkwo",),
    publisher="Journal of Coastal Studies",
    date="2023",
    quotes=("small ports lose a tenth of their quay length to flooding within a decade",),
)


def search(reference: Reference, providers) -> list[str]:
    async def run():
        settings = FetchSettings(obey_robots=False, backoff_seconds=0.001)
        async with LiveFetcher(settings) as fetcher:
            return await find_candidates(fetcher, reference, providers)

    return asyncio.run(run())


@respx.mock
def test_searxng_results_are_ranked_by_how_well_they_fit_the_reference() -> None:
    route = respx.get(SEARX).respond(
        json={
            "results": [
                {
                    "url": "https://www.recipes.example/soup",
                    "title": "Ten soups for winter",
                    "content": "Warm and easy.",
                },
                {
                    "url": "https://www.foreignaffairs.com/ukraine/other-article",
                    "title": "The Kremlin's other war",
                    "content": "Russia's economy under sanctions.",
                    "publishedDate": "2022-08-20",
                },
                {
                    "url": "https://www.foreignaffairs.com/russia/putin-war",
                    "title": "The World Putin Wants",
                    "content": f"{QUOTE} of a negotiated interim settlement. By Fiona Hill "
                    "and Angela Stent",
                    "publishedDate": "2022-08-25T00:00:00",
                },
                {"url": "javascript:alert(1)", "title": QUOTE},
            ]
        }
    )
    found = search(HILL_STENT, [SearxngSearch(SEARX)])
    assert found == [
        "https://www.foreignaffairs.com/russia/putin-war",
        "https://www.foreignaffairs.com/ukraine/other-article",
    ]
    query = parse_qs(urlsplit(str(route.calls.last.request.url)).query)
    assert query["format"] == ["json"]
    assert f'"{" ".join(QUOTE.split()[:12])}"' in query["q"][0]
    assert "Foreign Affairs" in query["q"][0]


@respx.mock
def test_a_search_service_that_fails_gives_no_candidates() -> None:
    respx.get(SEARX).respond(500, text="down")
    assert search(HILL_STENT, [SearxngSearch(SEARX)]) == []
    respx.get(SEARX).respond(200, text="<html>not json</html>")
    assert search(HILL_STENT, [SearxngSearch(SEARX)]) == []


@respx.mock
def test_crossref_and_openalex_are_asked_about_scholarly_works_only() -> None:
    crossref = respx.get("https://api.crossref.example/works").respond(
        json={
            "message": {
                "items": [
                    {
                        "URL": "https://doi.org/10.5555/coast.2023.17",
                        "title": ["Tidal Flood Risk in Small Ports"],
                        "author": [{"given": "Ada", "family": "Okonkwo"}],
                        "container-title": ["Journal of Coastal Studies"],
                        "issued": {"date-parts": [[2023, 4]]},
                    }
                ]
            }
        }
    )
    openalex = respx.get("https://api.openalex.example/works").respond(
        json={
            "results": [
                {
                    "display_name": "Tidal flood risk in small ports",
                    "publication_date": "2023-04-02",
                    "authorships": [{"author": {"display_name": "Ada Okonkwo"}}],
                    "primary_location": {
                        "landing_page_url": "https://coast.example/articles/17",
                        "source": {"display_name": "Journal of Coastal Studies"},
                    },
                },
                {"display_name": "No address at all"},
            ]
        }
    )
    providers = [
        CrossrefSearch("https://api.crossref.example/works"),
        OpenAlexSearch("https://api.openalex.example/works"),
    ]
    assert search(SCHOLARLY, providers) == [
        "https://doi.org/10.5555/coast.2023.17",
        "https://coast.example/articles/17",
    ]
    crossref_query = parse_qs(urlsplit(str(crossref.calls.last.request.url)).query)
    assert crossref_query["query.bibliographic"] == ["Tidal Flood Risk in Small Ports"]
    assert crossref_query["query.author"] == ["Ada Okonkwo"]
    assert "per-page" in str(openalex.calls.last.request.url)
    crossref.reset()
    assert search(HILL_STENT, providers) == []
    assert not crossref.called


def test_providers_come_from_the_environment() -> None:
    settings = Settings.from_environment({"SOURCECHECK_SEARCH_URL": SEARX})
    assert [p.name for p in settings.providers()] == ["searxng", "crossref", "openalex"]
    quiet = {"SOURCECHECK_CROSSREF_URL": "off", "SOURCECHECK_OPENALEX_URL": "off"}
    assert Settings.from_environment(quiet).providers() == []
    assert Settings.from_environment({"SOURCECHECK_SEARCH_URL": SEARX}).without_search() == (
        Settings.from_environment(quiet)
    )
    local = SearxngSearch("http://127.0.0.1:8888/search")
    assert trusted_endpoints([local]) == {("127.0.0.1", 8888)}


def test_a_result_from_other_years_ranks_below_one_of_the_cited_date() -> None:
    same = Candidate("https://a.example/x", "The World Putin Wants", published="2022-09-01")
    older = Candidate("https://a.example/y", "The World Putin Wants", published="2015-01-01")
    assert score(HILL_STENT, same) > score(HILL_STENT, older)


def page(url: str, text: str):
    report = SourceReport(url, url, 200, "live", "", "0" * 64, None, None)
    return report, document(text, url)


def test_a_decoy_from_the_same_outlet_is_rejected_and_the_right_page_kept() -> None:
    right = page(
        "https://www.foreignaffairs.com/russia/putin-war",
        f"Last spring, {QUOTE} of a negotiated interim settlement.",
    )
    decoy = page(
        "https://www.foreignaffairs.com/ukraine/other-article",
        "Sanctions have hurt the Russian economy less than expected.",
    )
    report = check_reference(HILL_STENT, [], [decoy, right])
    assert [s.url for s in report.sources] == [right[0].url]
    assert report.sources[0].found_by == "search"
    assert [c.url for c in report.rejected_candidates] == [decoy[0].url]
    assert report.quotes[0].verdict == "verified"


def test_when_every_candidate_is_a_decoy_the_quotation_is_not_found() -> None:
    decoy = page("https://www.foreignaffairs.com/other", "Nothing of the kind is said here.")
    report = check_reference(HILL_STENT, [], [decoy])
    assert report.sources == []
    assert report.quotes[0].verdict == "not_found"
    assert "found by search" in report.quotes[0].explanation


def test_a_misspelt_speaker_matches_and_is_reported_as_a_spelling_difference() -> None:
    bennett = Reference(
        id="bennett",
        cite="Former Israeli Prime Minister Neftali Bennett",
        speakers=("Neftali Bennett",),
        claims=(
            "British and U.S. leaders discouraged, or even outright blocked, such peace efforts",
        ),
    )
    source = page(
        "https://news.example/bennett",
        "Naftali Bennett said British and U.S. leaders discouraged, or even outright blocked, "
        "such peace efforts in the spring.",
    )
    report = check_reference(bennett, [], [source])
    assert report.claims[0].verdict == "supported"
    assert report.attribution_notes == [
        "“Neftali Bennett” is spelt “Naftali Bennett” on https://news.example/bennett"
    ]
    exact = document("Naftali Bennett spoke. Neftali Bennett spoke again.")
    assert spelling_notes(bennett, [exact]) == []


def test_a_page_that_quotes_the_source_is_not_taken_for_it() -> None:
    copy = page(
        "https://blog.example/quoting",
        f"As the essay put it, {QUOTE} of a negotiated interim settlement.",
    )
    copy[1].metadata.authors = ["Sam Blogger"]
    copy[1].metadata.publisher = "Sam's Blog"
    report = check_reference(HILL_STENT, [], [copy])
    assert report.sources == []
    assert "quoting the source" in report.rejected_candidates[0].reason
    assert report.quotes[0].verdict == "not_found"


def test_words_said_to_the_citing_articles_own_outlet_are_original_reporting() -> None:
    told = Reference(id="stanley", cite="Jay Stanley, Axios", publisher="Axios", quotes=(QUOTE,))
    (own,) = check_reference(told, [], [], "https://www.axios.com/2019/01/18/schools").quotes
    assert own.verdict == "unavailable" and "original reporting" in own.explanation
    (elsewhere,) = check_reference(told, [], [], "https://news.example/essay").quotes
    assert "No page to read" in elsewhere.explanation


def test_a_quotation_of_two_words_never_makes_a_search_result_the_source() -> None:
    short = Reference(
        id="costa", cite="Ana Costa", speakers=("Ana Costa",), quotes=("deeply reckless",)
    )
    chance = page("https://news.example/other", "Critics said the plan was deeply reckless.")
    assert check_reference(short, [], [chance]).sources == []
    longer = replace(short, quotes=("the plan was deeply reckless",))
    assert [s.url for s in check_reference(longer, [], [chance]).sources] == [chance[0].url]


def test_a_quotation_of_two_words_is_not_looked_for_elsewhere() -> None:
    own = page("https://news.example/costa", "Ana Costa spoke about the budget.")
    other = document("Critics said the plan was deeply reckless.", "https://news.example/other")
    for quoted, flagged in (("deeply reckless", False), ("the plan was deeply reckless", True)):
        reference = Reference(id="costa", cite="Ana Costa", urls=(own[0].url,), quotes=(quoted,))
        report = check_reference(reference, [own])
        (quote,) = look_elsewhere([reference], [report], {other.url: other})[0].quotes
        assert ("found_elsewhere" in quote.flags) is flagged


def test_found_elsewhere_names_both_pages() -> None:
    own = page("https://news.example/costa", "Ana Costa spoke about the budget.")
    other = document("Critics said the plan was deeply reckless.", "https://news.example/other")
    reference = Reference(
        id="costa", cite="Ana Costa", urls=(own[0].url,), quotes=("the plan was deeply reckless",)
    )
    report = check_reference(reference, [own])
    (quote,) = look_elsewhere([reference], [report], {other.url: other})[0].quotes
    assert own[0].url in quote.explanation and other.url in quote.explanation


def test_a_claim_whose_sources_could_not_be_read_says_why() -> None:
    unread = (
        SourceReport("https://gone.example/p", None, 404, "live", "", None, "HTTP 404", None),
        None,
    )
    reference = Reference(
        id="r", cite="A report", urls=("https://gone.example/p",), claims=("taxes rose",)
    )
    (claim,) = check_reference(reference, [unread]).claims
    assert claim.verdict == "no_evidence" and "HTTP 404" in claim.explanation
