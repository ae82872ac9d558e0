"""The one exception hierarchy of edukg.

Library code raises these; only the CLI prints them and picks the exit code.
Every error carries a message that says what is wrong and how to fix it.

>>> try:
...     raise InputError("cannot read x.ttl", hint="check the path")
... except EdukgError as error:
...     print(error)
cannot read x.ttl
  hint: check the path
"""

from __future__ import annotations

from dataclasses import dataclass


class EdukgError(Exception):
    """Base class of every error edukg raises on purpose.

    Attributes:
        exit_code: the process exit code the CLI uses for this error.
        hint: a sentence telling the user how to fix it, or ``None``.
    """

    exit_code = 2

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        if self.hint:
            return f"{self.message}\n  hint: {self.hint}"
        return self.message


class ConfigError(EdukgError):
    """A setting (store location, base IRI, option value) is unusable."""


class StoreError(EdukgError):
    """The store cannot be opened or written (locked, missing, corrupt)."""


class QueryError(EdukgError):
    """A SPARQL query is malformed, fails, or runs past its time limit."""


@dataclass(frozen=True)
class Problem:
    """One problem found in an input, with its exact place.

    ``line`` and ``column`` are 1-based; ``sheet`` and ``cell`` are used for
    spreadsheets instead. ``severity`` is ``"error"`` or ``"warning"``.
    ``code`` names the kind of problem (``ror-no-country``) where a loader
    gives one; :attr:`kind` falls back to the message, which names the kind
    well enough for grouping because values are kept apart in ``value``.

    >>> Problem("a.csv", "unknown country", line=3, value="Atlantis").kind
    'unknown country'
    >>> Problem("a.json", "no country", code="ror-no-country").kind
    'ror-no-country'
    """

    file: str
    message: str
    line: int | None = None
    column: int | str | None = None
    value: str | None = None
    hint: str | None = None
    sheet: str | None = None
    cell: str | None = None
    severity: str = "error"
    code: str | None = None

    @property
    def kind(self) -> str:
        """What groups this problem with others of its kind: its code, else its message."""
        return self.code or self.message

    @property
    def place(self) -> str:
        """``file:line:column`` or ``file[sheet]!cell``, as far as known."""
        place = self.file
        if self.sheet is not None:
            place += f"[{self.sheet}]"
            if self.cell is not None:
                place += f"!{self.cell}"
        if self.line is not None:
            place += f":{self.line}"
            if self.column is not None:
                place += f":{self.column}"
        elif self.column is not None and self.cell is None:
            place += f": column {self.column}"
        return place

    def __str__(self) -> str:
        text = f"{self.place}: {self.severity}: {self.message}"
        if self.value is not None:
            text += f" (value: {self.value!r})"
        if self.hint:
            text += f"\n  hint: {self.hint}"
        return text

    def as_dict(self) -> dict[str, object]:
        """The problem as a flat dictionary, for CSV and JSON reports."""
        return {
            "severity": self.severity,
            "file": self.file,
            "sheet": self.sheet,
            "cell": self.cell,
            "line": self.line,
            "column": self.column,
            "value": self.value,
            "message": self.message,
            "hint": self.hint,
            "code": self.code,
        }


class InputError(EdukgError):
    """Input files are missing, unreadable or malformed.

    Carries every problem found, so users can fix a whole file in one pass.
    Nothing is written to the store when this is raised.
    """

    exit_code = 1

    def __init__(
        self, message: str, *, problems: list[Problem] | None = None, hint: str | None = None
    ) -> None:
        super().__init__(message, hint=hint)
        self.problems: list[Problem] = list(problems or [])

    def __str__(self) -> str:
        lines = [self.message]
        lines.extend(str(problem) for problem in self.problems)
        if self.hint:
            lines.append(f"  hint: {self.hint}")
        return "\n".join(lines)

