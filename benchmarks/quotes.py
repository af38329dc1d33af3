"""The quotation matcher on synthetic pages: accuracy per verdict and flag, and speed.

    .venv/bin/python benchmarks/quotes.py [--pages 50] [--cases 24] [--seed 1]

Generates pages of 1,000 to 200,000 words (Zipf-distributed vocabulary, sentences and
paragraphs, with planted passages for every flag), then quotations of every kind against
them: verbatim with typography changes, with editorial marks, misquoted, paraphrased,
absent, truncated before a condition, after a disowning opening, quoting a third person,
with an ellipsis hiding a negation, with a changed number, spliced, and found on another
page. Prints the accuracy per expected verdict and flag, the share of non-verbatim
quotations reported as verified (must be 0), time per quotation by page size, and the
time and memory it takes to prepare a page.
"""

from __future__ import annotations

import argparse
import itertools
import random
import statistics
import sys
import time
import tracemalloc
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from verifiers.documents import Document
from verifiers.language.folding import WordIndex
from verifiers.model import (
    Metadata,
    Reference,
    ReferenceReport,
    SourceReport,
)
from verifiers.quotes.check import check_quote
from verifiers.review import look_elsewhere

SIZES = (1_000, 5_000, 20_000, 50_000, 200_000)
SYLLABLES = "ka lo mi re su ta ne po vi da ge ru fo li sa me tu ro ba ni".split()
# No negation among them: a generated quotation must not change meaning by accident.
FUNCTION_WORDS = "the of and to in a is that for it as was with be by on he this are".split()
PEOPLE = ["Anna Berg", "Karl Meyer", "Lena Ortiz", "Tomas Kral", "Ines Duarte"]


@dataclass
class Case:
    kind: str
    quote: str
    verdict: str
    flags: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=lambda: ["The Author"])


def vocabulary(rng: random.Random, size: int = 6000) -> list[str]:
    words = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def sentence(rng: random.Random, words: list[str], weights: list[float]) -> list[str]:
    length = rng.randint(8, 26)
    chosen = rng.choices(words, weights, k=length)
    chosen = [rng.choice(FUNCTION_WORDS) if rng.random() < 0.35 else w for w in chosen]
    chosen[0] = chosen[0].capitalize()
    return chosen


def page(
    rng: random.Random, size: int, words: list[str], weights: list[float]
) -> tuple[str, list[str]]:
    """A page of about `size` words; returns its text and its word list (punctuation-free)."""
    paragraphs, flat, count = [], [], 0
    while count < size:
        sentences = []
        for _ in range(rng.randint(2, 6)):
            chosen = sentence(rng, words, weights)
            flat.extend(chosen)
            count += len(chosen)
            text = " ".join(chosen)
            if rng.random() < 0.2:
                cut = rng.randint(2, len(chosen) - 2)
                text = " ".join(chosen[:cut]) + ", " + " ".join(chosen[cut:])
            sentences.append(text + rng.choice([".", ".", ".", "!", "?"]))
        paragraphs.append(" ".join(sentences))
    return "\n\n".join(paragraphs), flat


PLANTED = {
    "truncated_condition": "{a} said the {x} plan {y} work, but only if the {z} agrees.",
    "truncated_opening": "It is false that the {x} report proves {y} fraud by {z}.",
    "wrong_speaker": "“The {x} council has failed the {y} city,” said {person} on {z}.",
    "ellipsis_hides": "The {x} board did not approve the {y} merger of {z}.",
    "meaning_changed": "The {x} agency counted 4,812 {y} cases in {z} last year.",
}


def plant(rng: random.Random, text: str, words: list[str]) -> tuple[str, dict[str, str]]:
    """Append one planted paragraph of each kind; return the text and each sentence."""
    planted = {}
    for kind, template in PLANTED.items():
        planted[kind] = template.format(
            a=rng.choice(PEOPLE),
            x=rng.choice(words),
            y=rng.choice(words),
            z=rng.choice(words),
            person=rng.choice(PEOPLE[1:]),
        )
    return text + "\n\n" + "\n\n".join(planted.values()), planted


def typographic(rng: random.Random, words: list[str]) -> str:
    spaces = [" ", "\u00a0", "  ", "\u2009"]
    quote = "".join(w + rng.choice(spaces) for w in words).strip()
    return rng.choice(["“{}”", "{}", "«{}»", '"{}"']).format(quote)


