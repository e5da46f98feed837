"""Per-example scores from CSV text (the verdict page's paste box or upload), with line numbers.

The first non-blank line names the columns; `baseline` and `candidate` (or `before` and `after`
for a guardrail set) must be among them, in any order and case; other columns (an example id,
say) are ignored. Commas, semicolons or tabs separate cells. Every cell must be a number in
[0, 1]: 0/1 for pass/fail, else a fraction. Problems are reported by line of the text (the header
is line 1), at most `MAX_PROBLEMS` of them, so a person can fix the file.
"""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass

import numpy as np

from models.verdict.request import MAX_PAIRS, Paired

MAX_PROBLEMS = 20
RESULT_COLUMNS = ("baseline", "candidate")
GUARDRAIL_COLUMNS = ("before", "after")


@dataclass(frozen=True)
class CsvProblem:
    """One thing wrong with the text, where it is, and what to do."""

    line: int
    column: str | None
    message: str

    def __str__(self) -> str:
        where = f"line {self.line}" + (f", column {self.column}" if self.column else "")
        return f"{where}: {self.message}"


class CsvScoresError(ValueError):
    """The text could not be read as paired scores; `problems` says where and why."""

    def __init__(self, problems: list[CsvProblem]) -> None:
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems))


def _dialect(*, header: str) -> str:
    """The separator the header line uses: comma unless it only has semicolons or tabs."""
    if "," in header:
        return ","
    return "\t" if "\t" in header else (";" if ";" in header else ",")


def _cell(*, raw: str, line: int, column: str, problems: list[CsvProblem]) -> float:
    """One score, or a recorded problem (and NaN) when the cell is not a number in [0, 1]."""
    text = raw.strip()
    try:
        value = float(text)
    except ValueError:
        shown = text if len(text) <= 20 else text[:17] + "..."
        what = "the cell is empty" if not text else f"'{shown}' is not a number"
        problems.append(CsvProblem(line, column, f"{what}: give 0/1 or a score in [0, 1]"))
        return math.nan
    if not (math.isfinite(value) and 0.0 <= value <= 1.0):
        problems.append(CsvProblem(line, column, f"{text} is outside [0, 1]"))
        return math.nan
    return value


def _header(*, row: list[str], columns: tuple[str, str], line: int) -> tuple[int, int]:
    """Positions of the two named columns, or an error naming the fix."""
    names = [cell.strip().lower() for cell in row]
    missing = [name for name in columns if name not in names]
    if missing:
        raise CsvScoresError(
            [
                CsvProblem(
                    line,
                    None,
                    f"the header must name the columns {','.join(columns)} (missing: "
                    f"{', '.join(missing)}); found: {','.join(names) or 'nothing'}",
                )
            ]
        )
    return names.index(columns[0]), names.index(columns[1])


def parse_scores_csv(*, text: str, columns: tuple[str, str] = RESULT_COLUMNS) -> Paired:
    """Paired score columns from CSV text; raises `CsvScoresError` naming every bad line."""
    lines = text.lstrip("\ufeff").splitlines()
    start = next((i for i, line in enumerate(lines) if line.strip()), None)
    if start is None:
        raise CsvScoresError([CsvProblem(1, None, f"no rows: paste {','.join(columns)} lines")])
    reader = csv.reader(
        io.StringIO("\n".join(lines[start:])), delimiter=_dialect(header=lines[start])
    )
    first_at, second_at = _header(row=next(reader), columns=columns, line=start + 1)
    problems: list[CsvProblem] = []
    first: list[float] = []
    second: list[float] = []
    for row in reader:
        line = start + reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(first) == MAX_PAIRS:
            problems.append(CsvProblem(line, None, f"more than {MAX_PAIRS} rows; send a sample"))
            break
        cells = []
        for name, at in ((columns[0], first_at), (columns[1], second_at)):
            raw = row[at] if at < len(row) else ""
            cells.append(_cell(raw=raw, line=line, column=name, problems=problems))
        first.append(cells[0])
        second.append(cells[1])
        if len(problems) >= MAX_PROBLEMS:
            break
    if not problems and not first:
        problems.append(CsvProblem(start + 1, None, "a header but no rows of scores"))
    if problems:
        raise CsvScoresError(problems[:MAX_PROBLEMS])
    return Paired(
        first=np.array(first, dtype=np.float64), second=np.array(second, dtype=np.float64)
    )
