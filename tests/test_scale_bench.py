"""Synthetic reports for the scale benchmark, and `warlog bench --corpus synthetic`."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from warlog.bench_scale import run_scale_bench
from warlog.cli import main
from warlog.extract.pipeline import Extractor
from warlog.synthetic import generate, vocabulary, write_jsonl

ARABIC = re.compile(r"[\u0600-\u06ff]")
JSON_KEYS = {"docs_per_s", "docs_per_s_1", "scaling_efficiency", "peak_mb_per_worker",
             "gdelt_day_hours"}


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


@pytest.fixture(scope="module")
def vocab(extractor):
    return vocabulary(extractor)


def test_synthetic_vocabulary_from_demo_corpus(vocab):
    for lang in ("en", "ar"):
        assert len(vocab.templates[lang]) > 20
        assert any("{place}" in t for t in vocab.templates[lang])
        assert len(vocab.places[lang]) > 5 and vocab.publishers[lang]
    assert {"Mosul", "Aleppo", "Raqqa"} <= vocab.places["en"]
    assert all(ARABIC.search(p) for p in vocab.places["ar"])


@pytest.mark.parametrize("words", [120, 500])
def test_synthetic_reports_have_the_asked_length(vocab, words):
    docs = generate(vocab, 20, words=words, seed=1)
    for d in docs:
        assert words <= len(d.text.split()) < words * 1.5
        assert "{place}" not in d.text and "{actor}" not in d.text


@pytest.mark.parametrize(("share", "arabic"), [(0.0, 0), (1.0, 25), (0.4, None)])
def test_synthetic_language_share(vocab, share, arabic):
    docs = generate(vocab, 25, words=150, arabic_share=share, seed=2)
    n_ar = sum(d.language == "ar" for d in docs)
    if arabic is None:
        assert 3 <= n_ar <= 18
    else:
        assert n_ar == arabic
    for d in docs:
        assert bool(ARABIC.search(d.text)) == (d.language == "ar")


def test_synthetic_deterministic_and_distinct(vocab, tmp_path):
    a, b = generate(vocab, 40, seed=5), generate(vocab, 40, seed=5)
    assert [d.id for d in a] == [d.id for d in b]
    assert len({d.id for d in a}) == 40
    assert [d.id for d in generate(vocab, 40, seed=6)] != [d.id for d in a]
    shard = write_jsonl(a, tmp_path / "dump.jsonl")
    lines = [json.loads(line) for line in shard.read_text(encoding="utf-8").splitlines()]
    assert [line["text"] for line in lines] == [d.text for d in a]


def test_synthetic_reports_carry_events(vocab, extractor):
    """Realistic: the extractor finds events, places and figures in them, as in the demo."""
    docs = generate(vocab, 12, words=300, seed=4)
    mentions = [extractor(d) for d in docs]
    assert sum(bool(m) for m in mentions) >= 10
    assert sum(1 for ms in mentions for m in ms if m.place) >= 10


@pytest.mark.parametrize("ner", [True, False])
def test_bench_scale_one_worker_figures(ner):
    r = run_scale_bench(docs=6, workers=1, words=200, quiet=True, ner=ner)
    data = r.as_json()
    assert JSON_KEYS <= set(data) and data["ner"] is ner
    assert data["docs_per_s"] == data["docs_per_s_1"] > 0 and data["scaling_efficiency"] == 1
    assert data["gdelt_day_hours"] == pytest.approx(250_000 / r.docs_per_s / 3600, rel=1e-3)
    assert 100 < data["peak_mb_per_worker"] < 1500
    assert data["cpu_efficiency"] == 1 and data["cpu_docs_per_s_1"] > 0


@pytest.mark.slow
def test_bench_scale_cli_two_workers_json():
    result = CliRunner().invoke(main, ["bench", "--corpus", "synthetic", "--docs", "10",
                                       "--workers", "2", "--doc-words", "200", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout.strip().splitlines()[-1])
    assert JSON_KEYS <= set(data)
    assert data["workers"] == 2 and data["same_mentions"] is True
    assert 0 < data["scaling_efficiency"] and data["docs_per_s"] > 0
    assert 0.2 < data["cpu_efficiency"] <= 1.2  # worker CPU measured, not left at zero
    assert 100 < data["peak_mb_per_worker"] < 1500


def test_bench_unknown_corpus_said_in_words(tmp_path):
    result = CliRunner().invoke(main, ["bench", "--corpus", str(tmp_path / "nope")])
    assert result.exit_code == 2 and "no such folder" in result.output
