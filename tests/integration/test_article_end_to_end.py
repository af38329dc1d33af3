"""From an article to a report: an HTML article linking its sources, and a plain-text
article whose sources are found through a SearXNG-compatible search service; both served by
real servers on 127.0.0.1."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from tests.support.runs import sourcecheck
from tests.support.site import Page
from verifiers.web.warc import read_exchanges

ARTICLE = """<!doctype html><html><head><title>Bridge essay</title></head><body>
<nav>“Sign up for our newsletter and never miss a story again”</nav>
<article><h1>Who pays for the bridge?</h1>
<p>The council's engineer, Rosa Lind, told <a href="/gazette/bridge">the Gazette</a> that
“the bridge will open to traffic in the spring of next year.”</p>
<p>She also said the budget “has grown by four million pounds since the tender”.</p>
<blockquote cite="/council/statement"><p>We will not raise the toll to pay for repairs.</p>
<footer>— Council leader Omar Haddad</footer></blockquote>
<p>Critics call the toll a “stealth tax”.</p>
</article></body></html>"""
GAZETTE = """<html><head><title>Bridge opening set</title>
<meta name="author" content="Tom Berg"></head><body><article>
<p>The bridge will open to traffic in the spring of next year, engineer Rosa Lind said.</p>
<p>Its budget has grown by two million pounds since the tender, she added.</p>
</article></body></html>"""
STATEMENT = """<html><head><title>Council statement</title></head><body><main>
<p>We will not raise the toll to pay for repairs. The council has other means.</p>
</main></body></html>"""


def test_an_html_article_is_verified_against_the_sources_it_links(site, tmp_path: Path):
    article = site.add("/essays/bridge", ARTICLE)
    site.add("/gazette/bridge", GAZETTE)
    site.add("/council/statement", STATEMENT)
    out = tmp_path / "out"
    result = sourcecheck(
        "verify", article, "--allow-private-hosts", "--no-search", "--report-dir", str(out)
    )
    assert result.returncode == 1, result.stderr
    report = json.loads((out / "report.json").read_text())
    assert report["input"] == article
    found = {
        quote["text"]: (quote["verdict"], quote["source_url"])
        for reference in report["references"]
        for quote in reference["quotes"]
    }
    assert found == {
        "the bridge will open to traffic in the spring of next year.": (
            "verified_with_edits",  # the source's sentence opens with a capital
            site.url("/gazette/bridge"),
        ),
        "has grown by four million pounds since the tender": (
            "misquoted",
            site.url("/gazette/bridge"),
        ),
        "We will not raise the toll to pay for repairs.": (
            "verified",
            site.url("/council/statement"),
        ),
    }
    recorded = {exchange.url for exchange in read_exchanges(str(out / "evidence.warc.gz"))}
    assert article in recorded

    replayed = tmp_path / "replayed"
    again = sourcecheck(
        "verify",
        article,
        "--replay",
        str(out / "evidence.warc.gz"),
        "--no-search",
        "--report-dir",
        str(replayed),
    )
    assert again.returncode == 1, again.stderr
    replay_report = json.loads((replayed / "report.json").read_text())
    assert replay_report["summary"]["verdicts"] == report["summary"]["verdicts"]


PEACE = """The peace that slipped away

According to an article in the September-October 2022 issue of Foreign Affairs by Fiona Hill
and Angela Stent, "Russian and Ukrainian negotiators appeared to have tentatively agreed on
the outlines of a negotiated interim settlement," Under that agreement, "Russia would withdraw
to its position on February 23."