def cases_for(
    rng: random.Random, flat: list[str], planted: dict[str, str], absent: list[str], count: int
) -> list[Case]:
    def span(low: int, high: int) -> list[str]:
        length = rng.randint(low, high)
        start = rng.randint(0, len(flat) - length - 1)
        return flat[start : start + length]

    cases = []
    for _ in range(count):
        words = span(3, 60)
        cases.append(Case("verbatim", typographic(rng, words), "verified"))
        words = span(12, 60)
        cut = rng.randint(3, len(words) - 8)
        ellipsis = " ".join(words[:cut]) + " … " + " ".join(words[cut + rng.randint(1, 4) :])
        cases.append(Case("ellipsis", ellipsis, "verified_with_edits"))
        words = span(6, 30)
        swapped = list(words)
        swapped[rng.randint(1, len(words) - 1)] = f"[{rng.choice(absent)}]"
        cases.append(Case("bracket", " ".join(swapped), "verified_with_edits"))
        words = span(10, 40)
        changed = list(words)
        for _ in range(rng.randint(1, 2)):
            changed[rng.randint(1, len(changed) - 2)] = rng.choice(absent)
        cases.append(Case("misquote", " ".join(changed), "misquoted"))
        words = [rng.choice(absent) for _ in range(rng.randint(6, 20))]
        cases.append(Case("absent", " ".join(words), "not_found"))
        words = span(14, 20)
        content = [w for w in words if w.lower() not in FUNCTION_WORDS]
        rng.shuffle(content)
        cases.append(Case("paraphrase", " ".join(content[: max(6, len(content))]), "paraphrased"))
    condition = planted["truncated_condition"]
    head = condition.split(", but")[0].split(" said ")[1]
    cases.append(Case("condition", head, "verified", ["truncated_condition"]))
    opening = planted["truncated_opening"].removeprefix("It is false that ").rstrip(".")
    cases.append(Case("opening", opening, "verified", ["truncated_opening"]))
    speech = planted["wrong_speaker"].split("”")[0].lstrip("“").rstrip(",")
    cases.append(Case("speaker", speech, "verified", ["wrong_speaker"], ["Anna Berg"]))
    hidden = planted["ellipsis_hides"].replace(" did not approve", " … approve").rstrip(".")
    cases.append(Case("hidden", hidden, "verified_with_edits", ["ellipsis_hides"]))
    number = planted["meaning_changed"].replace("4,812", "4,821").rstrip(".")
    cases.append(Case("number", number, "misquoted", ["meaning_changed"]))
    first, second = span(6, 8), span(6, 8)
    cases.append(Case("splice", " ".join(first + second), "misquoted", ["spliced"]))
    return cases


def memory_per_character(text: str) -> tuple[float, float]:
    """Peak and retained bytes per character of preparing the page (the text excluded)."""
    tracemalloc.start()
    index = WordIndex(text)
    retained, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del index
    return peak / len(text), retained / len(text)


@dataclass
class Outcome:
    case: Case
    verdict: str
    flags: list[str]
    seconds: float
    size: int


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=50)
    parser.add_argument("--cases", type=int, default=4, help="quotations of each kind per page")
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args()
    rng = random.Random(options.seed)
    words = vocabulary(rng)
    absent = vocabulary(random.Random(options.seed + 1), 800)
    absent = [w for w in absent if w not in set(words)]
    weights = [1 / (rank + 1) for rank in range(len(words))]
    outcomes: list[Outcome] = []
    prepare: dict[int, list[tuple[float, float, float]]] = defaultdict(list)
    documents = []
    for number in range(options.pages):
        size = SIZES[number % len(SIZES)]
        text, flat = page(rng, size, words, weights)
        text, planted = plant(rng, text, words)
        started = time.perf_counter()
        index = WordIndex(text)
        seconds = time.perf_counter() - started
        prepare[size].append((seconds, *memory_per_character(text)))
        document = Document(f"https://pages.example/{number}", text, Metadata(), index)
        documents.append(document)
        for case in cases_for(rng, flat, planted, absent, options.cases):
            started = time.perf_counter()
            finding = check_quote(case.quote, [document], [], case.people)
            outcomes.append(
                Outcome(case, finding.verdict, finding.flags, time.perf_counter() - started, size)
            )
    outcomes += found_elsewhere_outcomes(documents, rng)
    report(outcomes, prepare)
    return 0


