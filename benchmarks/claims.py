"""Claims against sources, and attribution against real pages.

    .venv/bin/python benchmarks/claims.py [CORPUS_DIR]

Part one checks 74 hand-written claims against seven short sources (each claim labelled
supported, contradicted, needs_review or no_evidence) and prints the precision of
`supported` (must be 1.0: never call support that is not there) and of `contradicted`,
their recall, and the accuracy per label. Part
two times a claim against a generated page of 20,000 words. Part three cites each of the
200 real pages of ../shared/corpus with its known author and date
and prints the share of `match` per field.
"""

from __future__ import annotations

import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.support.generated import page_text
from verifiers.attribution import check_attribution
from verifiers.claims import semantic
from verifiers.claims.judge import check_claim
from verifiers.documents import Document, read_document
from verifiers.language.folding import WordIndex
from verifiers.model import FetchedPage, Metadata, Reference
from verifiers.settings import Settings

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
S, C, R, N = "supported", "contradicted", "needs_review", "no_evidence"
# Claims are judged as a run would judge them: by meaning when the extra is installed and on.
BY_MEANING = Settings.from_environment().semantic and semantic.installed()

SOURCES = {
    "tram": (
        "The city council voted 31 to 12 on Tuesday to fund the first phase of the river "
        "tram. The line will have eleven stops between the old harbour and the university. "
        "Construction will cost 412 million euros. The mayor said fares would not rise to pay "
        "for the tram. Opponents warned that the budget left no room for overruns."
    ),
    "talks": (
        "Negotiators from both sides returned to Geneva on Sunday after a pause of six weeks. "
        "The draft text runs to 42 pages and covers prisoner exchanges and grain corridors. "
        "The chief mediator said nothing is agreed until everything is agreed. Heavy weapons "
        "would be withdrawn from a 30-kilometre zone under the draft."
    ),
    "study": (
        "The study followed 2,400 patients for five years. Patients who received the vaccine "
        "were admitted to hospital less often than those who did not. The authors found no "
        "effect on mortality among patients under 65. The trial was funded by a public grant."
    ),
    "tax": (
        "The finance minister ruled out a rise in the fuel tax this year. Instead the "
        "government will review the rebate scheme and publish the review before the summer "
        "recess. Correction: an earlier version of this article said the review would be "
        "published in autumn."
    ),
    "club": (
        "The club sacked its coach on Monday after five defeats in a row. The chairman said "
        "the decision was painful but necessary. The assistant coach will lead the team "
        "until the winter break. The club did not say who would be appointed permanently."
    ),
    "library": (
        "The city library will open on Sundays from March. Opening hours on weekdays stay "
        "unchanged. The extra day costs 180,000 euros a year, paid from the culture budget. "
        "Librarians welcomed the change but asked for two more staff."
    ),
    "facts": (
        "Saturn is the second-largest planet in the Solar System, after Jupiter. The film was "
        "directed by Jane Roe and written by Ann Lee. Maria Lindqvist chaired the board of the "
        "harbour trust from 2010 to 2015. Jonas Berg was vice president of the rowing club "
        "until 2019. The striker scored twice in the final, although he did not play the "
        "full match."
    ),
}

