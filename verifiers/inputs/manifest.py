"""Read and validate a reference manifest (YAML, JSON or TOML).

Every problem becomes an `InputError` whose one-line message names the file, the
reference and the field, so a user can fix the manifest without reading a traceback.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tomllib
from pathlib import Path
from typing import Any

import yaml

from verifiers.errors import InputError
from verifiers.model import Manifest, Reference
from verifiers.report.slug import slugify

__all__ = [
    "is_manifest_path",
    "load_manifest",
    "non_empty_list",
    "optional_text",
    "parse_yaml",
    "read_input_file",
    "read_text_file",
    "reject_unknown_keys",
    "text_list",
    "validate_manifest",
]

MANIFEST_SUFFIXES = (".yaml", ".yml", ".json", ".toml")
_TOP_LEVEL_KEYS = {"article", "references"}
_ARTICLE_KEYS = {"title", "url"}
_REFERENCE_KEYS = {
    "id",
    "cite",
    "authors",
    "speakers",
    "publisher",
    "date",
    "urls",
    "candidates",
    "quotes",
    "claims",
}
_DATE_RE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
# Derived ids stay short enough to read in a report's table.
_MAX_DERIVED_ID_LENGTH = 40


def is_manifest_path(path: str) -> bool:
    return path.lower().endswith(MANIFEST_SUFFIXES)


def load_manifest(path: str) -> Manifest:
    """Parse and validate the manifest at `path`; raise `InputError` on any problem."""
    data = _parse(path, read_text_file(path))
    return validate_manifest(path, data)


def read_input_file(path: str) -> bytes:
    """The bytes of an input file, or an `InputError` saying why there are none."""
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except OSError as error:
        raise InputError(path, f"cannot be read ({error.strerror or error})") from None


def read_text_file(path: str) -> str:
    """An input file's UTF-8 text, or an `InputError` saying why there is none."""
    try:
        return read_input_file(path).decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(path, f"is not UTF-8 text (byte {error.start})") from None


def parse_yaml(path: str, text: str) -> Any:
    """YAML read with the safe loader; a syntax error names its line."""
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise InputError(path, f"invalid YAML{where}: {problem}") from None


def _parse(path: str, text: str) -> Any:
    suffix = Path(path).suffix.lower()
    try:
        if suffix == ".json":
            return json.loads(text)
        if suffix == ".toml":
            return tomllib.loads(text)
        if suffix in (".yaml", ".yml"):
            return parse_yaml(path, text)
    except json.JSONDecodeError as error:
        raise InputError(path, f"invalid JSON at line {error.lineno}: {error.msg}") from None
    except tomllib.TOMLDecodeError as error:
        raise InputError(path, f"invalid TOML: {error}") from None
    raise InputError(path, f"unknown manifest type {suffix!r} (use .yaml, .yml, .json or .toml)")


def validate_manifest(path: str, data: Any) -> Manifest:
    """A `Manifest` from parsed manifest data; `path` names its origin in error messages."""
    if not isinstance(data, dict):
        raise InputError(path, "a manifest must be a mapping with a 'references' list")
    reject_unknown_keys(path, "", data, _TOP_LEVEL_KEYS)
    article = data.get("article") or {}
    if not isinstance(article, dict):
        raise InputError(path, "article: must be a mapping with 'title' and 'url'")
    reject_unknown_keys(path, "article: ", article, _ARTICLE_KEYS)
    references = non_empty_list(path, "references", data.get("references"))
    parsed = [_reference(path, index, item) for index, item in enumerate(references)]
    return Manifest(
        path=path,
        references=tuple(_with_unique_ids(path, parsed)),
        article_title=optional_text(path, "article: title", article.get("title")),
        article_url=optional_text(path, "article: url", article.get("url")),
    )


def non_empty_list(path: str, key: str, value: Any) -> list:
    """A top-level list that must hold something: a manifest's references, a watchlist's
    entries."""
    if not isinstance(value, list) or not value:
        raise InputError(path, f"{key}: must be a non-empty list")
    return value


