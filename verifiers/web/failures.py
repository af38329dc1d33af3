"""What kind of failure a source's error is: ours to refuse, the site's to block, gone,
failed for now, or unreadable.

A fetch never raises: its error is a sentence (verifiers.web.fetcher, policy, politeness),
kept as such in the evidence WARC and replayed from it, so the kind is read from the HTTP
status and from those sentences, in one place, whether the page was fetched or replayed.
"""

from __future__ import annotations

from typing import Literal

__all__ = ["ErrorKind", "error_kind"]

ErrorKind = Literal["refused", "blocked", "gone", "failed", "unreadable"]

# Our own policy said no: private addresses, schemes, credentials, robots.txt.
_REFUSED = (
    "non-public address",
    "only http and https",
    "names no host",
    "credentials are not fetched",
    "unix sockets",
    "not a valid url",
    "robots.txt",
)
# The name no longer leads anywhere.
_GONE = ("cannot resolve", "has no address")
# The page came, but is not text sourcecheck can read.
_UNREADABLE = (
    "not a text page",
    "binary content",
    "larger than the limit",
    "body is corrupt",
    "unsupported content encoding",
)
_BLOCKED_STATUSES = frozenset({401, 402, 403, 407, 429, 451})
_GONE_STATUSES = frozenset({404, 410})


def error_kind(status: int | None, error: str) -> ErrorKind:
    """The kind of a fetch's `error`, given the HTTP status it came with (if any)."""
    said = error.casefold()
    if any(phrase in said for phrase in _REFUSED):
        return "refused"
    if status in _BLOCKED_STATUSES:
        return "blocked"
    if status in _GONE_STATUSES or any(phrase in said for phrase in _GONE):
        return "gone"
    if any(phrase in said for phrase in _UNREADABLE):
        return "unreadable"
    return "failed"
