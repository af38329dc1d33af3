"""Test-session set-up: a private Prefect server, and a local web site to fetch from.

Every test that runs a flow (in process or through the `sourcecheck` command) talks to one
Prefect server started here, on 127.0.0.1, with its own PREFECT_HOME; it is stopped when
the session ends. The environment is set before any test module imports Prefect.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from flows.prefect_server import api_url, free_port, launch_prefect_server, wait_until_healthy
from tests.support.site import LocalSite

_SERVER_STARTUP_SECONDS = 180
_state: dict[str, object] = {}


def pytest_configure(config: pytest.Config) -> None:
    if hasattr(config, "workerinput"):
        return
    home = Path(tempfile.mkdtemp(prefix="sourcecheck-tests-"))
    _state["home"] = home
    os.environ.update(
        {
            "SOURCECHECK_HOME": str(home / "sourcecheck"),
            "DO_NOT_TRACK": "1",
            "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
            "PREFECT_LOGGING_LEVEL": "ERROR",
            "PREFECT_INTERNAL_LOGGING_LEVEL": "ERROR",
            # No test may reach the real web archive; those that test the fallback set
            # their own local stand-in.
            "SOURCECHECK_ARCHIVE_URL": "http://127.0.0.1:9/wayback/available",
            # Nor any real search service; the tests of search bring their own.
            "SOURCECHECK_CROSSREF_URL": "off",
            "SOURCECHECK_OPENALEX_URL": "off",
        }
    )
    os.environ.pop("SOURCECHECK_SEARCH_URL", None)
    if os.environ.get("PREFECT_API_URL"):
        return
    port = free_port()
    log = (home / "prefect-server.log").open("wb")
    _state["server"] = launch_prefect_server(
        port, home / "prefect", stdout=log, stderr=subprocess.STDOUT
    )
    url = api_url(port)
    if not wait_until_healthy(url, _SERVER_STARTUP_SECONDS):
        pytest.exit(f"the test Prefect server did not start; see {home}/prefect-server.log", 3)
    os.environ["PREFECT_API_URL"] = url


def pytest_unconfigure(config: pytest.Config) -> None:
    server = _state.get("server")
    if isinstance(server, subprocess.Popen):
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
    home = _state.get("home")
    if isinstance(home, Path):
        shutil.rmtree(home, ignore_errors=True)


@pytest.fixture
def site():
    """A real HTTP server on 127.0.0.1 serving the pages a test gives it."""
    with LocalSite() as local_site:
        yield local_site
