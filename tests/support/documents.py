"""Documents made from plain text, for tests of the pure matching code."""

from verifiers.documents import Document
from verifiers.language.folding import WordIndex
from verifiers.model import Metadata


def document(text: str, url: str = "https://source.example.org/page") -> Document:
    return Document(url=url, text=text, metadata=Metadata(), index=WordIndex(text))
