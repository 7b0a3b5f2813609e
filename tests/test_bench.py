"""`warlog bench` reports its figures (the figures themselves are never asserted)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from warlog.bench import corpus_documents
from warlog.cli import main


def test_bench_corpus_repeats_to_word_count():
    docs = corpus_documents(None, 20_000)
    assert sum(len(d.text.split()) for d in docs) >= 20_000
    assert len({d.id for d in docs}) < len(docs)  # the demo corpus, repeated


def test_bench_json_has_the_keys_scripts_read():
    result = CliRunner().invoke(main, ["bench", "--words", "3000", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output.strip().splitlines()[-1])
    for key in ("words_per_s", "docs_per_s", "spacy_words_per_s", "speedup_vs_spacy", "peak_mb"):
        assert data[key] > 0