Former Israeli Prime Minister Neftali Bennett, who was acting as a mediator, said that British
and U.S. leaders discouraged, or even outright blocked, such peace efforts.
"""
HILL_STENT = """<html><head><title>The World Putin Wants</title>
<meta name="author" content="Fiona Hill"><meta name="author" content="Angela Stent">
<meta property="article:published_time" content="2022-08-25"></head><body><article>
<p>In April 2022, Russian and Ukrainian negotiators appeared to have tentatively agreed on the
outlines of a negotiated interim settlement. Russia would withdraw to its position on
February 23, when it controlled part of the Donbas region.</p></article></body></html>"""
DECOY = """<html><head><title>Russia's Other War</title>
<meta name="author" content="Fiona Hill"></head><body><article>
<p>Sanctions have hurt Russia's economy less than many expected, and negotiators on both
sides have little to show for a year of talks.</p></article></body></html>"""
BENNETT = """<html><head><title>Bennett on the talks</title></head><body><article>
<p>Naftali Bennett, who tried to mediate in March 2022, said that British and U.S. leaders
discouraged, or even outright blocked, such peace efforts.</p></article></body></html>"""


def search_service(site):
    """A SearXNG-compatible stub: the results whose text shares words with the query."""
    results = [
        (
            "/fa/putin-war",
            "The World Putin Wants",
            "Russian and Ukrainian negotiators appeared to have tentatively agreed",
        ),
        ("/fa/other-war", "Russia's Other War | Foreign Affairs", "negotiators Russia Ukrainian"),
        ("/news/bennett", "Bennett on the talks", "Naftali Bennett British U.S. leaders"),
    ]

    def answer(path: str) -> Page:
        query = parse_qs(urlsplit(path).query)
        words = set(query.get("q", [""])[0].lower().replace('"', "").split())
        found = [
            {"url": site.url(url), "title": title, "content": content}
            for url, title, content in results
            if len(words & set(f"{title} {content}".lower().split())) >= 2
        ]
        assert query.get("format") == ["json"]
        body = json.dumps({"results": found}).encode()
        return Page(body, 200, {"Content-Type": "application/json"})

    return answer


def peace_article(site, tmp_path: Path) -> Path:
    """The plain-text article, and the search service and pages that answer for it."""
    article = tmp_path / "peace.txt"
    article.write_text(PEACE)
    site.pages["/search"] = search_service(site)
    site.add("/fa/putin-war", HILL_STENT)
    site.add("/fa/other-war", DECOY)
    site.add("/news/bennett", BENNETT)
    return article


def test_a_plain_text_article_finds_its_sources_by_search(site, tmp_path: Path) -> None:
    article = peace_article(site, tmp_path)
    out = tmp_path / "out"
    result = sourcecheck(
        "verify",
        str(article),
        "--allow-private-hosts",
        "--report-dir",
        str(out),
        environment={"SOURCECHECK_SEARCH_URL": site.url("/search")},
    )
    assert result.returncode == 0, result.stderr
    report = json.loads((out / "report.json").read_text())
    hill_stent, bennett = report["references"]
    assert [s["url"] for s in hill_stent["sources"]] == [site.url("/fa/putin-war")]
    assert hill_stent["sources"][0]["found_by"] == "search"
    assert site.url("/fa/other-war") in [c["url"] for c in hill_stent["rejected_candidates"]]
    assert [q["verdict"] for q in hill_stent["quotes"]] == ["verified", "verified"]
    assert hill_stent["attribution"] == {
        "authors": "match",
        "publisher": "unknown",
        "date": "match",
    }
    assert [s["url"] for s in bennett["sources"]] == [site.url("/news/bennett")]
    assert bennett["claims"][0]["verdict"] == "supported"
    assert bennett["attribution_notes"] == [
        f"“Neftali Bennett” is spelt “Naftali Bennett” on {site.url('/news/bennett')}"
    ]


def test_extract_prints_the_manifest_with_search_candidates(site, tmp_path: Path) -> None:
    article = peace_article(site, tmp_path)
    result = sourcecheck(
        "extract", str(article), environment={"SOURCECHECK_SEARCH_URL": site.url("/search")}
    )
    assert result.returncode == 0, result.stderr
    manifest = tmp_path / "found.yaml"
    manifest.write_text(result.stdout)
    assert "candidates:" in result.stdout
    assert site.url("/fa/putin-war") in result.stdout
    checked = sourcecheck(
        "verify",
        str(manifest),
        "--allow-private-hosts",
        "--no-search",
        "--report-dir",
        str(tmp_path / "out"),
    )
    assert checked.returncode == 0, checked.stderr


def test_an_article_url_that_cannot_be_fetched_is_bad_input(site, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = sourcecheck(
        "verify", site.url("/missing"), "--allow-private-hosts", "--report-dir", str(out)
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "the article could not be fetched: HTTP 404" in result.stderr
    assert not out.exists()


def test_a_watched_article_reads_again_the_pages_search_found_before(site, tmp_path: Path) -> None:
    article = peace_article(site, tmp_path)
    watchlist = tmp_path / "watchlist.yaml"
    watchlist.write_text(f"report_root: history\nentries:\n  - {article}\n")
    search = {"SOURCECHECK_SEARCH_URL": site.url("/search")}
    first = sourcecheck(
        "watch", str(watchlist), "--allow-private-hosts", cwd=tmp_path, environment=search
    )
    assert first.returncode == 0, first.stderr
    searches = sum(1 for path in site.requests if path.startswith("/search"))
    assert searches >= 2

    site.pages["/search"] = lambda path: Page(b'{"results": []}', 200, {})  # search forgets
    second = sourcecheck(
        "watch", str(watchlist), "--allow-private-hosts", cwd=tmp_path, environment=search
    )
    assert second.returncode == 0, second.stderr
    assert sum(1 for path in site.requests if path.startswith("/search")) == searches
    (folder,) = [p for p in (tmp_path / "history").iterdir() if p.is_dir()]
    report = json.loads((folder / "latest" / "report.json").read_text())
    assert [s["url"] for s in report["references"][0]["sources"]] == [site.url("/fa/putin-war")]
    assert report["changes"]["quotes"] == []
