"""Names of people and bodies in running text."""

from __future__ import annotations

from verifiers.language.names import find_names


def test_names_keep_roles_apart_and_split_lists() -> None:
    names = find_names(
        "European Commission President Ursula von der Leyen met Fiona Hill and Angela Stent"
    )
    assert [(n.name, n.kind) for n in names] == [
        ("Ursula von der Leyen", "person"),
        ("Fiona Hill", "person"),
        ("Angela Stent", "person"),
    ]