CLAIMS = [
    ("tram", "the council voted 31 to 12 to fund the first phase of the river tram", S),
    ("tram", "construction of the tram will cost 412 million euros", S),
    ("tram", "the mayor said fares would not rise to pay for the tram", S),
    ("tram", "the tram line will have eleven stops between the harbour and the university", S),
    ("tram", "the council voted 31 to 21 to fund the river tram", C),
    ("tram", "the mayor said fares would rise to pay for the tram", C),
    ("tram", "construction of the tram will cost 421 million euros", R),
    ("tram", "the harbour bridge must be rebuilt before the tram opens", N),
    ("tram", "the university will pay for a new library wing", N),
    ("tram", "police arrested two protesters outside the stadium", N),
    ("talks", "negotiators returned to Geneva on Sunday after a pause of six weeks", S),
    ("talks", "the draft text runs to 42 pages", S),
    ("talks", "the draft covers prisoner exchanges and grain corridors", S),
    ("talks", "heavy weapons would be withdrawn from a 30-kilometre zone", S),
    ("talks", "the draft text runs to 24 pages", C),
    ("talks", "heavy weapons would be withdrawn from a 50-kilometre zone", C),
    ("talks", "negotiators returned to Geneva after a pause of six months", R),
    ("talks", "the talks collapsed when one delegation walked out", N),
    ("talks", "a ceasefire was signed in Vienna last spring", N),
    ("talks", "the election results will be announced on Friday", N),
    ("study", "the study followed 2,400 patients for five years", S),
    ("study", "vaccinated patients were admitted to hospital less often", S),
    ("study", "the authors found no effect on mortality among patients under 65", S),
    ("study", "the trial was funded by a public grant", S),
    ("study", "the authors found an effect on mortality among patients under 65", C),
    ("study", "the study followed 4,200 patients for five years", C),
    ("study", "the trial was funded by a drug maker", R),
    ("study", "the vaccine causes infertility in women", N),
    ("study", "the hospital will close its emergency ward", N),
    ("study", "researchers sequenced the genome of a new virus", N),
    ("tax", "the finance minister ruled out a rise in the fuel tax this year", S),
    ("tax", "the government will review the rebate scheme", S),
    ("tax", "the review will be published before the summer recess", S),
    ("tax", "the minister ruled out raising the fuel tax this year", S),
    ("tax", "the finance minister announced a rise in the fuel tax this year", R),
    ("tax", "the government will scrap the rebate scheme", R),
    ("tax", "the review will be published in autumn", R),
    ("tax", "the central bank raised interest rates", N),
    ("tax", "farmers blocked the motorway with tractors", N),
    ("tax", "the prime minister will visit Washington next week", N),
    ("club", "the club sacked its coach after five defeats in a row", S),
    ("club", "the chairman said the decision was painful but necessary", S),
    ("club", "the assistant coach will lead the team until the winter break", S),
    ("club", "the club did not say who would be appointed permanently", S),
    ("club", "the club sacked its coach after three defeats in a row", C),
    ("club", "the chairman said the decision was not necessary", C),
    ("club", "the club named its new permanent coach", R),
    ("club", "the stadium will be renovated next summer", N),
    ("club", "the striker signed a new three-year contract", N),
    ("club", "ticket prices will fall for students", N),
    ("library", "the city library will open on Sundays from March", S),
    ("library", "the extra day costs 180,000 euros a year", S),
    ("library", "opening hours on weekdays stay unchanged", S),
    ("library", "librarians welcomed the change but asked for two more staff", S),
    ("library", "the city library will open on Sundays from May", C),
    ("library", "the extra day costs 810,000 euros a year", C),
    ("library", "librarians opposed the change", R),
    ("library", "the museum will charge an entrance fee", N),
    ("library", "the swimming pool closes for repairs in July", N),
    ("library", "a new bus line connects the airport", N),
    # One word swapped in an otherwise word-for-word claim: nearly all its words stand in
    # the source, but it says something else.
    (
        "tram",
        "the city council voted 31 to 12 on Tuesday to fund the second phase of the river tram",
        C,
    ),
    ("tram", "construction will cost 412 billion euros", C),
    (
        "talks",
        "negotiators from both sides returned to Geneva on Sunday before a pause of six weeks",
        C,
    ),
    ("talks", "negotiators from both sides left Geneva on Sunday after a pause of six weeks", R),
    (
        "study",
        "patients who received the vaccine were admitted to hospital more often than those "
        "who did not",
        C,
    ),
    ("club", "the assistant coach will lead the team until the summer break", R),
    ("library", "the city library will open on Sundays until March", R),
    ("library", "the extra day costs 180,000 euros a month, paid from the culture budget", R),
    # The same words for other facts: another rank, another role, another person in the
    # relation; and a negation that belongs to another clause.
    ("facts", "Saturn is the largest planet in the Solar System", C),
    ("facts", "the film was directed by Ann Lee", R),
    ("facts", "Peter Holm chaired the board of the harbour trust from 2010 to 2015", C),
    ("facts", "Jonas Berg was president of the rowing club until 2019", R),
    ("facts", "the striker scored twice in the final", S),
    ("facts", "the striker did not score in the final", C),
]


def document(name: str) -> Document:
    text = SOURCES[name]
    return Document(f"https://sources.example/{name}", text, Metadata(), WordIndex(text))


# Claims that say what a source says in other words (needs_review: worth an editor's
# reading), or something on the same subject it does not say (no_evidence). Word overlap
# alone misses most of the first kind; the `semantic` extra is for them.
PARAPHRASES = [
    ("tram", "ticket prices will stay the same to finance the project", R),
    ("talks", "the delegations came back to Switzerland after a break", R),
    ("talks", "artillery is to be pulled back from the front line", R),
    ("study", "the jab kept people out of the wards", R),
    ("study", "the research was paid for with state money", R),
    ("club", "the manager was fired after a losing streak", R),
    ("club", "his deputy takes charge until the break", R),
    ("library", "readers can borrow books on the seventh day of the week from spring", R),
    ("tram", "the tram will be run by a private company", N),
    ("club", "the players went on strike", N),
    ("study", "the vaccine caused serious side effects in children", N),
    ("library", "the library will close its branch in the old town", N),
]


