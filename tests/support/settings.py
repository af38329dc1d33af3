"""Settings for runs against this test session's local servers."""

from __future__ import annotations

from verifiers.settings import Settings


def local_settings(**fetch: object) -> Settings:
    """The environment's settings (conftest points the archive and search away from the
    web), fetching from private addresses such as 127.0.0.1."""
    return Settings.from_environment().with_fetch(allow_private_hosts=True, **fetch)
