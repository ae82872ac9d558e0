"""What every loader shares: the load context, problem collection, reading bytes."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from edukg.core.errors import Problem

if TYPE_CHECKING:
    from edukg.graph.store import KnowledgeGraph


@dataclass
class LoadContext:
    """What a loader may know while it reads one file.

    ``kg`` is the store being loaded into (for look-ups of what it already
    holds); loaders never write to it. Problems go to ``problems``.
    ``session`` is what the files of one load share (register loaders keep
    their :class:`~edukg.loaders.session.RegisterSession` there);
    ``progress(description, done, total)``, when set, is told how far a long
    file has got.
    """

    source_name: str
    base_iri: str
    kg: KnowledgeGraph | None = None
    options: dict[str, object] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    session: Any = None
    progress: Callable[[str, int, int], None] | None = None


class ProblemCollector:
    """Collects the problems of one file into its :class:`LoadContext`."""

    def __init__(self, file: str, context: LoadContext) -> None:
        self.file = file
        self.context = context
        self.warnings: list[Problem] = []

    def error(self, message: str, **place: object) -> None:
        """Record an error: the load will not be written."""
        self.context.problems.append(Problem(self.file, message, **place))  # type: ignore[arg-type]

    def warning(self, message: str, **place: object) -> None:
        """Record a warning: printed, but the load goes on."""
        problem = Problem(self.file, message, severity="warning", **place)  # type: ignore[arg-type]
        self.context.problems.append(problem)
        self.warnings.append(problem)

    @property
    def has_errors(self) -> bool:
        """True if any error (not warning) was recorded for this file."""
        return any(
            p.severity == "error" and p.file == self.file for p in self.context.problems
        )


@dataclass(frozen=True)
class FileContent:
    """A file's bytes and their SHA-256."""

    data: bytes
    sha256: str


def read_bytes(path: Path, problems: ProblemCollector) -> FileContent | None:
    """Read a whole file, or record why it cannot be read."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        problems.error("file not found", hint="check the path and the current directory")
        return None
    except IsADirectoryError:
        problems.error("is a directory, not a file", hint="name the files inside it")
        return None
    except OSError as error:
        problems.error(f"cannot read the file: {error.strerror}")
        return None
    return FileContent(data, hashlib.sha256(data).hexdigest())
