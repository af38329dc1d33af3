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

import yaml

from verifiers.errors import InputError
from verifiers.inputs.load import is_url
from verifiers.inputs.manifest import read_input_file

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
    try:
        data = yaml.safe_load(read_input_file(path).decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InputError(path, "is not UTF-8 text") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise InputError(path, f"invalid YAML{where}: {getattr(error, 'problem', error)}") from None
    if not isinstance(data, dict):
        raise InputError(path, "a watchlist must be a mapping with an 'entries' list")
    unknown = sorted(str(key) for key in data if key not in _KEYS)
    if unknown:
        raise InputError(
            path, f"unknown field {unknown[0]!r} (expected one of: {', '.join(sorted(_KEYS))})"
        )
    entries = data.get("entries")
    if not isinstance(entries, list) or not entries:
        raise InputError(path, "entries: must be a non-empty list")
    folder = Path(path).resolve().parent
    return Watchlist(
        path=path,
        entries=tuple(_entry(path, folder, index, item) for index, item in enumerate(entries)),
        report_root=Path(
            report_root
            or _text(path, "report_root", data.get("report_root"))
            or DEFAULT_REPORT_ROOT
        ).resolve(),
        schedule=_text(path, "schedule", data.get("schedule")) or DEFAULT_SCHEDULE,
        notify=tuple(_texts(path, "notify", data.get("notify"))),
    )


def _entry(path: str, folder: Path, index: int, item: Any) -> Entry:
    where = f"entries[{index}]"
    tags: tuple[str, ...] = ()
    if isinstance(item, dict):
        unknown = sorted(str(key) for key in item if key not in _ENTRY_KEYS)
        if unknown:
            raise InputError(
                path, f"{where}: unknown field {unknown[0]!r} (expected path or url, tags)"
            )
        tags = tuple(_texts(path, f"{where}: tags", item.get("tags")))
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


def _text(path: str, where: str, value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(path, f"{where}: must be text")
    return value.strip() or None


def _texts(path: str, where: str, value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise InputError(path, f"{where}: must be a list of text")
    return [v.strip() for v in value]
