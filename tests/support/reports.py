"""A reference report whose every text is hostile markup, for report tests."""

from verifiers.model import (
    ClaimFinding,
    Edit,
    Evidence,
    Match,
    Metadata,
    QuoteFinding,
    ReferenceReport,
    SourceReport,
)

HOSTILE = "<script>document.title='pwned'</script><img src=x onerror=alert(1)> **bold** [l](j)"


def reference(verdict: str = "misquoted", flags: list[str] | None = None) -> ReferenceReport:
    source = SourceReport(
        "https://a.example/p",
        "https://a.example/p",
        200,
        "live",
        "2026-11-27T06:00:00Z",
        "ab" * 32,
        None,
        Metadata("Title " + HOSTILE, ["Jane Smith"], "Pub", "2022-03-01"),
    )
    match = Match(
        HOSTILE,
        "before " + HOSTILE,
        "after",
        "https://a.example/p#:~:text=x",
        [Edit("replace", "will", "may")],
    )
    quote = QuoteFinding(
        HOSTILE, verdict, 0.8, "https://a.example/p", match, flags or [], "explained " + HOSTILE
    )
    claim = ClaimFinding("a claim", "needs_review", [Evidence("https://a.example/p", "text", 0.5)])
    return ReferenceReport(
        "ref-1",
        "Cite " + HOSTILE,
        [source],
        {"authors": "match", "publisher": "unknown", "date": "mismatch"},
        [quote],
        [claim],
    )
