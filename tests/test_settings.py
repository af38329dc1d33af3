"""The settings a run is given: the environment's, with the command line's switches."""

from __future__ import annotations

from verifiers.settings import Settings

ENVIRONMENT = {
    "SOURCECHECK_SEARCH_URL": "https://search.example/search",
    "SOURCECHECK_MEMENTO_TIMEGATES": "https://gate.example/timegate/",
}


def test_switches_turn_off_the_archive_and_the_search_services() -> None:
    settings = Settings.from_environment(ENVIRONMENT)
    assert settings.switched() == settings
    archive_off = settings.switched(archive=False)
    assert archive_off.archive_url is None and archive_off.memento_timegates == ()
    assert archive_off.providers() == settings.providers()
    search_off = settings.switched(search=False)
    assert search_off.providers() == [] and search_off.archive_url == settings.archive_url
    assert settings.switched(False, False) == settings.without_archive().without_search()
