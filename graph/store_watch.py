"""Whether another process has changed an on-disk store since a reader opened it.

A read-only store (``pyoxigraph.Store.read_only``) reads the store as it was when it was
opened, and a later writer's compaction removes files it may still need. A long-lived
reader (``edukg serve``) asks :meth:`StoreWatch.changed` before its work and opens the store
again when a writer has finished with it. RocksDB names its current manifest in the
store's ``CURRENT`` file and appends to that manifest whenever its files change (a write
reaching the disk, a compaction), and a writer that opens the store starts a new manifest;
edukg's undo journal is pending while a write is under way.

>>> import pyoxigraph as ox, tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> store = ox.Store(str(folder))
>>> watch = StoreWatch(folder)
>>> watch.changed()
False
>>> store.add(ox.Quad(ox.NamedNode("http://x/s"), ox.NamedNode("http://x/p"), ox.Literal("o")))
>>> store.flush()
>>> watch.changed(), watch.changed()
(True, True)
>>> watch.seen(files_state(folder))
>>> watch.changed()
False
"""

from __future__ import annotations

from pathlib import Path

from edukg.graph.journal import JOURNAL_FOLDER, UndoJournal

FilesState = tuple[str, int, int]
"""The current manifest's name, size and modification time (ns)."""


def files_state(path: Path) -> FilesState | None:
    """What RocksDB's files in the store folder ``path`` are now; ``None`` when unreadable."""
    try:
        manifest = (path / "CURRENT").read_text(encoding="ascii").strip()
        info = (path / manifest).stat()
    except (OSError, UnicodeDecodeError):
        return None  # no store, or a writer is swapping its manifest: not known yet
    return manifest, info.st_size, info.st_mtime_ns


class StoreWatch:
    """Tells a reader of the store in ``path`` when a writer has finished changing it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._journal = UndoJournal(path / JOURNAL_FOLDER)
        self._seen = files_state(path)

    def changed(self) -> bool:
        """True when the store's files differ from those last seen and no write is under way
        (a store in the middle of a write, or left by an interrupted one, is not yet worth
        opening again)."""
        state = files_state(self.path)
        return state is not None and state != self._seen and not self._journal.is_pending()

    def current(self) -> FilesState | None:
        """The store's files as they are now (take it before opening the store again)."""
        return files_state(self.path)

    def seen(self, state: FilesState | None) -> None:
        """Record ``state`` (from :meth:`current`) as the files the reader now reads."""
        self._seen = state
