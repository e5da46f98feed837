"""Rules and warnings: stable ids, valid effects, seed citations, all ten mistakes covered."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

from models.conditions import compile_condition, degree, fields_of
from models.rules import LARGE_CORPUS_TOKENS, RETRIEVAL_EVIDENCE, RULES, RULES_VERSION, rule_table
from models.seeds import SEED_SECTIONS, parse_citations
from models.warning_rules import WARNINGS

ENTRIES = [*RULES, *WARNINGS]


def test_ids_are_stable_and_unique() -> None:
    assert all(re.fullmatch(r"R-[A-Z0-9-]+", r.id) for r in RULES)
    assert all(re.fullmatch(r"W-[A-Z0-9-]+", w.id) for w in WARNINGS)
    ids = [e.id for e in ENTRIES]
    assert len(ids) == len(set(ids))
    assert RULES_VERSION


def test_each_rule_has_exactly_one_well_formed_effect() -> None:
    for rule in RULES:
        if rule.effect == "log_odds":
            assert rule.approach in ("prompt_engineering", "rag", "fine_tuning")
            assert rule.log_odds is not None and rule.log_odds != 0
            assert rule.constraint is None
        else:
            assert rule.constraint in ("forbid_fine_tuning", "require_retrieval",
                                       "forbid_retrieval")
            assert rule.approach is None and rule.log_odds is None


def test_every_one_of_the_ten_mistakes_maps_to_a_rule_or_warning() -> None:
    covered = {e.mistake for e in ENTRIES if e.mistake is not None}
    assert covered >= set(range(1, 11))
    assert covered <= set(range(1, 11))


def test_every_citation_names_a_known_seed_and_section() -> None:
    for entry in ENTRIES:
        pairs = parse_citations(source=entry.source)
        assert pairs, entry.id
        for seed, section in pairs:
            assert section in SEED_SECTIONS[seed], (entry.id, seed, section)


def test_mistake_numbers_match_a_cited_section() -> None:
    for entry in ENTRIES:
        if entry.mistake is None:
            continue
        cited = [section for _, section in parse_citations(source=entry.source)]
        assert any(s.startswith(f"{entry.mistake}. ") for s in cited), entry.id


def test_cited_sections_exist_in_the_seed_files(seeds_dir: Path) -> None:
    for seed, sections in SEED_SECTIONS.items():
        text = (seeds_dir / seed).read_text(encoding="utf-8")
        for section in sections:
            assert section in text, (seed, section)


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def test_messages_are_written_in_our_own_words(seeds_dir: Path) -> None:
    span = 7
    seed_spans = set()
    for path in seeds_dir.glob("*.txt"):
        words = _words(path.read_text(encoding="utf-8"))
        seed_spans |= {tuple(words[i : i + span]) for i in range(len(words) - span + 1)}
    for entry in ENTRIES:
        words = _words(entry.message)
        copied = [words[i : i + span] for i in range(len(words) - span + 1)
                  if tuple(words[i : i + span]) in seed_spans]
        assert not copied, (entry.id, copied)


def test_required_guidance_is_covered() -> None:
    ids = {r.id for r in RULES}
    for rid in (
        "R-FRESH-KNOWLEDGE", "R-PRIVATE-CONTEXT", "R-NO-SUCCESS-METRIC", "R-FEW-EXAMPLES",
        "R-UNCLEAN-DATA", "R-WORKFLOW-WEEKLY", "R-NO-MLOPS", "R-BROAD-TASK", "R-REASONING-GAP",
        "R-PROMPT-MEETS-BAR", "R-HIGH-STAKES-GUARDRAILS", "R-HIGH-VOLUME-NARROW-STRICT",
        "R-TIGHT-LATENCY-AT-VOLUME",
    ):
        assert rid in ids


def test_log_odds_rules_never_test_for_unknown_answers() -> None:
    for rule in RULES:
        if rule.effect == "log_odds":
            assert "unknown" not in repr(rule.when), rule.id


def test_degree_is_the_weighted_share_of_the_cases_answers() -> None:
    condition = {"all": [{"field": "data_quality", "is": "clean"},
                         {"field": "requests_per_day", "gte": 10}]}
    predicate = compile_condition(condition=condition)
    fields = fields_of(condition=condition)
    assert fields == ("data_quality", "requests_per_day")
    seen = {"data_quality": [("clean", 3), ("mixed", 1), ("noisy", 0)]}
    known = {"data_quality": "clean", "requests_per_day": 50}
    assert degree(predicate=predicate, fields=fields, answers=known, distribution=seen) == 1.0
    unknown = {"data_quality": None, "requests_per_day": 50}
    assert degree(predicate=predicate, fields=fields, answers=unknown, distribution=seen) == 0.75
    low = {"data_quality": None, "requests_per_day": 5}
    assert degree(predicate=predicate, fields=fields, answers=low, distribution=seen) == 0.0


def test_negation_holds_on_unknown_answers_and_is_kept_out_of_log_odds_rules() -> None:
    private = {"field": "needs_private_context", "is": True}
    predicate = compile_condition(condition={"not": private})
    assert predicate({"needs_private_context": None})
    assert predicate({"needs_private_context": False})
    assert not predicate({"needs_private_context": True})
    assert all("not" not in repr(r.when) for r in RULES if r.effect == "log_odds")


def test_retrieval_is_required_exactly_when_it_is_not_ruled_out() -> None:
    evidence = compile_condition(condition=RETRIEVAL_EVIDENCE)
    required = [compile_condition(condition=r.when) for r in RULES
                if r.constraint == "require_retrieval"]
    nothing = [compile_condition(condition=r.when) for r in RULES
               if r.constraint == "forbid_retrieval"]
    for fresh, private, gap, size in itertools.product(
            ["static", "weekly"], [None, False, True], [None, "format", "knowledge"],
            [None, 1_000, LARGE_CORPUS_TOKENS]):
        answers = {"knowledge_freshness": fresh, "needs_private_context": private,
                   "primary_gap": gap, "knowledge_size_tokens": size}
        assert any(p(answers) for p in required) == evidence(answers)
        assert any(p(answers) for p in nothing) == (not evidence(answers))


def test_rule_table_is_plain_json_data() -> None:
    table = rule_table()
    assert [row["id"] for row in table] == [r.id for r in RULES]
    assert all(isinstance(row["when"], dict) for row in table)