def found_elsewhere_outcomes(documents: list[Document], rng: random.Random) -> list[Outcome]:
    """A quotation cited to one page whose words stand on another page of the run."""
    outcomes = []
    small = [d for d in documents if len(d.index) < 6_000]
    for own, other in itertools.pairwise(small):
        start = rng.randint(0, len(other.index) - 20)
        passage = other.text[other.index.starts[start] : other.index.ends[start + 11]]
        case = Case("elsewhere", passage, "verified", ["found_elsewhere"])
        reference = Reference("r", "cited", urls=(own.url,), quotes=(case.quote,))
        started = time.perf_counter()
        first = check_quote(case.quote, [own], [], ["cited"])
        source = SourceReport(own.url, own.url, 200, "live", "", None, None, None)
        (report,) = look_elsewhere(
            [reference],
            [ReferenceReport("r", "cited", [source], {}, [first], [])],
            {own.url: own, other.url: other},
        )
        finding = report.quotes[0]
        outcomes.append(
            Outcome(
                case, finding.verdict, finding.flags, time.perf_counter() - started, len(own.index)
            )
        )
    return outcomes


def report(outcomes: list[Outcome], prepare: dict[int, list[tuple[float, float, float]]]) -> None:
    by_verdict: dict[str, Counter] = defaultdict(Counter)
    for outcome in outcomes:
        by_verdict[outcome.case.verdict][outcome.verdict == outcome.case.verdict] += 1
    print(f"{len(outcomes)} quotations\n")
    print("| expected verdict | cases | right | accuracy |\n| --- | ---: | ---: | ---: |")
    for verdict, counts in sorted(by_verdict.items()):
        total = counts[True] + counts[False]
        print(f"| {verdict} | {total} | {counts[True]} | {counts[True] / total:.3f} |")
    print("\n| flag | expected | raised | right | recall | precision |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    flags = sorted({f for o in outcomes for f in o.case.flags + o.flags})
    for flag in flags:
        expected = sum(flag in o.case.flags for o in outcomes)
        raised = sum(flag in o.flags for o in outcomes)
        right = sum(flag in o.flags and flag in o.case.flags for o in outcomes)
        print(
            f"| {flag} | {expected} | {raised} | {right} | "
            f"{right / expected if expected else 0:.3f} | {right / raised if raised else 1:.3f} |"
        )
    wrongly = [o for o in outcomes if o.case.verdict != "verified" and o.verdict == "verified"]
    non_verbatim = sum(o.case.verdict != "verified" for o in outcomes)
    print(
        f"\nnon-verbatim quotations reported verified: {len(wrongly)} of {non_verbatim} "
        f"({len(wrongly) / non_verbatim:.4f})"
    )
    print(
        "\n| page words | quotations | mean ms | p95 ms | max ms | prepare ms | "
        "peak bytes/char | kept bytes/char |"
    )
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for size in SIZES:
        times = sorted(1000 * o.seconds for o in outcomes if o.size == size)
        if not times:
            continue
        prep = prepare[size]
        print(
            f"| {size:,} | {len(times)} | {statistics.mean(times):.3f} | "
            f"{times[int(0.95 * (len(times) - 1))]:.3f} | {times[-1]:.2f} | "
            f"{1000 * statistics.mean(p[0] for p in prep):.1f} | "
            f"{statistics.mean(p[1] for p in prep):.1f} | "
            f"{statistics.mean(p[2] for p in prep):.1f} |"
        )
    print("\n| kind | quotations | mean ms | max ms |\n| --- | ---: | ---: | ---: |")
    kinds = sorted({o.case.kind for o in outcomes})
    for kind in kinds:
        times = [1000 * o.seconds for o in outcomes if o.case.kind == kind]
        print(f"| {kind} | {len(times)} | {statistics.mean(times):.3f} | {max(times):.2f} |")
    misses = Counter((o.case.kind, o.verdict) for o in outcomes if o.verdict != o.case.verdict)
    if misses:
        print(
            "\nwrong verdicts by kind: "
            + ", ".join(f"{k} -> {v}: {n}" for (k, v), n in misses.most_common())
        )


if __name__ == "__main__":
    sys.exit(main())
