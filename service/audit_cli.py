"""`advisor audit`: the dataset audit from the command line, with a progress bar on standard
error and either the audit document (--json) or a short summary on standard output."""

from __future__ import annotations

import sys
from pathlib import Path

from rich.console import Console
from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    TextColumn,
    TimeRemainingColumn,
    TransferSpeedColumn,
)
from rich.table import Table

from models.audit import AuditInputError, AuditOptions
from models.audit.document import AuditDocument, AuditFile
from service.audits import AuditInputs, audit_files

SHOWN_LINES = 5


def _inputs(*, train: Path, eval: Path | None, traffic: Path | None) -> AuditInputs:
    """The files as the audit reads them, named as the user typed them."""
    given = {"train": train, "eval": eval, "traffic": traffic}
    files = {role: AuditFile(name=path.name, bytes=path.stat().st_size)
             for role, path in given.items() if path is not None}
    return AuditInputs(train=train, eval=eval, traffic=traffic, files=files)


def audit_command(*, train: Path, eval: Path | None, traffic: Path | None, as_json: bool,
                  options: AuditOptions) -> int:
    """Run the audit and print it; the exit code is 1 when the input cannot be audited."""
    errors = Console(stderr=True)
    inputs = _inputs(train=train, eval=eval, traffic=traffic)
    bar = Progress(TextColumn("[bold]auditing[/] {task.description}"), BarColumn(),
                   DownloadColumn(), TransferSpeedColumn(), TimeRemainingColumn(),
                   console=errors)
    try:
        with bar:
            task = bar.add_task(train.name, total=max(1, train.stat().st_size))
            doc = audit_files(inputs=inputs, options=options, audit_id=None,
                              progress=lambda done: bar.update(task, completed=done))
    except AuditInputError as err:
        where = f"{err.file} file" + (f", line {err.line}" if err.line else "")
        errors.print(f"[red]cannot audit[/] ({where}): {err.message}", highlight=False,
                     markup=True, soft_wrap=True)
        return 1
    if as_json:
        sys.stdout.write(doc.to_json() + "\n")
    else:
        print_summary(doc=doc, console=Console())
    return 0


def print_summary(*, doc: AuditDocument, console: Console) -> None:
    """The headline, the findings table and the length figures, for people."""
    name = doc.files["train"].name if "train" in doc.files else "train"
    console.print(f"[bold]{name}[/]: {doc.examples:,} examples ({doc.format}), "
                  f"{doc.valid_examples:,} valid, [bold]{doc.usable_examples:,} usable[/]",
                  highlight=False)
    console.print(f"data quality: [bold]{doc.data_quality.value}[/] - {doc.data_quality_reason}",
                  highlight=False, soft_wrap=True)
    total = doc.tokens.total
    console.print(f"tokens per example ({doc.tokens.tokenizer.split(',')[0]}): median "
                  f"{total.percentiles.get('p50', 0):,}, p95 {total.percentiles.get('p95', 0):,},"
                  f" max {total.max:,}; {doc.tokens.over_context:,} over "
                  f"{doc.tokens.context_limit:,}", highlight=False, soft_wrap=True)
    if not doc.findings:
        console.print("no findings", style="green")
        return
    table = Table(title="Findings", title_justify="left")
    for column in ("finding", "severity", "count", "share", "first lines"):
        table.add_column(column, no_wrap=column != "first lines",
                         justify="right" if column in ("count", "share") else "left")
    for f in doc.findings:
        lines = ", ".join(str(n) for n in f.lines[:SHOWN_LINES]) or "-"
        more = ", …" if len(f.lines) > SHOWN_LINES else ""
        table.add_row(f.id, f.severity, f"{f.count:,}", f"{f.share:.1%}", lines + more)
    console.print(table)
    for f in doc.findings:
        console.print(f"[bold]{f.id}[/]: {f.message}", highlight=False, soft_wrap=False)
