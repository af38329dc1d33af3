"""Pages as text: decoding, HTML to text, PDF, metadata, bylines, walls.

`read_document` is the one way in: a fetched page becomes a `Document`.
"""

from verifiers.documents.decoding import decode_body
from verifiers.documents.document import Document, Source, read_document, read_source

__all__ = ["Document", "Source", "decode_body", "read_document", "read_source"]
