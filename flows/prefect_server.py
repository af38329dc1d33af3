"""The Prefect server that sourcecheck keeps running between runs, on 127.0.0.1.

Prefect 3 needs an API server. Its temporary one costs 6-8 s at every run; a server that
is already running costs nothing. So, unless PREFECT_API_URL names a server (a team's
own), the first run starts one in the background and later runs reuse it. It stops by
itself after an idle hour (SOURCECHECK_SERVER_IDLE_MINUTES), or with `sourcecheck server
stop`. SOURCECHECK_KEEP_SERVER=0 keeps nothing running: each run then pays for Prefect's
temporary server instead.

State lives in SOURCECHECK_HOME (default ~/.local/state/sourcecheck): `server.json` (the
supervisor's pid, the port, the API URL), the server's database under `prefect/`, and
`server.log`.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import json
import logging
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

STARTUP_TIMEOUT_SECONDS = 90.0
_HEALTH_TIMEOUT_SECONDS = 2.0
_IDLE_CHECK_SECONDS = 15.0
_DEFAULT_IDLE_MINUTES = 60.0


# How often a serving process tells the kept server it is still in use.
_KEEP_AWAKE_SECONDS = 30


def state_dir() -> Path:
    """SOURCECHECK_HOME, or ~/.local/state/sourcecheck, or (no writable home) a temp folder."""
    configured = os.environ.get("SOURCECHECK_HOME")
    base = Path(configured) if configured else Path.home() / ".local" / "state" / "sourcecheck"
    try:
        base.mkdir(parents=True, exist_ok=True)
    except OSError:
        if configured:
            raise
        base = Path(tempfile.gettempdir()) / f"sourcecheck-{os.getuid()}"
        base.mkdir(parents=True, exist_ok=True)
    return base


def quiet_prefect_environment() -> None:
    """Defaults that keep Prefect's telemetry and chatter away from users (overridable)."""
    os.environ.setdefault("DO_NOT_TRACK", "1")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "ERROR")
    os.environ.setdefault("PREFECT_INTERNAL_LOGGING_LEVEL", "ERROR")
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90")
    # Prefect's background services log their shutdown drain on loggers named after the
    # service class, outside the "prefect" hierarchy.
    for service in ("EventsWorker", "APILogWorker"):
        logging.getLogger(service).setLevel(logging.ERROR)


def ensure_api() -> str | None:
    """Point this process at a running Prefect API; return its URL (None: temporary server)."""
    if os.environ.get("PREFECT_API_URL"):
        return os.environ["PREFECT_API_URL"]
    if os.environ.get("SOURCECHECK_KEEP_SERVER", "1").strip().lower() in {"0", "false", "no"}:
        return None
    home = state_dir()
    try:
        with _locked(home / "server.lock"):
            url = running_server_url(home)
            if url is None:
                url = _start_server(home)
    except (OSError, RuntimeError) as error:
        print(
            f"sourcecheck: no local Prefect server ({error}); using a temporary one",
            file=sys.stderr,
        )
        return None
    (home / "last-used").touch()
    os.environ["PREFECT_API_URL"] = url
    return url


def running_server_url(home: Path) -> str | None:
    try:
        state = json.loads((home / "server.json").read_text())
    except (OSError, ValueError):
        return None
    url = state.get("url")
    return url if url and _healthy(url) else None


def stop_server(home: Path) -> bool:
    """Stop the kept server; False when none was running."""
    try:
        state = json.loads((home / "server.json").read_text())
        os.kill(int(state["pid"]), signal.SIGTERM)
    except (OSError, ValueError, KeyError):
        return False
    deadline = time.monotonic() + 30
    while (home / "server.json").exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    return True


def _start_server(home: Path) -> str:
    port = free_port()
    log = (home / "server.log").open("ab")
    subprocess.Popen(
        [sys.executable, "-m", "flows.prefect_server", "--port", str(port), "--home", str(home)],
        stdin=subprocess.DEVNULL,
        stdout=log,
        stderr=log,
        start_new_session=True,
    )
    url = api_url(port)
    if not wait_until_healthy(url, STARTUP_TIMEOUT_SECONDS):
        raise RuntimeError(
            f"the local Prefect server did not start within {STARTUP_TIMEOUT_SECONDS:g} s "
            f"(see {home / 'server.log'})"
        )
    return url


def launch_prefect_server(port: int, prefect_home: Path, **popen_options) -> subprocess.Popen:
    """`prefect server start` on 127.0.0.1:port with its own home, telemetry off."""
    environment = {
        **os.environ,
        "PREFECT_HOME": str(prefect_home),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "DO_NOT_TRACK": "1",
    }
    environment.pop("PREFECT_API_URL", None)
    command = [
        sys.executable,
        "-m",
        "prefect",
        "server",
        "start",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
    ]
    return subprocess.Popen(command, stdin=subprocess.DEVNULL, env=environment, **popen_options)


def wait_until_healthy(url: str, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if _healthy(url):
            return True
        time.sleep(0.1)
    return False


def api_url(port: int) -> str:
    return f"http://127.0.0.1:{port}/api"


def _healthy(url: str) -> bool:
    try:
        return httpx.get(f"{url}/health", timeout=_HEALTH_TIMEOUT_SECONDS).status_code == 200
    except httpx.HTTPError:
        return False


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    with path.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _supervise(port: int, home: Path, idle_minutes: float) -> int:
    """Run `prefect server start` until it has been idle too long, or is told to stop."""
    server = launch_prefect_server(port, home / "prefect")
    state_file = home / "server.json"
    state_file.write_text(json.dumps({"pid": os.getpid(), "port": port, "url": api_url(port)}))
    # SystemExit interrupts the idle check's sleep at once; `finally` stops the server.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    signal.signal(signal.SIGINT, lambda *_: sys.exit(0))
    started = time.time()
    try:
        while server.poll() is None:
            last_used = max(started, _mtime(home / "last-used"))
            if time.time() - last_used > idle_minutes * 60:
                break
            time.sleep(_IDLE_CHECK_SECONDS)
    finally:
        if server.poll() is None:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
        state_file.unlink(missing_ok=True)
    return 0


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description="Supervise sourcecheck's local Prefect server.")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--home", type=Path, required=True)
    parser.add_argument(
        "--idle-minutes",
        type=float,
        default=float(os.environ.get("SOURCECHECK_SERVER_IDLE_MINUTES", _DEFAULT_IDLE_MINUTES)),
    )
    arguments = parser.parse_args()
    return _supervise(arguments.port, arguments.home, arguments.idle_minutes)


if __name__ == "__main__":
    sys.exit(main())


@contextlib.contextmanager
def server_for_serving() -> Iterator[str]:
    """A Prefect server that can schedule: $PREFECT_API_URL if set, else the kept local
    server — started here if none runs, kept from going idle while serving, and stopped
    on the way out when it was started here."""
    if os.environ.get("PREFECT_API_URL"):
        yield os.environ["PREFECT_API_URL"]
        return
    home = state_dir()
    with _locked(home / "server.lock"):
        url = running_server_url(home)
        started = url is None
        if started:
            url = _start_server(home)
    os.environ["PREFECT_API_URL"] = url
    serving = threading.Event()

    def keep_awake() -> None:
        while not serving.wait(_KEEP_AWAKE_SECONDS):
            (home / "last-used").touch()

    keeper = threading.Thread(target=keep_awake, daemon=True)
    keeper.start()
    try:
        yield url
    finally:
        serving.set()
        if started:
            stop_server(home)
