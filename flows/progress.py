"""A progress display on stderr while sources are fetched; silent when stderr is no terminal."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn


@contextmanager
def fetch_progress(total: int) -> Iterator[Callable[[str], None]]:
    """Yield a function to call once per finished source, with its URL."""
    if not sys.stderr.isatty() or total == 0:
        yield lambda url: None
        return
    console = Console(stderr=True)
    columns = (
        TextColumn("fetching sources"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}", style="dim"),
    )
    with Progress(*columns, console=console, transient=True) as progress:
        task_id = progress.add_task("", total=total)

        def advance(url: str) -> None:
            progress.update(task_id, advance=1, description=url[-60:])

        yield advance
