"""Each kind of source failure, told from the fetch's status and sentence (CONTRACT
`error_kind`)."""

from __future__ import annotations

import pytest

from verifiers.web.failures import error_kind


@pytest.mark.parametrize(
    ("status", "error", "kind"),
    [
        (
            None,
            "127.1 resolves to a non-public address (127.0.0.1); use --allow-private-hosts",
            "refused",
        ),
        (None, "only http and https URLs are fetched, not 'ftp'", "refused"),
        (
            None,
            "https://a.example/robots.txt disallows it (use --ignore-robots to fetch anyway)",
            "refused",
        ),
        (None, "https://a.example/robots.txt could not be read (HTTP 503)", "refused"),
        (403, "HTTP 403 Forbidden", "blocked"),
        (429, "HTTP 429 Too Many Requests", "blocked"),
        (401, "HTTP 401 Unauthorized", "blocked"),
        (404, "HTTP 404 Not Found", "gone"),
        (410, "HTTP 410 Gone", "gone"),
        (
            None,
            "cannot connect (cannot resolve gone.example ([Errno -2] Name or service not known))",
            "gone",
        ),
        (503, "HTTP 503 Service Unavailable", "failed"),
        (None, "no complete answer within 60 s (total time limit)", "failed"),
        (None, "connection timed out", "failed"),
        (None, "redirect loop at https://a.example/loop", "failed"),
        (200, "the page is larger than the limit of 10,485,760 bytes", "unreadable"),
        (200, "binary content labelled text/html", "unreadable"),
        (200, "not a text page (image/png)", "unreadable"),
    ],
)
def test_each_error_has_its_kind(status: int | None, error: str, kind: str) -> None:
    assert error_kind(status, error) == kind
