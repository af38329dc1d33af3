"""The optional `semantic` extra: claim evidence ordered by meaning, never decided by it."""

from __future__ import annotations

import pytest

from tests.support.documents import document
from verifiers.claims import semantic
from verifiers.claims.judge import check_claim
from verifiers.settings import Settings

SOURCE = (
    "The club sacked its coach on Monday after five defeats in a row. The coach had said "
    "that the club was in good shape. The chairman said the club sacked the coach because "
    "the defeats had cost the club its place in the cup."
)
CLAIM = "the club sacked the coach because of the defeats"


def test_switched_off_the_meaning_model_is_not_asked(monkeypatch) -> None:
    assert not Settings.from_environment({"SOURCECHECK_SEMANTIC": "0"}).semantic
    assert Settings.from_environment({}).semantic

    def never(*arguments):
        raise AssertionError("the model was asked")

    monkeypatch.setattr(semantic, "similarities", never)
    finding = check_claim(CLAIM, [document(SOURCE)], by_meaning=False)
    assert finding.verdict in ("supported", "needs_review")


@pytest.mark.skipif(not semantic.installed(), reason="the semantic extra is not installed")
def test_with_the_extra_evidence_is_ordered_by_meaning_and_support_still_needs_the_words():
    similar = semantic.similarities(CLAIM, ["The weather was fine.", SOURCE.split(". ")[2]])
    assert similar[1] > similar[0]
    finding = check_claim(CLAIM, [document(SOURCE)], by_meaning=True)
    assert "because" in finding.evidence[0].text
    unrelated = check_claim(
        "the players went on strike over unpaid wages", [document(SOURCE)], by_meaning=True
    )
    assert unrelated.verdict == "no_evidence"
