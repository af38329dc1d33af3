"""Write evidence.warc.gz from the synthetic source pages in sources/.

The bundled example runs offline: `sourcecheck verify manifest.yaml --replay
evidence.warc.gz` answers every fetch from this file. Run this script after editing a page
in sources/ (tests/test_example.py fails until you do).
"""

from __future__ import annotations

import sys
from pathlib import Path

from verifiers.web.warc import Exchange, WarcWriter

HERE = Path(__file__).resolve().parent
PAGES = {
    "https://news.example.org/2024/03/12/council-backs-river-tram": "gazette.html",
    "https://institute.example.net/reports/river-tram-cost-review": "cost-review.html",
    "https://radio.example.com/interviews/mayor-okafor-river-tram": "interview.html",
}
RECORDED_AT = "2024-04-10T09:00:00Z"


def example_exchanges() -> list[Exchange]:
    return [
        Exchange(
            url=url,
            request_headers=[("User-Agent", "sourcecheck/0.1"), ("Accept", "text/html")],
            status=200,
            reason="OK",
            headers=[("Content-Type", "text/html; charset=utf-8")],
            body=(HERE / "sources" / name).read_bytes(),
            date=RECORDED_AT,
        )
        for url, name in PAGES.items()
    ]


def main() -> int:
    with (HERE / "evidence.warc.gz").open("wb") as stream:
        writer = WarcWriter(stream, "sourcecheck example builder")
        for exchange in example_exchanges():
            writer.record(exchange)
    return 0


if __name__ == "__main__":
    sys.exit(main())
