"""What the loaders of registries (ROR, the world universities list) share.

A registry is a *reference source*: a list of organisations to match against,
not a report of cooperation. Its :class:`~edukg.graph.sources.SourceData` is
marked ``reference=True``, and the catalog types its graph
``edukg:ReferenceSource``.

Registries come as one JSON array of records. :func:`json_records` reads it
with each record's first line, and :func:`starts_like_records` recognises a
registry by the keys of its first record, so ``edukg load`` picks the right
loader for a ``.json`` file without being told.

>>> head = b'[ {"id": "https://ror.org/007rxxd52", "names": [], "locations": []} ]'
>>> starts_like_records(head, {"id", "names", "locations"})
True
>>> starts_like_records(b'{"agreements": []}', {"id"})
False
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from edukg.graph.iris import mint, slug
from edukg.graph.sources import SourceData
from edukg.loaders import terms as t
from edukg.loaders.base import FileContent, LoadContext, ProblemCollector, read_bytes
from edukg.loaders.json_records import records_with_lines
from edukg.loaders.values import tagged

HEAD_BYTES = 65536
"""How much of a file is read to recognise a registry."""

_KEY = re.compile(r'"([^"\\]+)"\s*:')


def starts_like_records(head: bytes, keys: Collection[str]) -> bool:
    """True if ``head`` opens a JSON array whose first record has all of ``keys``.

    Only the keys of the first record are looked at (up to its first nested
    object closing is enough), so a cut-off head still answers.
    """
    text = head.decode("utf-8", errors="replace").lstrip("\ufeff \t\r\n")
    if not text.startswith("["):
        return False
    first = text[1:].lstrip()
    if not first.startswith("{"):
        return False
    return set(keys) <= set(_KEY.findall(first))


def file_head(path: Path) -> bytes:
    """The first bytes of a file (empty when it cannot be read)."""
    try:
        with path.open("rb") as handle:
            return handle.read(HEAD_BYTES)
    except OSError:
        return b""


def json_records(
    path: Path, problems: ProblemCollector, *, what: str
) -> tuple[FileContent, list[tuple[int, Any]]] | None:
    """The records of a registry file (a JSON array), each with its first line.

    Records that are not JSON objects are reported and left out.
    """
    content = read_bytes(path, problems)
    if content is None:
        return None
    text = content.data.decode("utf-8-sig", errors="replace")
    try:
        items = records_with_lines(text)
    except json.JSONDecodeError as error:
        problems.error(
            f"not a JSON list of {what} records: {error.msg}",
            line=error.lineno,
            column=error.colno,
            hint="fix the JSON at this place, or load the registry file as downloaded",
        )
        return None
    records = []
    for line, item in items:
        if isinstance(item, dict):
            records.append((line, item))
        else:
            problems.error(
                f"a {what} record must be a JSON object",
                line=line,
                value=str(item)[:80],
                code="registry-not-an-object",
            )
    return content, records


class TripleBuffer:
    """Triples of one registry file, serialised in batches so that Python objects stay few."""

    BATCH = 100_000

    def __init__(self) -> None:
        self.triples: list[ox.Triple] = []
        self.ntriples: list[bytes] = []
        self.regions: set[str] = set()

    def add(self, subject: ox.NamedNode, predicate: ox.NamedNode, obj: Any) -> None:
        self.triples.append(ox.Triple(subject, predicate, obj))
        if len(self.triples) >= self.BATCH:
            self.flush()

    def flush(self) -> None:
        if self.triples:
            self.ntriples.append(
                ox.serialize(self.triples, format=ox.RdfFormat.N_TRIPLES) or b""
            )
            self.triples.clear()

    def region(self, base_iri: str, institution: ox.NamedNode, name: str, country: str) -> None:
        """Link ``institution`` to its region, describing the region once per file."""
        node = ox.NamedNode(mint(base_iri, f"region/{country.lower()}", slug(name)))
        self.add(institution, t.REGION, node)
        if node.value not in self.regions:
            self.regions.add(node.value)
            self.add(node, t.A, t.ADMINISTRATIVE_AREA)
            self.add(node, t.PREF_LABEL, tagged(name))
            self.add(node, t.CONTAINED_IN_PLACE, t.country_node(country))

    def source(self, context: LoadContext, content: FileContent, loader: str, path: Path,
               problems: ProblemCollector) -> SourceData:
        """The file's triples as a reference source (N-Triples chunks)."""
        self.flush()
        chunks, self.ntriples = self.ntriples, []
        return SourceData(
            name=context.source_name,
            chunks=chunks,
            sha256=content.sha256,
            loader=loader,
            file_name=path.name,
            warnings=problems.warnings,
            reference=True,
        )
