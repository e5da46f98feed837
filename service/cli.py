"""The `advisor` command: serve, ingest, assess, train, evaluate, eval-retrieval."""

from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from service.config import BUILTIN_COLLECTION, REPO_ROOT, Settings

if TYPE_CHECKING:
    from knowledge.ingest import IngestReport

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__)


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="interface to bind")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port")] = 8000,
    workers: Annotated[int, typer.Option(help="uvicorn worker processes (external DB only)")] = 1,
) -> None:
    """Run the API; prepares the schema and indexes the built-in knowledge base on first start."""
    import uvicorn

    from service.logging import configure_logging

    configure_logging()
    settings = Settings()
    if workers > 1 and settings.embedded:
        raise typer.BadParameter(
            "several workers need one shared database: set ADVISOR_DATABASE_URL",
            param_hint="--workers",
        )
    uvicorn.run(
        "service.main:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_config=None,
        access_log=False,
    )


@app.command("ingest")
def ingest_cmd(
    paths: Annotated[list[Path], typer.Argument(help="files or folders (Markdown, text, HTML)")],
    collection: Annotated[str, typer.Option(help="collection to index into")] = BUILTIN_COLLECTION,
) -> None:
    """Index files into a collection; unchanged files are skipped (content hash)."""
    from knowledge.ingest import discover

    files, _ = discover(paths=paths)
    with typer.progressbar(length=max(1, len(files)), label="indexing", file=sys.stderr) as bar:
        report = asyncio.run(
            _ingest(paths=paths, collection=collection, progress=lambda _name, n: bar.update(n))
        )
    for path, reason in report.skipped:
        typer.echo(f"skipped {path}: {reason}", err=True)
    typer.echo(
        f"{collection}: {len(report.added)} added, {len(report.replaced)} replaced, "
        f"{len(report.unchanged)} unchanged, {len(report.skipped)} skipped, "
        f"{report.chunks_written} chunks written"
    )
    if not report.ingested_any:
        typer.echo("nothing could be ingested", err=True)
        raise typer.Exit(code=1)


async def _ingest(
    *, paths: list[Path], collection: str, progress: Callable[[str, int], None]
) -> IngestReport:
    """Start the database and the embedder only, index, stop them."""
    from service.indexing import ingest
    from service.parts import open_parts
    from service.state import Need

    async with open_parts(settings=Settings(), needs=Need.DATABASE | Need.EMBEDDER) as parts:
        return await asyncio.to_thread(
            ingest, conninfo=parts.conninfo, paths=paths, collection=collection,
            embedder=parts.embedder, progress=progress,
        )


def _read_questionnaires(*, source: str) -> list[tuple[int, Any]]:
    """(line number, parsed JSON or the parse error) for one object or JSON Lines."""
    text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    stripped = text.strip()
    if not stripped:
        return []
    try:
        return [(1, json.loads(stripped))]
    except json.JSONDecodeError:
        pass
    items: list[tuple[int, Any]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            items.append((number, json.loads(line)))
        except json.JSONDecodeError as err:
            items.append((number, err))
    return items


@app.command()
def assess(
    file: Annotated[str, typer.Argument(help="questionnaire JSON or JSON Lines; - for stdin")],
    no_guidance: Annotated[
        bool, typer.Option("--no-guidance", help="skip retrieval: no database or embedding model")
    ] = False,
) -> None:
    """Print one assessment document per questionnaire, one per line, in input order."""
    from service.batch import run_batch

    if file != "-" and not Path(file).is_file():
        raise typer.BadParameter(f"no such file: {file}", param_hint="FILE")
    items = _read_questionnaires(source=file)
    failures = run_batch(items=items, settings=Settings(), guidance=not no_guidance)
    if failures:
        raise typer.Exit(code=1)


@app.command()
def train(
    with_outcomes: Annotated[
        bool, typer.Option("--with-outcomes", help="fold recorded outcomes into the training cases")
    ] = False,
    output: Annotated[Path | None, typer.Option(help="artifact path")] = None,
) -> None:
    """Fit the model from its training cases and write the JSON artifact."""
    from models.training import train_artifact, write_artifact

    extra: list[dict[str, Any]] = []
    if with_outcomes:
        from service.outcomes import outcome_cases

        extra = outcome_cases(settings=Settings())
        typer.echo(f"outcomes folded in: {len(extra)}", err=True)
    artifact = train_artifact(extra_cases=extra)
    target = output or REPO_ROOT / "models" / "artifact.json"
    write_artifact(artifact=artifact, path=target)
    typer.echo(f"wrote {target.name}: version {artifact['version']}")


@app.command()
def evaluate() -> None:
    """Print the held-out evaluation report beside the rules-only baseline."""
    from models.evaluation import render_report

    typer.echo(render_report())


@app.command("eval-retrieval")
def eval_retrieval(
    seeds: Annotated[
        Path, typer.Option(help="folder of the seed documents (from a clone: ../shared/seeds)")
    ] = REPO_ROOT.parent / "shared" / "seeds",
    collection: Annotated[
        str, typer.Option(help="collection to (re)build from the seeds")
    ] = "seeds",
    split: Annotated[
        str, typer.Option(help="hard sets' questions to score: holdout, tune or all")
    ] = "holdout",
) -> None:
    """Index the seeds and the built-in corpus; print hit@3, hit@5, MRR@10 by kind of question."""
    from service.retrieval_eval import RetrievalEvalError, run_retrieval_eval

    try:
        tables = run_retrieval_eval(settings=Settings(), seeds=seeds, collection=collection,
                                    split=split)
    except RetrievalEvalError as err:
        typer.echo(f"eval-retrieval: {err}", err=True)
        raise typer.Exit(code=2) from err
    typer.echo(tables)


if __name__ == "__main__":
    app()
