"""Word vectors retrained on the shipped vocabulary: rows, specials, scale; article text reading."""
import json

import pytest
import torch

from ner_id.training.vectors import aligned, article_sentences


def test_aligned_replaces_known_words_keeps_the_rest_and_the_scale():
    words = ["<PAD>", "<UNK>", "<EMPTY>", "<ROOT>", "jakarta", "budi", "langka"]
    base = torch.zeros(7, 2)
    base[4:] = torch.tensor([[2.0, 0.0], [0.0, 2.0], [2.0, 0.0]])
    fresh = {"jakarta": [0.0, 6.0], "budi": [6.0, 0.0], "<UNK>": [9.0, 9.0], "absen": [1.0, 1.0]}
    emb = aligned(words, base, fresh)
    assert emb.shape == base.shape
    assert torch.equal(emb[:4], base[:4])  # specials are never replaced
    # new rows point the new way, the word it lacks keeps its old direction; norms 6, 6, 2 scaled by 2 / (14 / 3)
    assert torch.allclose(emb[4:], torch.tensor([[0.0, 18 / 7], [18 / 7, 0.0], [6 / 7, 0.0]]))
    assert emb[4:].norm(dim=1).mean().item() == pytest.approx(2.0)
    assert torch.equal(base[4], torch.tensor([2.0, 0.0]))  # base untouched


def test_aligned_rejects_a_word_list_of_another_length():
    with pytest.raises(ValueError, match="3 words for 5 vector rows"):
        aligned(["a", "b", "c"], torch.ones(5, 2), {})


def test_article_sentences_one_lower_cased_token_list_per_paragraph(tmp_path):
    path = tmp_path / "articles.jsonl"
    rows = [{"text": "Presiden Joko Widodo tiba.\n\nDi Jakarta, hujan."}, {"text": "BI-7DRR naik"}]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert list(article_sentences(path)) == [
        ["presiden", "joko", "widodo", "tiba", "."], ["di", "jakarta", ",", "hujan", "."], ["bi-7drr", "naik"]]
