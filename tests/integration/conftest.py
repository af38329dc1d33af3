"""Fixture pages served on 127.0.0.1, and a manifest that cites them."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.runs import FIXTURES

PAGES = FIXTURES / "pages"


@pytest.fixture
def served(site):
    site.add(
        "/wire/talks",
        (PAGES / "agency-report.html").read_bytes(),
        headers={"Content-Type": "text/html; charset=utf-8"},
    )
    site.add(
        "/blog/cafe",
        (PAGES / "blog-cp1252.html").read_bytes(),
        headers={"Content-Type": "text/html"},
    )
    site.add(
        "/radio/transcript.txt",
        (PAGES / "transcript.txt").read_bytes(),
        headers={"Content-Type": "text/plain; charset=utf-8"},
    )
    site.add("/old-link", b"", status=301, headers={"Location": "/wire/talks"})
    site.add("/broken", b"oops", status=500, headers={"Content-Type": "text/plain"})
    return site


def manifest(tmp_path: Path, site) -> Path:
    path = tmp_path / "refs.yaml"
    path.write_text(f"""
article: {{title: Test essay, url: https://essay.example/}}
references:
  - id: wire
    cite: "Lena Ortiz, Northern Wire, 14 May 2023"
    authors: [Lena Ortiz]
    publisher: Northern Wire
    date: 2023-05-14
    urls: ["{site.url("/old-link")}", "{site.url("/broken")}"]
    quotes:
      - "We are closer than we have been at any point this year"
      - "We are closer than ever … nothing is agreed until everything is agreed"
      - "the draft text ran to 24 pages and covered prisoner exchanges"
    claims:
      - "the draft text covered prisoner exchanges and grain corridors"
  - id: cafe
    cite: "Café notes blog"
    urls: ["{site.url("/blog/cafe")}"]
    quotes: ["as soon as the inspectors are satisfied"]
  - id: minister
    cite: "Evening interview, 3 March 2023"
    date: 2023-03-03
    urls: ["{site.url("/radio/transcript.txt")}"]
    quotes:
      - "We have no plans to raise the fuel tax this year"
      - "After that, the decision rests with parliament alone"
  - id: nowhere
    cite: "A page that is gone"
    urls: ["{site.url("/gone")}"]
    quotes: ["anything"]
""")
    return path
