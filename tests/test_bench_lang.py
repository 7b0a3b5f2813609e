"""`warlog bench --lang ar`: the Arabic demo reports alone (figures are never asserted)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from warlog.bench import corpus_documents
from warlog.cli import main


@pytest.mark.parametrize("language", ["ar", "en"])
def test_bench_lang_keeps_one_language(language):
    docs = corpus_documents(None, 3_000, language)
    assert docs and {d.language for d in docs} == {language}


def test_bench_lang_ar_skips_spacy():
    result = CliRunner().invoke(main, ["bench", "--lang", "ar", "--words", "2000", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output.strip().splitlines()[-1])
    assert data["words_per_s"] > 0 and data["spacy_words_per_s"] is None
