"""Real pages: is every known article passage found `verified`, and is metadata read right?

Reads ../shared/corpus (200 real news and blog pages with known passages, title, author
and date) from beside the repository, or from the folder given as the first argument, and
prints a table. Every passage not verified is a false alarm on a real page.

    .venv/bin/python benchmarks/corpus.py [CORPUS_DIR] [--misses]
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path

from verifiers.documents import read_document
from verifiers.language.folding import tokenize
from verifiers.model import FetchedPage
from verifiers.quotes.check import check_quote

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def _plain(text: str | None) -> str:
    """Words only: typography (quote marks, dashes, entities) is not what is measured."""
    return " ".join(token.word for token in tokenize(text or ""))


# Words of a byline that join or introduce names ("Von A und B") or give a degree
# ("Michael L. Anderson, PhD"), and are no part of the names.
_BYLINE_WORDS = frozenset("by von und and mit with par et por y phd md".split())


def _author_right(expected: str | list | None, found: list[str]) -> bool:
    """The names found are the byline's, its joining words ("Von A und B") aside."""

    def names(text: str) -> str:
        return " ".join(w for w in _plain(text).split() if w not in _BYLINE_WORDS)

    expected_text = names(" ".join(expected) if isinstance(expected, list) else expected or "")
    found_text = names(" ".join(found))
    if not expected_text:
        return not found_text
    return bool(found_text) and (expected_text in found_text or found_text in expected_text)


def main(arguments: list[str]) -> int:
    show_misses = "--misses" in arguments
    paths = [a for a in arguments if not a.startswith("--")]
    corpus = Path(paths[0]) if paths else DEFAULT_CORPUS
    if not (corpus / "truth.json").exists():
        print(f"no corpus at {corpus}", file=sys.stderr)
        return 2
    truth = json.loads((corpus / "truth.json").read_text())
    verdicts: Counter[str] = Counter()
    flagged: Counter[str] = Counter()
    fields: Counter[str] = Counter()
    parse_seconds = check_seconds = 0.0
    characters = 0
    misses = []
    for name, known in truth.items():
        body = (corpus / "pages" / name).read_bytes()
        page = FetchedPage(known["url"], known["url"], 200, "live", "", "text/html", body=body)
        started = time.perf_counter()
        document = read_document(page)
        parse_seconds += time.perf_counter() - started
        characters += len(document.text)
        metadata = document.metadata
        fields["title"] += _plain(known["title"]) in _plain(metadata.title) if known["title"] else 0
        fields["date"] += metadata.published == known["date"]
        fields["author"] += _author_right(known["author"], metadata.authors)
        for passage in known["with"]:
            started = time.perf_counter()
            finding = check_quote(passage, [document], [])
            check_seconds += time.perf_counter() - started
            verdicts[finding.verdict] += 1
            for flag in finding.flags:
                flagged[flag] += 1
            if finding.verdict != "verified" or finding.flags:
                misses.append((name, passage, finding.verdict, finding.explanation))
    passages = sum(verdicts.values())
    pages = len(truth)
    print("| measure | value |\n| --- | ---: |")
    print(f"| pages | {pages} |")
    print(f"| known passages | {passages} |")
    for verdict, count in verdicts.most_common():
        print(f"| passages {verdict} | {count} ({100 * count / passages:.1f} %) |")
    passing = verdicts["verified"] + verdicts["verified_with_edits"]
    share = 100 * passing / passages
    print(f"| passages verified or verified_with_edits | {passing} ({share:.1f} %) |")
    for flag, count in flagged.most_common():
        print(f"| passages flagged {flag} | {count} |")
    for field in ("title", "author", "date"):
        print(f"| {field} right | {fields[field]} / {pages} ({fields[field] / pages:.2f}) |")
    print(
        f"| parse time per page | {1000 * parse_seconds / pages:.1f} ms "
        f"({characters / parse_seconds / 1e6:.1f} M chars/s) |"
    )
    print(f"| check time per passage | {1000 * check_seconds / passages:.2f} ms |")
    if show_misses:
        for name, passage, verdict, explanation in misses:
            print(f"\n{name}: {verdict}: {passage!r}\n  {explanation}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
