"""Real news sentence pairs labelled paraphrase or not: quotations and claims judged on them.

    .venv/bin/python benchmarks/paraphrase.py MSRP_TRAIN_FILE

The data is the training split of the Microsoft Research Paraphrase Corpus
(`msr_paraphrase_train.txt`: 4,076 pairs of sentences from news, each labelled by people
as saying the same or not; tab-separated, a header line, then Quality, two ids and two
strings). It is read from where you keep it, never from the repository, and only its
training split is used, never its test split. Each pair is split once, by its ids, into a
part for tuning (four in five) and a part held out from any tuning (one in five); both are
reported, the held-out part first.

For each pair, the first sentence is judged as a quotation, and as a claim, against the
second as a page. Printed per part: of the real paraphrases, the share called
`paraphrased`, `not_found`, verified or misquoted; of the non-paraphrases, the share called
`paraphrased` (a false alarm of meaning: the same words for other facts) and the share
verified (must be 0 unless the two sentences are the same words); and, for claims, the
share of paraphrases `supported` and of non-paraphrases `supported` (an upper bound on
wrong support: a non-paraphrase may still hold everything the claim says) and
`contradicted`. Also the time per pair.
"""

from __future__ import annotations

import sys
import time
import zlib
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from verifiers.claims.judge import check_claim
from verifiers.documents import Document
from verifiers.language.folding import WordIndex
from verifiers.model import Metadata
from verifiers.quotes.check import check_quote

# One pair in this many is held out from tuning, chosen by a hash of its two ids.
HELD_OUT_EVERY = 5


def read_pairs(path: Path) -> list[tuple[int, str, str, bool]]:
    """(label, first sentence, second sentence, held out) per pair."""
    pairs = []
    lines = path.read_text(encoding="utf-8-sig").splitlines()[1:]
    for line in lines:
        quality, first_id, second_id, first, second = line.split("\t")
        held_out = zlib.crc32(f"{first_id}-{second_id}".encode()) % HELD_OUT_EVERY == 0
        pairs.append((int(quality), first, second, held_out))
    return pairs


def page(text: str) -> Document:
    return Document("https://pair.example/page", text, Metadata(), WordIndex(text))


def measure(pairs: list[tuple[int, str, str, bool]]) -> dict:
    quotes: dict[int, Counter] = {0: Counter(), 1: Counter()}
    claims: dict[int, Counter] = {0: Counter(), 1: Counter()}
    started = time.perf_counter()
    for label, first, second, _ in pairs:
        document = page(second)
        quotes[label][check_quote(first, [document], []).verdict] += 1
        claims[label][check_claim(first, [document]).verdict] += 1
    seconds = time.perf_counter() - started
    return {"quotes": quotes, "claims": claims, "ms": 1000 * seconds / max(1, len(pairs))}


def share(counts: Counter, *verdicts: str) -> str:
    total = sum(counts.values())
    return f"{sum(counts[v] for v in verdicts) / total:.3f}" if total else "–"


def main(arguments: list[str]) -> int:
    if not arguments:
        print(__doc__)
        return 2
    pairs = read_pairs(Path(arguments[0]))
    parts = [
        ("held out", [p for p in pairs if p[3]]),
        ("tuning", [p for p in pairs if not p[3]]),
    ]
    print(
        "| part | pairs | paraphrases: paraphrased | not_found | verified or with edits "
        "| misquoted | non-paraphrases: paraphrased | verified | claims: paraphrases "
        "supported | non-paraphrases supported | non-paraphrases contradicted | ms a pair |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, part in parts:
        found = measure(part)
        same, other = found["quotes"][1], found["quotes"][0]
        claim_same, claim_other = found["claims"][1], found["claims"][0]
        print(
            f"| {name} | {len(part)} | {share(same, 'paraphrased')} | "
            f"{share(same, 'not_found')} | {share(same, 'verified', 'verified_with_edits')} | "
            f"{share(same, 'misquoted')} | {share(other, 'paraphrased')} | "
            f"{share(other, 'verified')} | {share(claim_same, 'supported')} | "
            f"{share(claim_other, 'supported')} | {share(claim_other, 'contradicted')} | "
            f"{found['ms']:.1f} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
