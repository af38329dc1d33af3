"""What each verdict means is said once (verifiers.model); everything that shows or counts
verdicts agrees with it."""

from __future__ import annotations

import itertools
import re
from datetime import UTC, datetime
from importlib import resources

import pytest

from tests.support.reports import reference
from verifiers.model import (
    CLAIM_VERDICTS,
    FLAG_MEANINGS,
    PASSING_VERDICTS,
    QUOTE_VERDICT_MEANINGS,
    QUOTE_VERDICTS,
    WORDS_HELD_VERDICTS,
    is_worse,
    needs_attention,
    verdict_rank,
)
from verifiers.report import build_report, exit_status, render
from verifiers.report.history import compare

# The CONTRACT's words, which may only ever be extended.
CONTRACT_QUOTE_VERDICTS = (
    "verified",
    "verified_with_edits",
    "misquoted",
    "paraphrased",
    "not_found",
    "unavailable",
)
CONTRACT_FLAGS = {
    "truncated_condition",
    "truncated_opening",
    "wrong_speaker",
    "ellipsis_hides",
    "spliced",
    "meaning_changed",
    "found_elsewhere",
}
CASES = [(v, f) for v in QUOTE_VERDICTS for f in ([], ["truncated_condition"])]


def one(verdict: str, flags: list[str]) -> dict:
    return build_report("refs.yaml", [reference(verdict, flags)], datetime(2026, 12, 8, tzinfo=UTC))


def test_the_model_speaks_the_contract_words() -> None:
    assert set(CONTRACT_QUOTE_VERDICTS) <= set(QUOTE_VERDICTS)
    assert set(FLAG_MEANINGS) >= CONTRACT_FLAGS
    assert {"verified", "verified_with_edits"} == PASSING_VERDICTS
    assert PASSING_VERDICTS <= WORDS_HELD_VERDICTS
    assert {"supported", "needs_review", "no_evidence"} <= set(CLAIM_VERDICTS)


@pytest.mark.parametrize(("verdict", "flags"), CASES)
def test_report_exit_status_and_html_agree_on_attention(verdict: str, flags: list[str]) -> None:
    report = one(verdict, flags)
    attention = needs_attention(verdict, flags)
    assert report["summary"]["attention"] == int(attention)
    assert exit_status(report) == int(attention)
    page = render(report, "html")
    assert f'data-attention="{"yes" if attention else "no"}"' in page
    assert ("need" in page.split('class="headline"')[1].split("</p>")[0]) == attention


def test_every_verdict_is_counted_styled_and_rated() -> None:
    style = resources.files("verifiers.report").joinpath("templates/report.css").read_text()
    for verdict in QUOTE_VERDICTS:
        report = one(verdict, [])
        assert list(report["summary"]["verdicts"]) == list(QUOTE_VERDICTS)
        assert report["summary"]["verdicts"][verdict] == 1
        assert list(report["summary"]["claims"]) == list(CLAIM_VERDICTS)
        assert re.search(rf"\.v-{verdict}\s*\{{", style), f"report.css has no .v-{verdict}"
        rating = report["references"][0]["quotes"][0]["claim_review"]["reviewRating"]
        assert rating["ratingValue"] == QUOTE_VERDICT_MEANINGS[verdict].rating
    rating = {v: QUOTE_VERDICT_MEANINGS[v].rating for v in QUOTE_VERDICTS}
    failing = [r for v, r in rating.items() if v not in PASSING_VERDICTS]
    assert min(rating[v] for v in PASSING_VERDICTS) > max(failing)


def test_the_history_calls_worse_what_the_model_does() -> None:
    for was, now in itertools.product(QUOTE_VERDICTS, repeat=2):
        changes = compare(one(was, []), one(now, []))
        told = [change["worse"] for change in changes["quotes"]]
        assert told == ([] if was == now else [is_worse(was, now)])
    assert not any(is_worse(v, w) for v in QUOTE_VERDICTS for w in PASSING_VERDICTS)
    assert all(is_worse(v, "not_found") for v in PASSING_VERDICTS)
    assert is_worse("verified", "a verdict of a later version") and not is_worse("x", "verified")


def test_pages_are_preferred_best_verdict_first() -> None:
    assert sorted(QUOTE_VERDICTS, key=verdict_rank) == list(QUOTE_VERDICTS)
    assert verdict_rank("verified") == 0
    assert verdict_rank("misquoted") < verdict_rank("not_found") < verdict_rank("unavailable")
