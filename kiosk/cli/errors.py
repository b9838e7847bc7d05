"""Errors a command reports as one clear line, with the exit status they mean."""


class CommandError(Exception):
    """A failure to report without a traceback. status 2: usage; 1: refused or failed."""

    def __init__(self, message: str, status: int = 1) -> None:
        super().__init__(message)
        self.status = status


class UsageError(CommandError):
    def __init__(self, message: str) -> None:
        super().__init__(message, status=2)
