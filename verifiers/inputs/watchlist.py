"""Read and validate a watchlist: the articles and manifests to verify again and again.

```yaml
schedule: "0 6 * * *"          # default for `serve`
report_root: reports           # where history is kept
notify: ["json://127.0.0.1:9000/hook"]   # apprise URLs told when a verdict gets worse
entries:
  - https://example.org/essay
  - path: refs/smith.yaml
    tags: [politics]
```

A relative entry path is read from the watchlist's own folder; a relative report_root from
the current directory, as the CONTRACT says of its default.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from verifiers.errors import InputError
from verifiers.inputs.load import is_url
from verifiers.inputs.manifest import (
    non_empty_list,
    optional_text,
    parse_yaml,
    read_text_file,
    reject_unknown_keys,
    text_list,
)

__all__ = ["DEFAULT_SCHEDULE", "Entry", "Watchlist", "load_watchlist"]

DEFAULT_SCHEDULE = "0 6 * * *"
DEFAULT_REPORT_ROOT = "reports"
_KEYS = {"schedule", "report_root", "notify", "entries"}
_ENTRY_KEYS = {"path", "url", "tags"}


@dataclass(frozen=True)
class Entry:
    input: str  # a URL, or an absolute path to an article or a manifest
    written: str  # as the watchlist gives it: what names its history
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Watchlist:
    path: str
    entries: tuple[Entry, ...]
    report_root: Path
    schedule: str = DEFAULT_SCHEDULE
    notify: tuple[str, ...] = ()


def load_watchlist(path: str, report_root: str | None = None) -> Watchlist:
    """The watchlist at `path`; `report_root` (from the command line) overrides its own."""
    data = parse_yaml(path, read_text_file(path))
    if not isinstance(data, dict):
        raise InputError(path, "a watchlist must be a mapping with an 'entries' list")
    reject_unknown_keys(path, "", data, _KEYS)
    entries = non_empty_list(path, "entries", data.get("entries"))
    folder = Path(path).resolve().parent
    return Watchlist(
        path=path,
        entries=tuple(_entry(path, folder, index, item) for index, item in enumerate(entries)),
        report_root=Path(
            report_root
            or optional_text(path, "report_root", data.get("report_root"))
            or DEFAULT_REPORT_ROOT
        ).resolve(),
        schedule=optional_text(path, "schedule", data.get("schedule")) or DEFAULT_SCHEDULE,
        notify=tuple(text_list(path, "", "notify", data.get("notify"))),
    )


def _entry(path: str, folder: Path, index: int, item: Any) -> Entry:
    where = f"entries[{index}]"
    tags: tuple[str, ...] = ()
    if isinstance(item, dict):
        reject_unknown_keys(path, f"{where}: ", item, _ENTRY_KEYS)
        tags = tuple(text_list(path, where, "tags", item.get("tags")))
        item = item.get("path") or item.get("url")
    if not isinstance(item, str) or not item.strip():
        raise InputError(path, f"{where}: must be a URL, a file path, or a mapping with 'path'")
    written = item.strip()
    if is_url(written):
        return Entry(written, written, tags)
    located = (folder / written).resolve()
    if not located.is_file():
        raise InputError(path, f"{where}: {written}: no such file")
    return Entry(str(located), written, tags)
