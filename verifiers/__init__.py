"""sourcecheck's library: every step of checking quotations against their sources.

    from verifiers import verify
    report = verify("examples/manifest.yaml", replay="examples/evidence.warc.gz")

Nothing here imports Prefect, so each step is a plain function that a test, a notebook or
another orchestrator can call; verifiers.pipeline holds the run itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__all__ = ["InputError", "Settings", "averify", "verify"]

if TYPE_CHECKING:
    from verifiers.errors import InputError
    from verifiers.pipeline import averify, verify
    from verifiers.settings import Settings

_HOMES = {
    "InputError": "verifiers.errors",
    "Settings": "verifiers.settings",
    "averify": "verifiers.pipeline",
    "verify": "verifiers.pipeline",
}


def __getattr__(name: str):
    """The public names, imported on first use: `import verifiers.language` stays light."""
    if name not in _HOMES:
        raise AttributeError(f"module 'verifiers' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(_HOMES[name]), name)