def paraphrase_table() -> None:
    by_meaning = BY_MEANING
    outcomes = [
        (label, check_claim(claim, [document(name)], by_meaning).verdict)
        for name, claim, label in PARAPHRASES
    ]
    path = "with the semantic extra" if by_meaning else "words only (default install)"
    print(f"\n{len(outcomes)} paraphrased and unsupported claims, {path}\n")
    print("| label | right | said supported |\n| --- | ---: | ---: |")
    for label in (R, N):
        total = sum(1 for expected, _ in outcomes if expected == label)
        right = sum(1 for expected, got in outcomes if expected == label and got == label)
        wrongly = sum(1 for expected, got in outcomes if expected == label and got == S)
        print(f"| {label} | {right} / {total} | {wrongly} |")


def claims_table() -> None:
    outcomes = [
        (label, check_claim(claim, [document(name)], BY_MEANING).verdict)
        for name, claim, label in CLAIMS
    ]
    print(f"{len(outcomes)} claims\n\n| measure | value |\n| --- | ---: |")
    for verdict in (S, C):
        said = [label for label, got in outcomes if got == verdict]
        precision = said.count(verdict) / len(said) if said else 1.0
        recall = said.count(verdict) / sum(1 for label, _ in outcomes if label == verdict)
        print(
            f"| precision of {verdict} | {precision:.3f} |\n| recall of {verdict} | {recall:.3f} |"
        )
    for label in (S, C, R, N):
        total = sum(1 for expected, _ in outcomes if expected == label)
        right = sum(1 for expected, got in outcomes if expected == label and got == label)
        print(f"| {label} right | {right} / {total} |")
    confusion = Counter((expected, got) for expected, got in outcomes if expected != got)
    if confusion:
        print("\nwrong: " + ", ".join(f"{e} -> {g}: {n}" for (e, g), n in confusion.items()))


def attribution_table(corpus: Path) -> None:
    if not (corpus / "truth.json").exists():
        print(f"\n(no corpus at {corpus}: attribution on real pages not measured)")
        return
    truth = json.loads((corpus / "truth.json").read_text())
    results: dict[str, Counter] = {"authors": Counter(), "date": Counter()}
    for name, known in truth.items():
        body = (corpus / "pages" / name).read_bytes()
        page = FetchedPage(known["url"], known["url"], 200, "live", "", "text/html", body=body)
        author = known["author"]
        authors = tuple(author) if isinstance(author, list) else (author,) if author else ()
        reference = Reference("r", known["title"] or name, authors=authors, date=known["date"])
        found = check_attribution(reference, [read_document(page)])
        for field in results:
            if (field == "authors" and authors) or (field == "date" and known["date"]):
                results[field][found[field]] += 1
    print(
        "\n| field (200 real pages, cited as their byline gives them) | match | mismatch |"
        " unknown |\n| --- | ---: | ---: | ---: |"
    )
    for field, counts in results.items():
        total = sum(counts.values())
        print(
            f"| {field} | {counts['match'] / total:.2f} | {counts['mismatch'] / total:.2f} | "
            f"{counts['unknown'] / total:.2f} |"
        )


def cost_table(words: int = 20_000, claims: int = 20) -> None:
    """Time per claim against one generated page of `words` words, its passages cut first."""
    rng = random.Random(1)
    paragraphs: list[str] = []
    while sum(len(p.split()) for p in paragraphs) < words:
        paragraphs += page_text(rng, 10)
    text = "\n\n".join(paragraphs)
    page = Document("https://sources.example/long", text, Metadata(), WordIndex(text))
    tokens = text.split()
    said = [
        " ".join(tokens[i : i + 12]) for i in range(100, len(tokens) - 12, len(tokens) // claims)
    ]
    started = time.perf_counter()
    check_claim(said[0], [page], BY_MEANING)
    first = time.perf_counter() - started
    started = time.perf_counter()
    for claim in said:
        check_claim(claim, [page], BY_MEANING)
    each = (time.perf_counter() - started) / len(said)
    print(f"\n| cost ({len(tokens):,}-word page) | ms |\n| --- | ---: |")
    print(f"| first claim (cuts the page's passages) | {first * 1000:.0f} |")
    print(f"| each claim after | {each * 1000:.1f} |")


def main(arguments: list[str]) -> int:
    claims_table()
    paraphrase_table()
    cost_table()
    attribution_table(Path(arguments[0]) if arguments else DEFAULT_CORPUS)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
