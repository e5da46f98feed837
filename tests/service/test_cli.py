"""The `advisor` command line: assess (with and without guidance), ingest, train, evaluate."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO
from tests.support import answers

ADVISOR = str(Path(sys.executable).with_name("advisor"))
REQUIRED = answers(task_narrowness="broad", requests_per_day=50, mlops_capacity="none")


def run(
    *args: str,
    env: dict[str, str] | None = None,
    stdin: str | None = None,
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [ADVISOR, *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, **(env or {})},
        timeout=300,
        check=False,
    )


def test_assess_without_guidance_needs_no_database(tmp_path: Path) -> None:
    lines = [dict(REQUIRED, requests_per_day=n) for n in (10, 20, 30)]
    stdin = "\n".join(json.dumps(x) for x in lines) + "\n"
    # A database URL that cannot work proves the command never touches one.
    result = run(
        "assess",
        "-",
        "--no-guidance",
        stdin=stdin,
        env={
            "ADVISOR_DATABASE_URL": "postgresql://nobody@127.0.0.1:1/none",
            "ADVISOR_DATA_DIR": str(tmp_path),
        },
    )
    assert result.returncode == 0, result.stderr
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["questionnaire"]["requests_per_day"] for d in docs] == [10, 20, 30]
    assert all(d["guidance"] == [] and d["recommendation"] for d in docs)


def test_assess_file_with_a_bad_line_keeps_order_and_fails(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text(
        json.dumps(REQUIRED) + "\n{broken\n" + json.dumps(dict(REQUIRED, colour=1)) + "\n"
    )
    result = run("assess", str(path), "--no-guidance")
    assert result.returncode == 1
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert "recommendation" in out[0]
    assert out[1]["error"] and out[1]["line"] == 2
    assert out[2]["error"] and out[2]["line"] == 3


def test_a_big_file_split_over_workers_prints_what_one_process_prints(tmp_path: Path) -> None:
    """Over POOL_MIN_BYTES the no-guidance batch runs in worker processes: the same documents,
    error objects, line numbers, order and exit code as the single-process stream."""
    from service.batch import POOL_MIN_BYTES, worth_a_pool

    texts = ["We answer refund questions for our shop, about 3,000 tickets a day.",
             "Prices change every Friday; it's just me maintaining this next to my day job.",
             "A nurse reviews every suggestion; we have about 5k labelled replies."]
    lines: list[str] = []
    n = 0
    while sum(map(len, lines)) < POOL_MIN_BYTES + 5_000:
        n += 1
        if n % 37 == 3:
            lines.append("{broken")
        elif n % 41 == 5:
            lines.append(json.dumps(dict(REQUIRED, dataset_audit_id="audit-1")))
        elif n % 43 == 7:
            lines.append(json.dumps(dict(REQUIRED, requests_per_day="lots")))
        else:
            lines.append(json.dumps(dict(REQUIRED, requests_per_day=n,
                                         description=texts[n % 3] * (1 + n % 4))))
    path = tmp_path / "big.jsonl"
    path.write_text("\n".join(lines) + "\n")
    with path.open("rb") as stream:
        if not worth_a_pool(stream=stream):
            pytest.skip("fewer than two cores: the batch is never split here")
    env = {"ADVISOR_DATA_DIR": str(tmp_path)}
    pooled = run("assess", str(path), "--no-guidance", env=env)
    streamed = run("assess", "-", "--no-guidance", env=env, stdin=path.read_text())

    def same(out: str) -> list[dict[str, Any]]:
        docs = [json.loads(line) for line in out.splitlines()]
        for doc in docs:
            doc.pop("id", None)
            doc.pop("created_at", None)
        return docs

    assert pooled.returncode == streamed.returncode == 1
    assert pooled.stderr.splitlines()[-1] == streamed.stderr.splitlines()[-1]
    assert same(pooled.stdout) == same(streamed.stdout)
    docs = same(pooled.stdout)
    assert len(docs) == n and [d["line"] for d in docs if "error" in d] == [
        i + 1 for i, line in enumerate(lines) if "broken" in line or "audit-1" in line
        or '"lots"' in line]
    assert [d["questionnaire"]["requests_per_day"] for d in docs if "error" not in d] == [
        i + 1 for i, line in enumerate(lines) if '"description"' in line]


def test_assess_single_object_with_guidance_is_stored(database_url: str, tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text(
        json.dumps(dict(REQUIRED, description="we keep changing our pricing docs"), indent=2)
    )
    result = run(
        "assess",
        str(path),
        env={"ADVISOR_DATABASE_URL": database_url, "ADVISOR_DATA_DIR": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    (doc,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(doc["guidance"]) >= 3
    import psycopg

    with psycopg.connect(database_url) as conn:
        row = conn.execute("SELECT source FROM assessments WHERE id = %s", (doc["id"],)).fetchone()
    assert row == ("cli",)


def test_ingest_twice_then_nothing_ingestible(database_url: str, tmp_path: Path) -> None:
    env = {"ADVISOR_DATABASE_URL": database_url, "ADVISOR_DATA_DIR": str(tmp_path)}
    seeds = REPO.parent / "shared" / "seeds"
    first = run("ingest", str(seeds), "--collection", "cli-seeds", env=env)
    assert first.returncode == 0, first.stderr
    assert "3 added" in first.stdout
    second = run("ingest", str(seeds), "--collection", "cli-seeds", env=env)
    assert (
        "0 added, 0 replaced, 3 unchanged" in second.stdout and "0 chunks written" in second.stdout
    )
    (tmp_path / "empty.md").write_text("")
    nothing = run("ingest", str(tmp_path / "empty.md"), "--collection", "cli-none", env=env)
    assert nothing.returncode == 1 and "empty file" in nothing.stderr


@pytest.mark.slow
def test_train_is_deterministic_and_evaluate_reports(tmp_path: Path) -> None:
    out = tmp_path / "artifact.json"
    trained = run("train", "--output", str(out))
    assert trained.returncode == 0, trained.stderr
    assert out.read_bytes() == (REPO / "models" / "artifact.json").read_bytes()
    report = run("evaluate")
    assert report.returncode == 0 and "accuracy" in report.stdout and "rules-only" in report.stdout
    for part in ("holdout_sentences: precision", "descriptions: precision",
                 "fresh_descriptions: precision", "conflicts: precision",
                 "scenarios/description:", "scenarios/control:"):
        assert part in report.stdout


# Finding 10: streaming, bad lines in place, non-UTF-8, symlinks.


def test_assess_streams_one_line_out_per_line_in(tmp_path: Path) -> None:
    """The first document is printed while the input is still open (no read-everything-first)."""
    env = {**os.environ, "ADVISOR_DATA_DIR": str(tmp_path)}
    proc = subprocess.Popen([ADVISOR, "assess", "-", "--no-guidance"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=REPO, env=env)
    assert proc.stdin is not None and proc.stdout is not None
    try:
        for n in (11, 22):
            proc.stdin.write((json.dumps(dict(REQUIRED, requests_per_day=n)) + "\n").encode())
            proc.stdin.flush()
            out = json.loads(proc.stdout.readline())  # blocks until this line's answer
            assert out["questionnaire"]["requests_per_day"] == n
        proc.stdin.close()
        assert proc.wait(timeout=120) == 0
    finally:
        proc.kill()


def test_hostile_lines_become_error_objects_and_the_batch_goes_on(tmp_path: Path) -> None:
    good = json.dumps(REQUIRED).encode()
    lines = [
        good,
        b"[" * 200_000,  # nesting deeper than the parser allows
        json.dumps(dict(REQUIRED, requests_per_day=7)).replace(": 7", ": " + "9" * 5000).encode(),
        b'{"description": "caf\xe9"}',  # Latin-1, not UTF-8
        b"x" * 1_100_000,  # over the 1 MB line limit
        good,
    ]
    path = tmp_path / "hostile.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    result = run("assess", str(path), "--no-guidance")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(out) == 6
    assert "recommendation" in out[0] and "recommendation" in out[5]
    assert [o["line"] for o in out[1:5]] == [2, 3, 4, 5]
    assert "nested too deeply" in out[1]["detail"]
    assert "4300 digits" in out[2]["detail"]  # over Python's integer digit limit
    assert "not UTF-8" in out[3]["detail"] and "column 21" in out[3]["detail"]
    assert "over 1000000 bytes" in out[4]["detail"]
    assert "4 line(s) could not be assessed" in result.stderr


def test_ingest_does_not_follow_links_out_of_the_folder(tmp_path: Path) -> None:
    from knowledge.ingest import discover

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "notes.md").write_text("# Notes\n\nkept")
    secret = tmp_path / "outside.txt"
    secret.write_text("root:x:0:0")
    (docs / "passwd.txt").symlink_to(secret)
    (docs / "alias.md").symlink_to(docs / "notes.md")  # inside: fine
    found, problems = discover(paths=[docs])
    assert sorted(f.name for f in found) == ["alias.md", "notes.md"]
    assert problems == [(str(docs / "passwd.txt"),
                         "links outside the folder given; not followed")]
def test_eval_retrieval_without_seeds_fails_loudly(tmp_path: Path) -> None:
    missing = run("eval-retrieval", "--seeds", str(tmp_path / "nowhere"),
                  env={"ADVISOR_DATA_DIR": str(tmp_path)})
    assert missing.returncode == 2 and missing.stdout == ""
    assert "no seeds folder" in missing.stderr and "--seeds" in missing.stderr


def test_eval_retrieval_on_the_wrong_folder_fails_loudly(database_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "other"
    folder.mkdir()
    (folder / "notes.md").write_text("# Notes\n\nNothing here is about the seed files at all.\n")
    wrong = run("eval-retrieval", "--seeds", str(folder), "--collection", "cli-wrong-seeds",
                env={"ADVISOR_DATABASE_URL": database_url, "ADVISOR_DATA_DIR": str(tmp_path)})
    assert wrong.returncode == 2 and "holds none of the files" in wrong.stderr, wrong.stderr


def test_eval_retrieval_prints_tables_by_kind(database_url: str, tmp_path: Path) -> None:
    done = run("eval-retrieval", "--collection", "cli-eval-seeds",
               env={"ADVISOR_DATABASE_URL": database_url, "ADVISOR_DATA_DIR": str(tmp_path)})
    assert done.returncode == 0, done.stderr
    out = done.stdout
    for title in ("### seeds: hard_seed_queries.jsonl, holdout split (47 questions)",
                  "### seeds: seed_queries.jsonl, all (52 questions)",
                  "### built-in corpus: hard_corpus_queries.jsonl, holdout split (31 questions)",
                  "### built-in corpus: corpus_queries.jsonl, all (55 questions)"):
        assert title in out, out
    header = "| kind | n | dense hit@3 | dense hit@5 | dense mrr@10 | keyword hit@3 |"
    assert out.count(header) == 4
    rows = [line for line in out.splitlines() if line.startswith("| ") and line != header
            and not line.startswith("| kind")]
    kinds = {row.split(" | ")[0].strip("| *") for row in rows}
    assert kinds == {"paraphrase", "slack", "subsection", "nonnative", "long", "all"}
    for row in rows:
        cells = [float(c) for c in row.strip(" |").split(" | ")[2:]]
        assert len(cells) == 9 and max(cells) > 0, row  # a real table, never a row of zeros
