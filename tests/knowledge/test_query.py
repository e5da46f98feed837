"""Query rewriting: whole numbers, the spelling rules, and how synonyms rewrite a question."""

from __future__ import annotations

import pytest

from knowledge.query import (
    ALTERNATIVE,
    Synonym,
    Vocabulary,
    american,
    load_synonyms,
    rewrite,
    tokens,
)
from knowledge.tokenizer import english_words

WORDS = Vocabulary(
    counts={"worth": 4, "training": 12, "examples": 9, "aggregate": 1, "labeled": 2,
            "hallucinations": 3, "latency": 2, "pricing": 1, "patch": 1, "predicted": 1,
            "finetuning": 6},
    keep=english_words(),
)


def test_numbers_stay_whole_and_compounds_split_where_the_index_does() -> None:
    assert tokens(text="got 0.83, baseline .72 target @95% (1,000 rows)") == [
        "got", "0.83", "baseline", "0.72", "target", "95", "1,000", "rows",
    ]
    assert tokens(text="fine-tuning A/B tests on slack/discord dumps, 'knows'") == [
        "fine-tuning", "A/B", "tests", "on", "slack", "discord", "dumps", "knows",
    ]


@pytest.mark.parametrize(
    ("word", "fixed"),
    [
        ("worht", "worth"),  # transposition: one edit
        ("trainng", "training"),  # 7 letters, one deletion
        ("exmaples", "examples"),  # 8 letters
        ("agregate", "aggregate"),
        ("lablled", "labeled"),
        ("finetunning", "finetuning"),  # beyond 7 letters two edits are allowed
        ("Trainng", "training"),
    ],
)
def test_unknown_words_are_matched_to_the_collection_spelling(word: str, fixed: str) -> None:
    assert WORDS.correct(word=word) == fixed


@pytest.mark.parametrize(
    ("word", "why"),
    [
        ("worh", "shorter than five letters"),
        ("latncyy", "two edits but only seven letters"),
        ("examples", "already the collection's word"),
        ("12345", "a number"),
        ("pricng2", "not letters only"),
        ("xraining", "the first letter differs"),
        ("pitch", "a real English word, though one edit from 'patch'"),
        ("predicts", "an inflection of a real English word, two edits from 'predicted'"),
    ],
)
def test_words_the_spelling_pass_leaves_alone(word: str, why: str) -> None:
    assert WORDS.correct(word=word) is None, why


def test_ties_go_to_the_word_more_passages_hold() -> None:
    vocabulary = Vocabulary(counts={"worth": 1, "wortz": 5})
    assert vocabulary.correct(word="worty") == "wortz"


SHORTHAND = Synonym(forms=("ft",), mode="replace", expand="fine-tuning", reason="r")
BRIDGE = Synonym(forms=("invents", "makes stuff up"), mode="add", expand="hallucinations",
                 reason="r")


def test_replace_swaps_the_shorthand_on_both_sides() -> None:
    done = rewrite(text="will ft help?", synonyms=[SHORTHAND])
    assert done.keyword == "will fine-tuning help"
    assert done.dense == "will fine-tuning help?"
    assert done.notes == ["ft → fine-tuning (replace)"]
    assert rewrite(text="a soft drift", synonyms=[SHORTHAND]).keyword == "a soft drift"


def test_add_makes_the_bridge_an_alternative_of_the_word_or_a_new_word() -> None:
    word = rewrite(text="it invents facts", synonyms=[BRIDGE])
    assert word.keyword == f"it invents{ALTERNATIVE}hallucinations facts"
    assert word.dense == "it invents facts (hallucinations)"
    phrase = rewrite(text="the bot makes stuff up", synonyms=[BRIDGE])
    assert phrase.keyword == "the bot makes stuff up hallucinations"


def test_spelling_fixes_keep_the_users_word_on_the_keyword_side() -> None:
    done = rewrite(text="is ft worht it, 0.83 vs .72?", synonyms=[SHORTHAND], vocabulary=WORDS)
    assert done.keyword == f"is fine-tuning worht{ALTERNATIVE}worth it 0.83 vs 0.72"
    assert done.dense == "is fine-tuning worth it, 0.83 vs .72?"
    assert "worht → worth (spelling)" in done.notes


def test_synonym_forms_are_never_spell_corrected() -> None:
    vocabulary = Vocabulary(counts={"invests": 3})
    done = rewrite(text="it invents facts", synonyms=[BRIDGE], vocabulary=vocabulary)
    assert "invests" not in done.keyword


def test_the_shipped_map_loads_replacements_first() -> None:
    synonyms = load_synonyms()
    modes = [s.mode for s in synonyms]
    assert modes == sorted(modes, key=lambda m: m != "replace")
    done = rewrite(text="evalset for ft?", synonyms=synonyms)
    assert done.keyword.split() == ["eval|evaluation", "set", "for", "fine-tuning"]


@pytest.mark.parametrize(
    ("british", "us"),
    [
        ("customising", "customizing"),
        ("organisation", "organization"),
        ("behaviours", "behaviors"),
        ("favourite", "favorite"),
        ("analyse", "analyze"),
        ("catalogue", "catalog"),
        ("labelled", "labeled"),
        ("modelling", "modeling"),
        ("centre", "center"),
        ("licence", "license"),
    ],
)
def test_british_spellings_gain_the_american_one_as_an_alternative(british: str, us: str) -> None:
    assert american(word=british) == us
    done = rewrite(text=f"our {british} question", synonyms=[])
    assert f"{british}{ALTERNATIVE}{us}" in done.keyword.split()
    assert done.dense == f"our {british} question"
    assert f"{british} → {us} (American spelling)" in done.notes


@pytest.mark.parametrize(
    "word", ["wise", "rise", "base", "hour", "four", "your", "tour", "analysis", "called",
             "filled", "genre", "customize"],
)
def test_words_that_only_look_british_gain_nothing(word: str) -> None:
    assert american(word=word) is None
