"""The errors sourcecheck raises on purpose, as one family; anything else is a bug.

Only `InputError` leaves the library: bad input is the user's to fix (exit status 2). The
others stay inside a run and become a source's `error`, so that one bad source never costs
the results of the others.
"""

__all__ = ["FetchError", "InputError", "RefusedURL", "SourcecheckError", "UnreadableSource"]


class SourcecheckError(Exception):
    """Base class of sourcecheck's own errors."""


class InputError(SourcecheckError):
    """Bad input: the command exits 2 and writes nothing.

    The message is one line that names the file and the problem.
    """

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class RefusedURL(SourcecheckError):
    """A URL or address the fetch policy does not let a request reach."""


class FetchError(SourcecheckError):
    """A fetch that cannot succeed; its message is shown as the source's error."""


class UnreadableSource(SourcecheckError):
    """A fetched source whose content cannot be read; the message says why."""
