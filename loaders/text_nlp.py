"""Russian text as sentences, tokens with lemmas, and named entities, by natasha.

natasha's models ship inside its PyPI packages and load offline in a few
seconds, so they are loaded once per process and only when first needed:
importing this module does not load them.

Sentences are natasha's, cut again at blank lines (headings, by-lines and
captions have no full stop). Every offset counts characters in the whole text.

>>> nominative_phrase(["Минского", "областного", "института", "развития", "образования"])
'Минский областной институт развития образования'
>>> word_lemma("Таджикистана")
'таджикистан'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")


@dataclass(frozen=True)
class Token:
    """One word or sign: its place, its text, its lemma and part of speech."""

    start: int
    stop: int
    text: str
    lemma: str
    pos: str


@dataclass(frozen=True)
class Entity:
    """A named entity natasha found: ``kind`` is PER, LOC or ORG."""

    kind: str
    start: int
    stop: int
    text: str
    tokens: tuple[Token, ...]


@dataclass(frozen=True)
class Sentence:
    """One sentence with its tokens and the named entities inside it."""

    number: int
    start: int
    stop: int
    text: str
    tokens: tuple[Token, ...]
    entities: tuple[Entity, ...]


@dataclass(frozen=True)
class _Pipeline:
    segmenter: Any
    morph_vocab: Any
    morph_tagger: Any
    ner_tagger: Any
    dates: Any


@cache
def pipeline() -> _Pipeline:
    """natasha's segmenter, morphology, NER and dates extractor, loaded once."""
    from natasha import (
        DatesExtractor,
        MorphVocab,
        NewsEmbedding,
        NewsMorphTagger,
        NewsNERTagger,
        Segmenter,
    )

    embedding = NewsEmbedding()
    morph_vocab = MorphVocab()
    return _Pipeline(
        segmenter=Segmenter(),
        morph_vocab=morph_vocab,
        morph_tagger=NewsMorphTagger(embedding),
        ner_tagger=NewsNERTagger(embedding),
        dates=DatesExtractor(morph_vocab),
    )


def analyse(text: str) -> list[Sentence]:
    """The sentences of ``text`` with lemmatised tokens and named entities."""
    from natasha import Doc

    tools = pipeline()
    doc = Doc(text)
    doc.segment(tools.segmenter)
    doc.tag_morph(tools.morph_tagger)
    doc.tag_ner(tools.ner_tagger)
    tokens: list[Token] = []
    for token in doc.tokens:
        token.lemmatize(tools.morph_vocab)
        tokens.append(Token(token.start, token.stop, token.text, token.lemma.lower(), token.pos))
    entities = [
        Entity(
            span.type,
            span.start,
            span.stop,
            span.text,
            tuple(t for t in tokens if span.start <= t.start and t.stop <= span.stop),
        )
        for span in doc.spans
    ]
    bounds: list[tuple[int, int]] = []
    for sent in doc.sents:
        start = sent.start
        for blank in _BLANK_LINE.finditer(text, sent.start, sent.stop):
            bounds.append((start, blank.start()))
            start = blank.end()
        bounds.append((start, sent.stop))
    sentences: list[Sentence] = []
    for start, stop in bounds:
        while start < stop and text[start].isspace():
            start += 1
        while stop > start and text[stop - 1].isspace():
            stop -= 1
        if start == stop:
            continue
        sentences.append(
            Sentence(
                number=len(sentences) + 1,
                start=start,
                stop=stop,
                text=text[start:stop],
                tokens=tuple(t for t in tokens if start <= t.start and t.stop <= stop),
                entities=tuple(e for e in entities if start <= e.start and e.stop <= stop),
            )
        )
    return sentences


@cache
def word_lemma(word: str) -> str:
    """The dictionary form of one word, by pymorphy (lower case)."""
    parses = pipeline().morph_vocab.parse(word)
    return str(parses[0].normal_form) if parses else word.lower()


def phrase_lemmas(text: str) -> str:
    """The words of a phrase in their dictionary forms, joined by spaces.

    >>> phrase_lemmas("Российской Федерации")
    'российский федерация'
    """
    return " ".join(word_lemma(word) for word in re.findall(r"[\w-]+", text))


def nominative_phrase(words: list[str]) -> str:
    """An organisation's name in the nominative: its head and the adjectives before it.

    Only the words up to the first noun change; the words after it depend on
    it and keep their case ("института развития образования" becomes
    "институт развития образования", not natasha's "институт развитие образование").
    """
    morph = pipeline().morph_vocab
    parses = [
        _best_parse(morph.parse(word)) if re.fullmatch(r"[А-Яа-яЁё-]+", word) else None
        for word in words
    ]
    head = next((i for i, p in enumerate(parses) if p is not None and p.tag.POS == "NOUN"), None)
    if head is None:
        return " ".join(words)
    noun = parses[head]
    assert noun is not None
    plural = noun.tag.number == "plur"
    gender = noun.tag.gender or "masc"
    result: list[str] = []
    for index, (word, parse) in enumerate(zip(words, parses, strict=True)):
        if index > head or parse is None:
            result.append(word)
            continue
        if index == head:
            wanted = {"nomn", "plur"} if plural else {"nomn"}
        else:
            wanted = {"nomn", "plur"} if plural else {"nomn", gender, "sing"}
        inflected = _inflect(parse, wanted)
        result.append(_same_case(inflected.word, word) if inflected is not None else word)
    return " ".join(result)


def feminine_nominative(adjective: str) -> str:
    """An adjective in the feminine nominative, as in "Минская (область)".

    >>> feminine_nominative("минской")
    'минская'
    """
    parse = _best_parse(pipeline().morph_vocab.parse(adjective), want="ADJF")
    if parse is None:
        return adjective.lower()
    inflected = _inflect(parse, {"nomn", "femn", "sing"})
    return str(inflected.word) if inflected is not None else adjective.lower()


def _inflect(parse: Any, grammemes: set[str]) -> Any:
    """Inflect with OpenCorpora grammemes (natasha's wrapper expects UD ones)."""
    from pymorphy2.analyzer import Parse

    return Parse.inflect(parse, grammemes)


def _best_parse(parses: list[Any], want: str | None = None) -> Any:
    for parse in parses:
        if parse.tag.POS in ("NOUN", "ADJF") and (want is None or parse.tag.POS == want):
            return parse
    return parses[0] if parses and want is None else None


def _same_case(form: str, original: str) -> str:
    if original.isupper() and len(original) > 1:
        return form.upper()
    if original[:1].isupper():
        return form[:1].upper() + form[1:]
    return form
