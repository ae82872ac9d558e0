"""Read an RDF file (Turtle, N-Triples, N-Quads, TriG, JSON-LD, RDF/XML) as a source.

Blank nodes are replaced by stable IRIs (skolemised after canonicalisation),
so loading the same file twice yields the same triples and never duplicates.
Named graphs inside N-Quads or TriG files are merged into the source's graph.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from edukg.core.version import __version__
from edukg.graph.formats import rdf_format_for_path
from edukg.graph.iris import slug
from edukg.graph.sources import SourceData
from edukg.loaders.base import LoadContext, ProblemCollector, read_bytes
from edukg.loaders.xml_entities import expansion_problem, xml_error_position

LOADER_NAME = "rdf"


def read_rdf(path: Path, context: LoadContext) -> SourceData | None:
    """Parse one RDF file into a :class:`SourceData`; report problems to ``context``.

    Returns ``None`` when the file could not be read or parsed.
    """
    problems = ProblemCollector(str(path), context)
    content = read_bytes(path, problems)
    if content is None:
        return None
    rdf_format = rdf_format_for_path(path)
    assert rdf_format is not None, "the loader registry only sends RDF files here"
    if _stored_already(path, content.sha256, rdf_format, context):
        return SourceData(
            name=context.source_name,
            sha256=content.sha256,
            loader=LOADER_NAME,
            file_name=path.name,
            same_as_stored=True,
        )
    if rdf_format == ox.RdfFormat.RDF_XML:
        refused = expansion_problem(content.data)
        if refused is not None:
            problems.error(
                refused[1],
                line=refused[0],
                hint="expand the entities in the file, or remove the DOCTYPE declarations",
            )
            return None
    staged = ox.Store()  # parsing into an in-memory store stays in Rust: fast for big files
    try:
        staged.load(content.data, rdf_format, base_iri=context.base_iri)
    except MemoryError:
        problems.error(
            "a value in the file is longer than the 16 MiB the store can hold",
            hint="split or shorten the longest value",
        )
        return None
    except SyntaxError as error:
        line, column = error.lineno, error.offset
        if line is None and rdf_format == ox.RdfFormat.RDF_XML:
            line, column = xml_error_position(content.data)
        problems.error(
            _syntax_message(error),
            line=line,
            column=column,
            hint=_syntax_hint(error, rdf_format),
        )
        return None
    named = list(staged.named_graphs())
    if named:
        problems.warning(
            "named graphs in this file are merged into the source's own graph",
            hint="use one file per source if the graphs must stay apart",
        )
        for graph in named:
            staged.extend(
                ox.Quad(q.subject, q.predicate, q.object)
                for q in staged.quads_for_pattern(None, None, None, graph)
            )
            staged.remove_graph(graph)
    data = SourceData(
        name=context.source_name,
        sha256=content.sha256,
        loader=LOADER_NAME,
        staged=staged,
        file_name=path.name,
        warnings=problems.warnings,
    )
    if _may_hold_blank_nodes(content.data, rdf_format) and staged.query(
        "ASK { ?s ?p ?o FILTER (isBlank(?s) || isBlank(?o)) }"
    ):
        genid = f"{context.base_iri}.well-known/genid/{slug(context.source_name)}/"
        data.triples = _skolemized(list(staged), genid)
        data.staged = None
    return data


def _stored_already(
    path: Path, sha256: str, rdf_format: ox.RdfFormat, context: LoadContext
) -> bool:
    """True when the store holds this very file as the source: nothing to parse again.

    An RDF file's statements depend only on its bytes, its format (the file
    name's extension), the base IRI (fixed for a store with sources), the
    source name (blank-node IRIs) and this loader's version. Dataset formats
    are always read, so the warning about merged named graphs is repeated.
    """
    if context.kg is None or rdf_format.supports_datasets:
        return False
    stored = context.kg.source(context.source_name)
    return (
        stored is not None
        and stored.sha256 == sha256
        and stored.file_name == path.name
        and stored.loader == LOADER_NAME
        and stored.loader_version == __version__
        and stored.statements_sha256 is not None
    )


def _may_hold_blank_nodes(data: bytes, rdf_format: ox.RdfFormat) -> bool:
    """False when the bytes cannot hold a blank node: saves a scan of every statement.

    N-Triples and N-Quads write every blank node as ``_:label``; other formats
    have ``[]`` and nesting, so they are always checked.

    >>> _may_hold_blank_nodes(b"<a:s> <a:p> <a:o> .", ox.RdfFormat.N_TRIPLES)
    False
    >>> _may_hold_blank_nodes(b"<a:s> <a:p> [] .", ox.RdfFormat.TURTLE)
    True
    """
    if rdf_format in (ox.RdfFormat.N_TRIPLES, ox.RdfFormat.N_QUADS):
        return b"_:" in data
    return True


def _syntax_message(error: SyntaxError) -> str:
    message = error.msg or str(error)
    # pyoxigraph prefixes the span ("Parser error between line 2 column 9 and ..."),
    # which the problem's place already gives.
    if message.startswith("Parser error") and ": " in message:
        message = message.split(": ", 1)[1]
    return f"syntax error: {message}"


def _syntax_hint(error: SyntaxError, rdf_format: ox.RdfFormat) -> str:
    text = str(error).lower()
    if "utf-8" in text or "utf8" in text:
        return f"{rdf_format.name} files must be UTF-8: re-save the file as UTF-8"
    return f"fix the {rdf_format.name} syntax at this place; the rest of the file was not read"


def _skolemized(quads: list[ox.Quad], genid: str) -> list[ox.Triple]:
    """The quads as triples, blank nodes replaced by IRIs stable for the same content."""
    dataset = ox.Dataset(ox.Quad(q.subject, q.predicate, q.object) for q in quads)
    dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)

    def term(node: ox.NamedNode | ox.BlankNode | ox.Literal) -> ox.NamedNode | ox.Literal:
        return ox.NamedNode(genid + node.value) if isinstance(node, ox.BlankNode) else node

    def subject(node: ox.NamedNode | ox.BlankNode | ox.Triple) -> ox.NamedNode | ox.Triple:
        return ox.NamedNode(genid + node.value) if isinstance(node, ox.BlankNode) else node

    return [ox.Triple(subject(q.subject), q.predicate, term(q.object)) for q in dataset]
