"""Settings for runs against this test session's local servers."""

from __future__ import annotations

from dataclasses import replace

from verifiers.settings import Settings
from verifiers.web.fetcher import FetchSettings


def local_settings(**fetch: object) -> Settings:
    """The environment's settings (conftest points the archive and search away from the
    web), fetching from private addresses such as 127.0.0.1."""
    return replace(
        Settings.from_environment(), fetch=FetchSettings(allow_private_hosts=True, **fetch)
    )
