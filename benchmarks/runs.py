"""Wall time of whole `sourcecheck verify` runs, as a user starts them.

    .venv/bin/python benchmarks/runs.py [--repeat N]

Measures, each in a fresh state folder (SOURCECHECK_HOME) and a fresh PREFECT_HOME:
the bundled example's first run (which starts the Prefect server sourcecheck keeps and
creates its database), its repeated runs against that server, the same example with
SOURCECHECK_KEEP_SERVER=0 (Prefect's temporary server in every run), and a manifest of
200 references against a local HTTP server on 127.0.0.1. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.support.generated import serve_references, write_manifest  # noqa: E402
from tests.support.site import LocalSite  # noqa: E402

EXAMPLE = ["verify", "examples/manifest.yaml", "--replay", "examples/evidence.warc.gz"]


def run(arguments: list[str], environment: dict[str, str], report_dir: Path) -> float:
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "flows.cli", *arguments, "--report-dir", str(report_dir)],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )
    elapsed = time.perf_counter() - started
    if result.returncode not in (0, 1):
        raise SystemExit(f"run failed ({result.returncode}): {result.stderr}")
    return elapsed


def fresh_environment(state: Path, **extra: str) -> dict[str, str]:
    environment = {
        key: value for key, value in os.environ.items() if not key.startswith("PREFECT_")
    }
    (state / "prefect-client").mkdir(parents=True)
    environment.update(
        {
            "SOURCECHECK_HOME": str(state / "sourcecheck"),
            "PREFECT_HOME": str(state / "prefect-client"),
            **extra,
        }
    )
    return environment


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    repeat = parser.parse_args().repeat
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        state = Path(folder)
        kept = fresh_environment(state / "kept")
        try:
            rows.append(
                (
                    "example, first run (starts and sets up the kept server)",
                    run(EXAMPLE, kept, state / "out"),
                )
            )
            times = [run(EXAMPLE, kept, state / "out") for _ in range(repeat)]
            rows.append((f"example, repeated run (median of {repeat})", statistics.median(times)))
            with LocalSite() as site:
                manifest = write_manifest(state / "many.json", serve_references(site, 200))
                many = ["verify", str(manifest), "--allow-private-hosts"]
                rows.append(
                    (
                        "200 references, 400 quotations, local server",
                        run(many, kept, state / "many"),
                    )
                )
        finally:
            subprocess.run(
                [sys.executable, "-m", "flows.cli", "server", "stop"],
                env=kept,
                cwd=ROOT,
                capture_output=True,
            )
        temporary = fresh_environment(state / "temporary", SOURCECHECK_KEEP_SERVER="0")
        rows.append(
            (
                "example, SOURCECHECK_KEEP_SERVER=0, first run",
                run(EXAMPLE, temporary, state / "out"),
            )
        )
        rows.append(
            (
                "example, SOURCECHECK_KEEP_SERVER=0, repeated run",
                run(EXAMPLE, temporary, state / "out"),
            )
        )
    print("| run | wall time |\n| --- | ---: |")
    for name, seconds in rows:
        print(f"| {name} | {seconds:.2f} s |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
