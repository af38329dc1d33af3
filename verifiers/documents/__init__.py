"""Pages as text: decoding, HTML to text, PDF, metadata, bylines, walls.

`read_document` is the one way in: a fetched page becomes a `Document`.
"""

from verifiers.documents.decoding import decode_body
from verifiers.documents.document import Document, read_document

__all__ = ["Document", "decode_body", "read_document"]
