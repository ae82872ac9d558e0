"""The general English-Russian dictionary and the words it aligns (resolve/dictionary.py,
resolve/translation.py)."""

from __future__ import annotations

import gzip
import logging
from pathlib import Path

import pytest

from edukg.resolve import dictionary as dictionary_module
from edukg.resolve.dictionary import (
    DEFAULT_PATHS,
    general_dictionary,
    read_dictionary,
)
from edukg.resolve.keys import name_key
from edukg.resolve.translation import translate_pair

DICTD_TEXT = """00-database-info
   A test dictionary.
purity
   [pjuriti] _n.
   1) чистота
   2) беспримесность; purity of style чистота стиля
vegetable
   1. _n. овощ; green vegetables зелень, овощи
   2. _a. овощной
national
   _a. государственный, национальный
"""


def _write(path: Path) -> Path:
    with gzip.open(path, "wt", encoding="utf-8") as stream:
        stream.write(DICTD_TEXT)
    return path


def test_a_dictd_file_gives_the_plain_translations_not_the_examples(tmp_path: Path) -> None:
    words = read_dictionary(_write(tmp_path / "test.dict.dz"))
    assert words.russian("purity") == {"чистота", "беспримесность"}
    assert words.russian("Vegetables") == {"овощ", "овощи", "овощной"}
    assert "зелень" not in words.russian("vegetable")  # an example's word, after Latin ones
    assert words.translates("чистых", "purity")  # another word of the same root
    assert not words.translates("чистых", "vegetable")


def test_without_the_dictionary_names_are_still_compared(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv(dictionary_module.ENVIRONMENT, str(tmp_path / "missing.dict.dz"))
    general_dictionary.cache_clear()
    try:
        with caplog.at_level(logging.WARNING, logger=dictionary_module.__name__):
            words = general_dictionary()
        assert not words
        assert "mueller7-dict" in words.source or "missing.dict.dz" in words.source
        assert any("dictionary" in record.message for record in caplog.records)
        ru, en = name_key("Институт чистоты"), name_key("Institute of Purity")
        assert translate_pair(ru, en, words) == (ru, en)
    finally:
        general_dictionary.cache_clear()


def test_words_the_vocabulary_lacks_are_aligned_by_translation(tmp_path: Path) -> None:
    words = read_dictionary(_write(tmp_path / "test.dict.dz"))
    ru, en = name_key("Институт чистоты овощей"), name_key("Institute of Vegetable Purity")
    aligned_ru, aligned_en = translate_pair(ru, en, words)
    assert aligned_ru.text == aligned_en.text
    assert ru.text != en.text


def test_two_words_the_vocabulary_tells_apart_stay_apart(tmp_path: Path) -> None:
    # "national" translates "государственный" in the dictionary, but the vocabulary reads them
    # as two words of standing: the National Library of Russia is not the Russian State Library
    words = read_dictionary(_write(tmp_path / "test.dict.dz"))
    ru = name_key("Российская государственная библиотека")
    en = name_key("National Library of Russia")
    assert translate_pair(ru, en, words) == (ru, en)


def test_a_word_each_that_translates_nothing_of_the_other_stays_apart(tmp_path: Path) -> None:
    words = read_dictionary(_write(tmp_path / "test.dict.dz"))
    ru, en = name_key("Институт чистоты"), name_key("Institute of Vegetables")
    assert translate_pair(ru, en, words) == (ru, en)


INSTALLED = next((path for path in DEFAULT_PATHS if path.is_file()), None)


@pytest.mark.skipif(INSTALLED is None, reason="Debian's mueller7-dict is not installed")
def test_the_installed_dictionary_aligns_words_the_vocabulary_lacks() -> None:
    assert INSTALLED is not None
    words = read_dictionary(INSTALLED)
    assert words.translates("ветеринарной", "veterinary")
    assert not words.translates("ветеринарной", "purity")
    ru = name_key("Институт особо чистых материалов")
    en = name_key("Institute of High Purity Materials")
    aligned_ru, aligned_en = translate_pair(ru, en, words)
    assert "purit" in aligned_ru.words and "purit" not in ru.words
    assert aligned_en == en
