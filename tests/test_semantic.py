"""The optional `semantic` extra: claim evidence ordered by meaning, never decided by it."""

from __future__ import annotations

import pytest

from tests.support.documents import document
from verifiers.claims import semantic
from verifiers.claims.judge import check_claim

SOURCE = (
    "The club sacked its coach on Monday after five defeats in a row. The coach had said "
    "that the club was in good shape. The chairman said the club sacked the coach because "
    "the defeats had cost the club its place in the cup."
)
CLAIM = "the club sacked the coach because of the defeats"


def test_without_the_extra_nothing_loads(monkeypatch) -> None:
    monkeypatch.setenv("SOURCECHECK_SEMANTIC", "0")
    assert not semantic.available()
    finding = check_claim(CLAIM, [document(SOURCE)])
    assert finding.verdict in ("supported", "needs_review")


@pytest.mark.skipif(not semantic.available(), reason="the semantic extra is not installed")
def test_with_the_extra_evidence_is_ordered_by_meaning_and_support_still_needs_the_words():
    similar = semantic.similarities(CLAIM, ["The weather was fine.", SOURCE.split(". ")[2]])
    assert similar[1] > similar[0]
    finding = check_claim(CLAIM, [document(SOURCE)])
    assert "because" in finding.evidence[0].text
    unrelated = check_claim("the players went on strike over unpaid wages", [document(SOURCE)])
    assert unrelated.verdict == "no_evidence"
