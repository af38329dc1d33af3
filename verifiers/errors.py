"""The errors sourcecheck raises on purpose; anything else is a bug."""


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


class UnreadableSource(SourcecheckError):
    """A fetched source whose content cannot be read; the message says why."""
