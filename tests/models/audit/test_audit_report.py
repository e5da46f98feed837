"""What the report measures beyond defects, the same answer with or without worker processes,
and progress reporting."""

from __future__ import annotations

import io
import json
from pathlib import Path

from models.audit import AuditOptions, audit, run_audit
from models.audit.synthetic import NO_DEFECTS, generate, write_lines
from tests.models.audit.audit_support import Audited


def test_workers_and_chunking_do_not_change_the_result(tmp_path: Path) -> None:
    path = write_lines(path=tmp_path / "t.jsonl", lines=generate(n=1500, seed=51).lines)
    alone = audit(train=path, options=AuditOptions(workers=1, chunk_lines=1000))
    pooled = audit(train=path, options=AuditOptions(workers=2, chunk_lines=100))
    strip = {"engine"}
    assert alone.report.model_dump(exclude=strip) == pooled.report.model_dump(exclude=strip)
    assert all((alone.lines[k] == pooled.lines[k]).all() for k in alone.lines)


def test_progress_reports_bytes_read(tmp_path: Path) -> None:
    path = write_lines(path=tmp_path / "p.jsonl", lines=generate(n=600, seed=52).lines)
    seen: list[int] = []
    run_audit(train=path, options=AuditOptions(workers=1, chunk_lines=100), progress=seen.append)
    assert len(seen) >= 6 and seen == sorted(seen) and seen[-1] == path.stat().st_size


def test_token_statistics(dev_mixed: Audited) -> None:
    tokens = dev_mixed.run.report.tokens
    assert tokens.total.count == tokens.output.count == dev_mixed.run.report.valid_examples
    assert sum(b.count for b in tokens.total.histogram) == tokens.total.count
    p = tokens.total.percentiles
    assert 0 < p["p50"] <= p["p90"] <= p["p95"] <= p["p99"] <= tokens.total.max
    assert tokens.output.percentiles["p50"] < p["p50"]
    assert tokens.over_context == 0 and tokens.context_limit == 4096


def test_context_limit_counts_long_examples(tmp_path: Path) -> None:
    path = write_lines(path=tmp_path / "c.jsonl", lines=generate(n=300, seed=53,
                                                                 rates=NO_DEFECTS).lines)
    limited = run_audit(train=path, options=AuditOptions(workers=1, context_limit=60))
    assert 0 < limited.tokens.over_context < 300
    assert len(limited.tokens.over_context_lines) == min(20, limited.tokens.over_context)


def test_input_variety_is_a_ratio(dev_mixed: Audited) -> None:
    variety = dev_mixed.run.report.input_variety
    assert 0.05 < variety.distinct_bigram_ratio < 1.0
    assert variety.distinct_bigrams <= variety.bigrams


def test_mostly_json_outputs_list_the_exceptions() -> None:
    rows = [{"prompt": f"Extract the fields from message {i} about order {i * 31}",
             "completion": json.dumps({"id": i, "kind": ["a", "b"][i % 2]})} for i in range(40)]
    rows[7]["completion"] = "sorry, I cannot parse that"
    data = "\n".join(json.dumps(r) for r in rows).encode()
    report = run_audit(train=io.BytesIO(data), options=AuditOptions(workers=1))
    assert report.json_outputs.most_parse and report.json_outputs.lines_not_json == [8]
    assert report.json_outputs.share == round(39 / 40, 4)
    assert report.findings == []


def test_a_support_address_in_the_system_prompt_is_not_personal_data() -> None:
    rows = [{"messages": [{"role": "system", "content": "Escalate to help@example.com."},
                          {"role": "user", "content": f"Question {i}: where is parcel {i * 17}?"},
                          {"role": "assistant", "content": f"Parcel {i * 17} is in depot {i}."}]}
            for i in range(20)]
    rows[3]["messages"][1]["content"] += " Mail me at ana.lopez@example.org"
    report = run_audit(train=io.BytesIO("\n".join(json.dumps(r) for r in rows).encode()),
                       options=AuditOptions(workers=1))
    pii = [f for f in report.findings if f.id == "F-PII"]
    assert len(pii) == 1 and pii[0].lines == [4] and pii[0].breakdown == {"email": 1}
