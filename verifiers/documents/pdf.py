"""PDF sources: their text, page after page, and what their document information says."""

from __future__ import annotations

import io
import logging
import re

from pypdf import PdfReader
from pypdf.errors import PdfReadError

from verifiers.documents.metadata import normalise_date
from verifiers.errors import UnreadableSource
from verifiers.model import Metadata

__all__ = ["read_pdf"]

_PDF_DATE = re.compile(r"^D:(\d{4})(\d{2})?(\d{2})?")
# pypdf reports recoverable oddities of real-world PDFs on its logger; they are not ours.
logging.getLogger("pypdf").setLevel(logging.ERROR)


class UnreadablePDF(UnreadableSource):
    """The PDF is broken or encrypted beyond what can be read."""


def read_pdf(body: bytes) -> tuple[str, Metadata]:
    try:
        reader = PdfReader(io.BytesIO(body))
        if reader.is_encrypted:
            reader.decrypt("")
        pages = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata or {}
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as error:
        raise UnreadablePDF(f"the PDF could not be read ({error})") from None
    text = "\n\n".join(page.strip() for page in pages if page.strip())
    author = str(info.get("/Author") or "").strip()
    return text, Metadata(
        title=str(info.get("/Title") or "").strip() or None,
        authors=[name.strip() for name in re.split(r";|\band\b", author) if name.strip()],
        published=_pdf_date(str(info.get("/CreationDate") or "")),
    )


def _pdf_date(value: str) -> str | None:
    found = _PDF_DATE.match(value)
    if not found or not (found.group(2) and found.group(3)):
        return None
    return normalise_date(f"{found.group(1)}-{found.group(2)}-{found.group(3)}")
