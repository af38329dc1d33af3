"""Finding quotations and their sources in articles, against hand-labelled articles.

    .venv/bin/python benchmarks/extract.py [--verbose]

benchmarks/articles/*.yaml hold short articles written in five house styles (news agency,
magazine essay, blog, academic, transcript) and other quotation conventions, each with its
quotations and the source each is attributed to, labelled by hand, and its reported claims.

Printed per style and overall:
- quotation spans: precision and recall of the quotations found (a found quotation is right
  when its words, case and edge punctuation aside, are a labelled quotation's);
- attributed source: of the labelled quotations, the share found *and* put in a reference
  whose citation names the labelled source (recall), and of the quotations found, the share
  whose reference names the right source (precision);
- reported claims: precision and recall, a claim being right when its words are labelled
  and its reference names the labelled source.
"""

from __future__ import annotations

import re
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from verifiers.inputs.article import find_references
from verifiers.inputs.article_text import (
    from_html,
    from_markdown,
    from_plain_text,
)

ARTICLES = Path(__file__).resolve().parent / "articles"
READERS = {"txt": from_plain_text, "md": from_markdown, "html": from_html}


def normalised(text: str) -> str:
    words = re.findall(r"[\w'’%°£$.-]+", text.casefold().replace("’", "'"))
    return " ".join(word.strip(".") for word in words if word.strip("."))


def names_source(reference: dict, source: str) -> bool:
    said = " ".join(
        [
            reference["cite"],
            *reference.get("authors", []),
            *reference.get("speakers", []),
            reference.get("publisher") or "",
        ]
    )
    return source.casefold() in said.casefold()


class Tally:
    def __init__(self) -> None:
        self.counts: dict[str, int] = defaultdict(int)

    def add(self, key: str, amount: int = 1) -> None:
        self.counts[key] += amount

    def ratio(self, hits: str, total: str) -> str:
        """hits / total to three places, or a dash when there is nothing to count."""
        return f"{self.counts[hits] / self.counts[total]:.3f}" if self.counts[total] else "–"


def score_article(article: dict, tally: Tally, verbose: bool) -> None:
    text = READERS[article["format"]](article["text"], f"{article['name']}.{article['format']}")
    references = find_references(text)["references"]
    for kind in ("quotes", "claims"):
        labelled = {normalised(item["text"]): item["source"] for item in article.get(kind) or []}
        found = [
            (normalised(item), reference)
            for reference in references
            for item in reference.get(kind, [])
        ]
        tally.add(f"{kind}.labelled", len(labelled))
        tally.add(f"{kind}.found", len(found))
        matched = set()
        for words, reference in found:
            if words in labelled:
                matched.add(words)
                tally.add(f"{kind}.span_right")
                if names_source(reference, labelled[words]):
                    tally.add(f"{kind}.source_right")
                elif verbose:
                    print(
                        f"  {article['name']}: wrong source for {words[:50]!r}: "
                        f"{reference['cite']!r}, labelled {labelled[words]!r}"
                    )
            elif verbose:
                print(f"  {article['name']}: extra {kind[:-1]} {words[:60]!r}")
        if verbose:
            for words in set(labelled) - matched:
                print(f"  {article['name']}: missed {kind[:-1]} {words[:60]!r}")


def main() -> None:
    verbose = "--verbose" in sys.argv
    by_style: dict[str, Tally] = defaultdict(Tally)
    overall = Tally()
    count = 0
    for path in sorted(ARTICLES.glob("*.yaml")):
        for article in yaml.safe_load(path.read_text()):
            count += 1
            score_article(article, by_style[path.stem], verbose)
            score_article(article, overall, False)
    print(f"{count} articles\n")
    header = (
        "style",
        "quotes",
        "span P",
        "span R",
        "source P",
        "source R",
        "claims",
        "claim P",
        "claim R",
    )
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for style, tally in [*sorted(by_style.items()), ("all", overall)]:
        c = tally.counts
        row = [
            style,
            str(c["quotes.labelled"]),
            tally.ratio("quotes.span_right", "quotes.found"),
            tally.ratio("quotes.span_right", "quotes.labelled"),
            tally.ratio("quotes.source_right", "quotes.found"),
            tally.ratio("quotes.source_right", "quotes.labelled"),
            str(c["claims.labelled"]),
            tally.ratio("claims.source_right", "claims.found"),
            tally.ratio("claims.source_right", "claims.labelled"),
        ]
        print("| " + " | ".join(row) + " |")
    print(extraction_time())


def extraction_time(words: int = 1500, repeats: int = 10) -> str:
    """The work of extracting an article of about `words` words (the benchmark's own
    articles, joined), after start-up: the median of `repeats` runs."""
    texts = [
        a["text"]
        for path in sorted(ARTICLES.glob("*.yaml"))
        for a in yaml.safe_load(path.read_text())
    ]
    joined, count = [], 0
    for text in texts:
        joined.append(text)
        count += len(text.split())
        if count >= words:
            break
    article = from_plain_text("\n\n".join(joined), "joined.txt")
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        find_references(article)
        times.append(time.perf_counter() - started)
    return f"\nextracting a {count:,}-word article: {statistics.median(times) * 1000:.1f} ms"


if __name__ == "__main__":
    main()
