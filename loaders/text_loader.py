"""From Russian articles and reports to candidate cooperation facts, for review.

:func:`extract_file` reads a document (see :mod:`edukg.loaders.text_readers`),
runs natasha and the rules of :mod:`edukg.loaders.text_rules` over its
sentences and turns their mentions into :class:`Candidate` facts, each with
the exact words and sentence it rests on and a confidence:

- ``institution``: an education body named in the text (its region and
  country when its name says them, as in "Минский областной институт ...");
- ``region``: a region named in the text;
- ``partner-country``: a country other than the document's own, about the
  institution named in the same sentence (a partner named only by its
  country stays a country: no institution is made up for it);
- ``agreement-count``: "заключено 16 соглашений", with the year and the
  region or institution of its sentence;
- ``agreement``: an agreement named without a count;
- ``event-kind``: a kind of event, about the count of its own or the
  previous sentence, else about the sentence's institution;
- ``year`` and ``date``.

Nothing here writes to the knowledge graph: candidates go to the candidates
graph, and only ``edukg accept`` (:mod:`edukg.loaders.text_accept`) or a
register a person corrects (:mod:`edukg.loaders.text_register`) brings them in.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from edukg.core.errors import InputError, Problem
from edukg.loaders import text_rules as rules
from edukg.loaders.text_candidates import KINDS, Candidate, TextDocument, candidate_id
from edukg.loaders.text_nlp import Sentence, analyse
from edukg.loaders.text_readers import TextUnreadable, read_text

PARTNER_CUES = frozenset(
    {
        "сотрудничество", "партнер", "партнёр", "партнерский", "партнёрский", "взаимодействие",
        "коллега", "дружественный", "соглашение", "договор", "меморандум", "делегация",
        "визит", "обмен", "совместный", "взаимоотношение", "связь", "приглашение",
    }
)
"""Lemmas that mark a sentence as speaking of cooperation partners."""

ProgressFunction = Callable[[str, int, int], None]


@dataclass
class Extraction:
    """The candidates found in one document, and its text."""

    document: TextDocument
    text: str
    sentences: int
    candidates: list[Candidate]


def extract_files(
    paths: Sequence[str | Path], *, base_iri: str, progress: ProgressFunction | None = None
) -> list[Extraction]:
    """Extract candidates from every file, or raise one error listing every unreadable file."""
    problems: list[Problem] = []
    texts: list[tuple[Path, str, str]] = []
    for raw in paths:
        path = Path(raw)
        try:
            text = read_text(path)
        except TextUnreadable as error:
            problems.append(error.problem)
            continue
        texts.append((path, text, hashlib.sha256(path.read_bytes()).hexdigest()))
    if problems:
        raise InputError(
            f"nothing was extracted: {len(problems)} file(s) cannot be read",
            problems=problems,
            hint="fix or leave out the files above and run the same command again",
        )
    result = []
    for number, (path, text, sha) in enumerate(texts):
        if progress is not None:
            progress(f"{path.name}: reading", number, len(texts))
        document = TextDocument(path.name, sha, base_iri)
        result.append(extract_text(text, document))
    return result


def extract_file(path: str | Path, *, base_iri: str) -> Extraction:
    """Extract candidates from one file (see :func:`extract_files`)."""
    return extract_files([path], base_iri=base_iri)[0]


def extract_text(text: str, document: TextDocument) -> Extraction:
    """The candidate facts of a text (the text of ``document``)."""
    sentences = analyse(text)
    builder = _Builder(text, document)
    for sentence in sentences:
        builder.read(sentence)
    return Extraction(document, text, len(sentences), builder.candidates())


class _Builder:
    """Turns the mentions of a document's sentences into candidates."""

    def __init__(self, text: str, document: TextDocument) -> None:
        self.text = text
        self.document = document
        self.mentions: dict[int, dict[str, list[rules.Mention]]] = {}
        self.order: list[Sentence] = []

    def read(self, sentence: Sentence) -> None:
        found: dict[str, list[rules.Mention]] = {
            "institution": rules.institutions(sentence),
            "region": rules.regions(sentence),
            "country": rules.countries(sentence),
            "agreement-count": rules.agreement_counts(sentence),
            "agreement": rules.agreement_mentions(sentence),
            "event-kind": rules.event_kinds(sentence),
            "time": rules.years_and_dates(sentence),
        }
        # A region named inside an institution's name is part of that name; a country
        # there ("Министерство образования Республики Таджикистан") is still a partner.
        names = found["institution"]
        found["region"] = [m for m in found["region"] if not _inside(m, names)]
        # A counted agreement is not named again as an uncounted one.
        found["agreement"] = [
            m for m in found["agreement"] if not _overlaps(m, found["agreement-count"])
        ]
        self.mentions[sentence.number] = found
        self.order.append(sentence)

    # ------------------------------------------------------------ grouping

    def candidates(self) -> list[Candidate]:
        made: dict[str, Candidate] = {}
        institutions_in: dict[int, list[Candidate]] = defaultdict(list)
        region_of: dict[int, str] = {}
        count_of: dict[int, str] = {}
        # The document's own country: that of the regions it names (on their own or
        # in an institution's name), not of every institution (a partner ministry's).
        home = {
            m.details["country"]
            for found in self.mentions.values()
            for m in found["institution"] + found["region"]
            if "country" in m.details and (m.kind == "region" or "region" in m.details)
        }
        for kind in ("institution", "region"):
            groups: dict[str, list[rules.Mention]] = defaultdict(list)
            for sentence in self.order:
                for mention in self.mentions[sentence.number][kind]:
                    groups[mention.value].append(mention)
            for value, mentions in groups.items():
                best = _best(mentions)
                candidate = self._candidate(best, kind, value, None, _more(best, mentions))
                made.setdefault(candidate.id, candidate)
                for mention in mentions:
                    if kind == "institution":
                        institutions_in[mention.sentence.number].append(candidate)
                    else:
                        region_of.setdefault(mention.sentence.number, candidate.id)
        for sentence in self.order:
            found = self.mentions[sentence.number]
            named = institutions_in.get(sentence.number, [])
            subject = named[0].id if named else None
            cue = bool(PARTNER_CUES.intersection(t.lemma for t in sentence.tokens))
            for mention in found["country"]:
                if mention.value in home:
                    continue
                # A country is a partner of an institution of another country only.
                partner_of = next(
                    (c.id for c in named if c.details.get("country") != mention.value), None
                )
                confidence = 0.85 if (cue or partner_of) else 0.6
                self._add(
                    made, mention, "partner-country", mention.value, partner_of, confidence
                )
            years = [m.value for m in found["time"] if m.kind == "year"]
            for mention in found["agreement-count"]:
                about = region_of.get(sentence.number) or subject
                details = dict(mention.details)
                if years:
                    details["period"] = years[0]
                candidate = self._add(
                    made, mention, "agreement-count", mention.value, about, mention.confidence,
                    details=details,
                )
                count_of.setdefault(sentence.number, candidate.id)
            for mention in found["agreement"]:
                self._add(made, mention, "agreement", mention.value, subject, mention.confidence)
            count = count_of.get(sentence.number) or count_of.get(sentence.number - 1)
            for mention in found["event-kind"]:
                about = count or subject
                confidence = 0.85 if count else mention.confidence
                self._add(made, mention, "event-kind", mention.value, about, confidence)
            for mention in found["time"]:
                self._add(made, mention, mention.kind, mention.value, None, mention.confidence)
        order = {kind: index for index, kind in enumerate(KINDS)}
        return sorted(made.values(), key=lambda c: (order[c.kind], c.start, c.id))

    def _add(
        self,
        made: dict[str, Candidate],
        mention: rules.Mention,
        kind: str,
        value: str,
        subject: str | None,
        confidence: float,
        *,
        details: dict[str, str] | None = None,
    ) -> Candidate:
        candidate = self._candidate(mention, kind, value, subject, confidence, details=details)
        earlier = made.get(candidate.id)
        if earlier is None:
            made[candidate.id] = candidate
            return candidate
        # The same fact said again: keep the first place, grow more sure.
        earlier.confidence = min(0.95, max(earlier.confidence, confidence) + 0.05)
        return earlier

    def _candidate(
        self,
        mention: rules.Mention,
        kind: str,
        value: str,
        subject: str | None,
        confidence: float,
        *,
        details: dict[str, str] | None = None,
    ) -> Candidate:
        sentence = mention.sentence
        return Candidate(
            id=candidate_id(self.document, kind, value, subject),
            kind=kind,
            value=value,
            label=mention.label,
            confidence=round(confidence, 2),
            start=mention.start,
            stop=mention.stop,
            quote=self.text[mention.start : mention.stop],
            prefix=self.text[max(0, mention.start - 32) : mention.start],
            suffix=self.text[mention.stop : mention.stop + 32],
            sentence=sentence.text,
            sentence_start=sentence.start,
            sentence_stop=sentence.stop,
            subject=subject,
            details=dict(details if details is not None else mention.details),
        )


def _inside(mention: rules.Mention, others: list[rules.Mention]) -> bool:
    return any(o.start <= mention.start and mention.stop <= o.stop for o in others)


def _overlaps(mention: rules.Mention, others: list[rules.Mention]) -> bool:
    return any(o.start < mention.stop and mention.start < o.stop for o in others)


def _best(mentions: list[rules.Mention]) -> rules.Mention:
    """The mention to quote: one written as the name itself (nominative), else the first."""
    return next((m for m in mentions if m.text == m.label), mentions[0])


def _more(best: rules.Mention, mentions: list[rules.Mention]) -> float:
    return min(0.95, best.confidence + 0.05 * (len(mentions) - 1))
