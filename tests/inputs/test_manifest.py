"""Manifests in YAML, JSON and TOML; every mistake named by file, reference and field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from verifiers.errors import InputError
from verifiers.inputs.manifest import load_manifest

YAML = """
article:
  title: An essay
  url: https://example.org/essay
references:
  - id: smith-2022
    cite: "Jane Smith, The Quarterly, Spring 2022"
    authors: [Jane Smith]
    publisher: The Quarterly
    date: 2022-03
    urls: [https://example.org/quarterly/smith]
    quotes: ["the talks had reached a tentative outline"]
    claims: ["the negotiators were close to an agreement"]
  - cite: "Ministry statement, 4 May 2022"
    date: 2022-05-04
    urls: https://example.org/statement
    quotes: ["we will not comment"]
"""


def write(tmp_path: Path, name: str, content: str) -> str:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return str(path)


def test_yaml_manifest(tmp_path: Path) -> None:
    manifest = load_manifest(write(tmp_path, "refs.yaml", YAML))
    first, second = manifest.references
    assert manifest.article_title == "An essay"
    assert first.id == "smith-2022" and first.date == "2022-03"
    assert first.authors == ("Jane Smith",) and first.publisher == "The Quarterly"
    assert first.claims == ("the negotiators were close to an agreement",)
    assert second.id == "ministry-statement-4-may-2022"
    assert second.date == "2022-05-04"  # YAML typed it as a date
    assert second.urls == ("https://example.org/statement",)


def test_json_and_toml_hold_the_same_structure(tmp_path: Path) -> None:
    data = {
        "references": [{"cite": "A", "date": 2022, "urls": ["https://a.example/"], "quotes": ["q"]}]
    }
    from_json = load_manifest(write(tmp_path, "refs.json", json.dumps(data)))
    toml = (
        '[[references]]\ncite = "A"\ndate = 2022\nurls = ["https://a.example/"]\nquotes = ["q"]\n'
    )
    from_toml = load_manifest(write(tmp_path, "refs.toml", toml))
    assert from_json.references == from_toml.references
    assert from_json.references[0].date == "2022"


def test_duplicate_derived_ids_get_suffixes(tmp_path: Path) -> None:
    text = "references:\n" + "  - {cite: Same, quotes: [q], urls: [https://a.example/]}\n" * 3
    ids = [ref.id for ref in load_manifest(write(tmp_path, "r.yaml", text)).references]
    assert ids == ["same", "same-2", "same-3"]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("r.yaml", "references: [", "r.yaml: invalid YAML at line 1"),
        ("r.json", "{", "r.json: invalid JSON at line 1"),
        ("r.toml", "references = [", "r.toml: invalid TOML"),
        ("r.yaml", "- just a list", "r.yaml: a manifest must be a mapping"),
        ("r.yaml", "references: []", "r.yaml: references: must be a non-empty list"),
        ("r.yaml", "refrences: []", "r.yaml: unknown field 'refrences'"),
        (
            "r.yaml",
            "references:\n  - id: x\n    quote: [a]\n",
            "r.yaml: references[0] (x): unknown field 'quote'",
        ),
        (
            "r.yaml",
            "references:\n  - id: x\n    quotes: [1]\n",
            "r.yaml: references[0] (x): quotes[0]: must be non-empty text",
        ),
        (
            "r.yaml",
            "references:\n  - id: x\n    quotes: ['']\n",
            "r.yaml: references[0] (x): quotes[0]: must be non-empty text",
        ),
        (
            "r.yaml",
            "references:\n  - id: x\n    date: March 2022\n    quotes: [a]\n",
            "r.yaml: references[0] (x): date: must be YYYY, YYYY-MM or YYYY-MM-DD",
        ),
        ("r.yaml", "references:\n  - id: x\n", "r.yaml: references[0] (x): has neither"),
        (
            "r.yaml",
            "references:\n  - id: x\n    date: '2022-02-30'\n    quotes: [a]\n",
            "r.yaml: references[0] (x): date: '2022-02-30' is not a calendar date",
        ),
        (
            "r.yaml",
            "references:\n  - quotes: [a]\n",
            "r.yaml: references[0]: needs at least one of 'cite', 'id' or 'urls'",
        ),
        (
            "r.yaml",
            "references:\n  - {id: x, quotes: [a]}\n  - {id: x, quotes: [b]}\n",
            "r.yaml: references: id 'x' is used more than once",
        ),
        (
            "r.yaml",
            "references:\n  - {id: x, publisher: [A], quotes: [a]}\n",
            "r.yaml: references[0] (x): publisher: must be text, not a list",
        ),
        ("r.yaml", "!!python/object/apply:os.system ['true']", "r.yaml: invalid YAML"),
    ],
)
def test_invalid_manifests_name_file_reference_and_field(
    tmp_path: Path, name: str, content: str, message: str
) -> None:
    path = write(tmp_path, name, content)
    with pytest.raises(InputError) as raised:
        load_manifest(path)
    text = str(raised.value)
    assert text.startswith(str(tmp_path)), text
    assert message in text
    assert "\n" not in text


def test_missing_and_undecodable_files(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load_manifest(str(tmp_path / "absent.yaml"))
    path = tmp_path / "latin.yaml"
    path.write_bytes("references: [caf\xe9]".encode("latin-1"))
    with pytest.raises(InputError, match="is not UTF-8 text"):
        load_manifest(str(path))