def _reference(path: str, index: int, item: Any) -> Reference:
    where = f"references[{index}]"
    if not isinstance(item, dict):
        raise InputError(path, f"{where}: must be a mapping")
    if isinstance(item.get("id"), str) and item["id"].strip():
        where = f"{where} ({item['id'].strip()})"
    reject_unknown_keys(path, f"{where}: ", item, _REFERENCE_KEYS)
    urls = text_list(path, where, "urls", item.get("urls"))
    candidates = text_list(path, where, "candidates", item.get("candidates"))
    cite = optional_text(path, f"{where}: cite", item.get("cite"))
    ref_id = optional_text(path, f"{where}: id", item.get("id"))
    if not cite and not ref_id and not urls:
        raise InputError(path, f"{where}: needs at least one of 'cite', 'id' or 'urls'")
    quotes = text_list(path, where, "quotes", item.get("quotes"))
    claims = text_list(path, where, "claims", item.get("claims"))
    if not quotes and not claims:
        raise InputError(path, f"{where}: has neither 'quotes' nor 'claims' to check")
    return Reference(
        id=ref_id or "",
        cite=cite or ref_id or urls[0],
        authors=tuple(text_list(path, where, "authors", item.get("authors"))),
        speakers=tuple(text_list(path, where, "speakers", item.get("speakers"))),
        publisher=optional_text(path, f"{where}: publisher", item.get("publisher")),
        date=_date(path, where, item.get("date")),
        urls=tuple(urls),
        candidates=tuple(url for url in candidates if url not in urls),
        quotes=tuple(quotes),
        claims=tuple(claims),
    )


def _with_unique_ids(path: str, references: list[Reference]) -> list[Reference]:
    """Derive missing ids from the citation; refuse ids given twice."""
    given = [ref.id for ref in references if ref.id]
    duplicates = sorted({ref_id for ref_id in given if given.count(ref_id) > 1})
    if duplicates:
        raise InputError(path, f"references: id {duplicates[0]!r} is used more than once")
    taken = set(given)
    result = []
    for ref in references:
        if not ref.id:
            base = slugify(ref.cite, max_length=_MAX_DERIVED_ID_LENGTH) or "reference"
            candidate, counter = base, 2
            while candidate in taken:
                candidate, counter = f"{base}-{counter}", counter + 1
            taken.add(candidate)
            ref = Reference(**{**ref.__dict__, "id": candidate})
        result.append(ref)
    return result


def reject_unknown_keys(path: str, where: str, mapping: dict, allowed: set[str]) -> None:
    unknown = sorted(str(key) for key in mapping if key not in allowed)
    if unknown:
        expected = ", ".join(sorted(allowed))
        raise InputError(path, f"{where}unknown field {unknown[0]!r} (expected one of: {expected})")


def optional_text(path: str, where: str, value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(path, f"{where}: must be text, not {_type_name(value)}")
    return value.strip() or None


def text_list(path: str, where: str, field_name: str, value: Any) -> list[str]:
    """A list of non-empty texts (one text alone counts as a list of one)."""
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    prefix = f"{where}: " if where else ""
    if not isinstance(value, list):
        raise InputError(path, f"{prefix}{field_name}: must be a list of text")
    items = []
    for index, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            raise InputError(path, f"{prefix}{field_name}[{index}]: must be non-empty text")
        items.append(item.strip())
    return items


def _date(path: str, where: str, value: Any) -> str | None:
    """Accept YYYY, YYYY-MM or YYYY-MM-DD, however the file format typed it."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if isinstance(value, str) and _DATE_RE.match(value.strip()):
        if len(value.strip()) == 10:
            try:
                dt.date.fromisoformat(value.strip())
            except ValueError:
                raise InputError(path, f"{where}: date: {value!r} is not a calendar date") from None
        return value.strip()
    raise InputError(path, f"{where}: date: must be YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}")


def _type_name(value: Any) -> str:
    return {list: "a list", dict: "a mapping", bool: "true/false"}.get(
        type(value), type(value).__name__
    )
