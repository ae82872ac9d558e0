r"""An undo journal: what the graphs held before a write, kept until the write is done.

A command's writes (every source of one ``edukg load``, every source of one
``sources remove``) must land all together or not at all. Oxigraph commits
each ``add``, ``remove`` or ``extend`` on its own, and a bulk load not even
that, so before the first change the store records the *before image* of
every graph it will touch: its sorted N-Triples (or "absent") and its catalog
description. The journal's manifest is written last and atomically; it is
the mark that a write is under way. When the write has finished, the manifest
is deleted (that is the commit). A manifest found when the store is opened is
a write that was interrupted (kill -9, power cut, an error while writing):
the store restores every before image, so the command left nothing behind.

>>> journal = UndoJournal(None)
>>> journal.begin([BeforeImage("https://x.example/source/a", None, b"")])
>>> [image.graph for image in journal.pending()]
['https://x.example/source/a']
>>> journal.commit(); journal.pending()
[]
"""

from __future__ import annotations

import json
import os
import zlib
from dataclasses import dataclass
from pathlib import Path

from edukg.graph.snapshots import packed

JOURNAL_FOLDER = "edukg-journal"
"""The folder inside the store directory that holds the undo journal."""

_MANIFEST = "manifest.json"


@dataclass(frozen=True)
class BeforeImage:
    """One graph as it was before a write.

    ``statements`` are its sorted N-Triples lines, or ``None`` when the graph
    did not exist; ``catalog`` is its description in the catalog graph, as
    N-Quads (empty when it had none).
    """

    graph: str
    statements: bytes | None
    catalog: bytes


class UndoJournal:
    """Before images of one write, on disk beside the store (or in memory)."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self._in_memory: list[BeforeImage] = []

    def begin(self, images: list[BeforeImage]) -> None:
        """Record ``images`` durably: after this returns, an interruption can be undone."""
        if self.folder is None:
            self._in_memory = list(images)
            return
        self.folder.mkdir(exist_ok=True)
        entries = []
        for number, image in enumerate(images):
            statements = None
            if image.statements is not None:
                statements = f"{number}.nt.zlib"
                _write_durably(self.folder / statements, packed(image.statements))
            catalog = f"{number}.catalog.nq"
            _write_durably(self.folder / catalog, image.catalog)
            entries.append({"graph": image.graph, "statements": statements, "catalog": catalog})
        manifest = json.dumps({"images": entries}, ensure_ascii=False).encode("utf-8")
        _write_durably(self.folder / _MANIFEST, manifest)
        _sync_folder(self.folder)

    def is_pending(self) -> bool:
        """True while a write is under way, or after one was interrupted."""
        if self.folder is None:
            return bool(self._in_memory)
        return (self.folder / _MANIFEST).exists()

    def pending(self) -> list[BeforeImage]:
        """The before images of an unfinished write; empty when there is none."""
        if self.folder is None:
            return list(self._in_memory)
        try:
            manifest = json.loads((self.folder / _MANIFEST).read_bytes())
        except FileNotFoundError:
            return []
        images = []
        for entry in manifest["images"]:
            statements = None
            if entry["statements"] is not None:
                statements = zlib.decompress((self.folder / entry["statements"]).read_bytes())
            catalog = (self.folder / entry["catalog"]).read_bytes()
            images.append(BeforeImage(entry["graph"], statements, catalog))
        return images

    def commit(self) -> None:
        """The write is complete: forget the before images (the manifest first)."""
        if self.folder is None:
            self._in_memory = []
            return
        manifest = self.folder / _MANIFEST
        if manifest.exists():
            manifest.unlink()
            _sync_folder(self.folder)
        for leftover in self.folder.glob("*"):
            leftover.unlink(missing_ok=True)


def _write_durably(path: Path, data: bytes) -> None:
    partial = path.with_name(path.name + ".partial")
    with partial.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(partial, path)


def _sync_folder(folder: Path) -> None:
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass  # some file systems cannot sync a folder; the rename itself is atomic
    finally:
        os.close(descriptor)
