"""What a run may be told from outside, read in one place and passed in.

`Settings.from_environment()` is the only reader of the environment in the library: the
command line builds one at its edge (its options override what the environment says) and
every step gets what it needs from it. A test or a notebook builds one by hand.

| variable | setting |
| --- | --- |
| `SOURCECHECK_SEARCH_URL` | a SearXNG-compatible search endpoint (unset: none) |
| `SOURCECHECK_CROSSREF_URL`, `SOURCECHECK_OPENALEX_URL` | scholarly search APIs (`off`: none) |
| `SOURCECHECK_ARCHIVE_URL` | the web archive's availability API |
| `SOURCECHECK_MEMENTO_TIMEGATES` | Memento TimeGates asked next, comma-separated URL prefixes |
| `SOURCECHECK_USER_AGENT` | the User-Agent header sent |
| `SOURCECHECK_SEMANTIC` | `0` keeps the optional meaning model from loading |

Plain dataclasses rather than pydantic-settings: six values need no validation framework,
and `sourcecheck extract` starts without importing pydantic.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from verifiers.web.archive import DEFAULT_AVAILABILITY_URL
from verifiers.web.fetcher import DEFAULT_USER_AGENT, FetchSettings
from verifiers.web.search import (
    DEFAULT_CROSSREF_URL,
    DEFAULT_OPENALEX_URL,
    CrossrefSearch,
    OpenAlexSearch,
    SearchProvider,
    SearxngSearch,
    trusted_endpoints,
)

__all__ = ["Settings", "offline_model_environment"]

_OFF = ("", "off", "none", "0", "false", "no")


@dataclass(frozen=True)
class Settings:
    """Everything a run is told from outside the library."""

    fetch: FetchSettings = field(default_factory=FetchSettings)
    # A web archive's availability API, read for sources that cannot be fetched live
    # (None: no archive fallback), and the Memento TimeGates asked after it.
    archive_url: str | None = DEFAULT_AVAILABILITY_URL
    memento_timegates: tuple[str, ...] = ()
    # Search services for references that name no page (None: not asked).
    search_url: str | None = None
    crossref_url: str | None = DEFAULT_CROSSREF_URL
    openalex_url: str | None = DEFAULT_OPENALEX_URL
    # Order claim evidence by meaning when the `semantic` extra is installed.
    semantic: bool = True

    @classmethod
    def from_environment(cls, environment: Mapping[str, str] | None = None) -> Settings:
        """The settings the environment gives (the process's own by default)."""
        env = os.environ if environment is None else environment
        timegates = env.get("SOURCECHECK_MEMENTO_TIMEGATES", "")
        return cls(
            fetch=FetchSettings(
                user_agent=env.get("SOURCECHECK_USER_AGENT", "").strip() or DEFAULT_USER_AGENT
            ),
            archive_url=env.get("SOURCECHECK_ARCHIVE_URL", "").strip() or DEFAULT_AVAILABILITY_URL,
            memento_timegates=tuple(p.strip() for p in timegates.split(",") if p.strip()),
            search_url=_unless_off(env.get("SOURCECHECK_SEARCH_URL", "")),
            crossref_url=_unless_off(env.get("SOURCECHECK_CROSSREF_URL", DEFAULT_CROSSREF_URL)),
            openalex_url=_unless_off(env.get("SOURCECHECK_OPENALEX_URL", DEFAULT_OPENALEX_URL)),
            semantic=env.get("SOURCECHECK_SEMANTIC", "1").strip().lower() not in _OFF,
        )

    def with_fetch(self, **changes: object) -> Settings:
        """These settings with some of the fetch settings changed."""
        return replace(self, fetch=replace(self.fetch, **changes))

    def switched(self, archive: bool = True, search: bool = True) -> Settings:
        """These settings with the archive fallback, or the search services, turned off
        where the run says so (`--no-archive`, `--no-search`)."""
        settings = self if archive else self.without_archive()
        return settings if search else settings.without_search()

    def without_archive(self) -> Settings:
        return replace(self, archive_url=None, memento_timegates=())

    def without_search(self) -> Settings:
        return replace(self, search_url=None, crossref_url=None, openalex_url=None)

    def providers(self) -> list[SearchProvider]:
        """The search services to ask, in order: SearXNG, then Crossref and OpenAlex."""
        providers: list[SearchProvider] = []
        if self.search_url:
            providers.append(SearxngSearch(self.search_url))
        if self.crossref_url:
            providers.append(CrossrefSearch(self.crossref_url))
        if self.openalex_url:
            providers.append(OpenAlexSearch(self.openalex_url))
        return providers

    def fetch_settings(self) -> FetchSettings:
        """The fetch settings, with the configured search services let through the
        private-address policy: they are set by whoever runs sourcecheck, not by the article."""
        trusted = self.fetch.trusted_hosts | trusted_endpoints(self.providers())
        return replace(self.fetch, trusted_hosts=trusted)


def offline_model_environment() -> None:
    """The meaning model ships inside its package: it must never be looked for online, nor
    draw progress bars (the Hugging Face libraries read these from the environment)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")


def _unless_off(value: str) -> str | None:
    value = value.strip()
    return None if value.lower() in _OFF else value
