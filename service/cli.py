"""The `advisor` command: serve, ingest, assess, audit, train, evaluate, eval-retrieval."""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

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
    from service.serving import uvicorn_options

    configure_logging()
    settings = Settings()
    if workers > 1 and settings.embedded:
        raise typer.BadParameter(
            "several workers need one shared database: set ADVISOR_DATABASE_URL",
            param_hint="--workers",
        )
    where = f"data in {settings.data_dir}" if settings.embedded else "external database"
    logging.getLogger("service").info("starting the advisor (%s)", where)
    from service.db.database import Database

    if settings.embedded:
        Database.start_early(settings=settings)  # initdb runs while the app imports
    try:
        uvicorn.run(
            "service.main:create_app",
            factory=True,
            host=host,
            port=port,
            workers=workers,
            log_config=None,
            access_log=False,
            **uvicorn_options(settings=settings),
        )
    finally:
        Database.release_unclaimed()


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


@app.command()
def assess(
    file: Annotated[str, typer.Argument(help="questionnaire JSON or JSON Lines; - for stdin")],
    no_guidance: Annotated[
        bool, typer.Option("--no-guidance", help="skip retrieval: no database or embedding model")
    ] = False,
) -> None:
    """Print one assessment document per questionnaire, one per line, in input order (streamed;
    a large file without guidance is shared by two worker processes, 64 lines in flight)."""
    from service.batch import run_batch

    if file != "-" and not Path(file).is_file():
        raise typer.BadParameter(f"no such file: {file}", param_hint="FILE")
    if file == "-":
        failures = run_batch(stream=sys.stdin.buffer, settings=Settings(), guidance=not no_guidance)
    else:
        with Path(file).open("rb") as stream:
            failures = run_batch(stream=stream, settings=Settings(), guidance=not no_guidance)
    if failures:
        typer.echo(f"{failures} line(s) could not be assessed; see the error objects", err=True)
        raise typer.Exit(code=1)


@app.command()
def audit(
    train: Annotated[Path, typer.Argument(exists=True, dir_okay=False, readable=True,
                                          help="training examples, JSON Lines")],
    eval_file: Annotated[Path | None, typer.Option(
        "--eval", exists=True, dir_okay=False, readable=True,
        help="eval examples (JSON Lines), checked for leakage from TRAIN")] = None,
    traffic: Annotated[Path | None, typer.Option(
        "--traffic", exists=True, dir_okay=False, readable=True,
        help="production inputs (one per line, or JSON Lines) to compare TRAIN with")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="print the audit document")] = False,
    context_limit: Annotated[int, typer.Option(min=16, help="tokens; longer examples are "
                                                             "counted")] = 4096,
    workers: Annotated[int, typer.Option(min=1, max=16, help="worker processes")] = 2,
) -> None:
    """Measure a training file before anyone trains on it (needs no database)."""
    from models.audit import AuditOptions
    from service.audit_cli import audit_command

    options = AuditOptions(context_limit=context_limit, workers=workers)
    code = audit_command(train=train, eval=eval_file, traffic=traffic, as_json=as_json,
                         options=options)
    if code:
        raise typer.Exit(code=code)


@app.command()
def train(
    with_outcomes: Annotated[
        bool, typer.Option("--with-outcomes", help="fold recorded outcomes into the training cases")
    ] = False,
    output: Annotated[Path | None, typer.Option(help="artifact path")] = None,
    force: Annotated[
        bool, typer.Option("--force", help="write even if held-out metrics got worse")
    ] = False,
) -> None:
    """Fit the model and write the JSON artifact, unless its held-out metrics are worse than
    the current artifact's (then nothing is written and the exit code is 1)."""
    from service.retrain import retrain

    target = output or REPO_ROOT / "models" / "artifact.json"
    run = retrain(settings=Settings(), target=target, with_outcomes=with_outcomes, force=force)
    if run.harvest is not None:
        found = run.harvest
        typer.echo(f"outcomes: {found.used} used, {len(found.rejected)} rejected, "
                   f"{found.silent} teach nothing (inconclusive or ambiguous)", err=True)
        for assessment_id, reason in found.rejected[:20]:
            typer.echo(f"  rejected {assessment_id}: {reason}", err=True)
    if run.worse:
        typer.echo("held-out metrics worse than the current artifact: " + "; ".join(run.worse),
                   err=True)
    if not run.written:
        typer.echo(f"not written: {target.name} kept (use --force to write anyway)", err=True)
        raise typer.Exit(code=1)
    typer.echo(f"wrote {target.name}: version {run.artifact['version']}")


@app.command()
def evaluate(
    reader: Annotated[bool, typer.Option(help="also evaluate the description reader")] = True,
) -> None:
    """Print the held-out evaluation report beside the rules-only baseline, then the reader's."""
    from models.evaluation import render_report

    typer.echo(render_report())
    if reader:
        from models.advisor import Advisor
        from models.reading.evaluate import evaluate_reader, report
        from service.parts import load_reader

        typer.echo("\nDescription reader (held-out sentences, whole descriptions, scenarios):")
        figures = evaluate_reader(reader=load_reader(), decider=Advisor.load())
        typer.echo(report(figures=figures))


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
