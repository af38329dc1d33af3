"""Many distinct source pages and a manifest citing them, for scale tests and benchmarks."""

from __future__ import annotations

import json
import random
from pathlib import Path

from tests.support.site import LocalSite

WORDS = (
    "council minister budget harbour bridge tram river election treaty border grain "
    "sanctions talks envoy ceasefire report inquiry witness court ruling appeal verdict "
    "market inflation rate bank loan deficit export import tariff union strike wage "
    "school hospital nurse doctor vaccine study trial result evidence record archive"
).split()


def sentence(rng: random.Random, length: int) -> str:
    words = [rng.choice(WORDS) for _ in range(length)]
    return " ".join(words).capitalize() + "."


def page_text(rng: random.Random, paragraphs: int = 6) -> list[str]:
    return [
        " ".join(sentence(rng, rng.randint(8, 20)) for _ in range(4)) for _ in range(paragraphs)
    ]


def serve_references(site: LocalSite, count: int, seed: int = 7) -> list[dict]:
    """Serve `count` pages; return one reference per page with a verified and a misquoted
    quotation (a word replaced by one absent from every page)."""
    rng = random.Random(seed)
    references = []
    for number in range(count):
        paragraphs = page_text(rng)
        html = "<html><body><article>" + "".join(f"<p>{p}</p>" for p in paragraphs)
        html += "</article></body></html>"
        url = site.add(f"/source/{number}", html, headers={"Content-Type": "text/html"})
        words = paragraphs[2].split()
        exact = " ".join(words[3:15]).strip(".")
        changed = words[20:32]
        changed[5] = "zeppelin"
        references.append(
            {
                "id": f"ref-{number}",
                "cite": f"Source {number}",
                "urls": [url],
                "quotes": [exact, " ".join(changed).strip(".")],
            }
        )
    return references


def write_manifest(path: Path, references: list[dict]) -> Path:
    path.write_text(json.dumps({"references": references}, indent=1))
    return path
