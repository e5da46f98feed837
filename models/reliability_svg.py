"""A reliability diagram as a small, deterministic SVG: predicted score against observed rate.

Each bin of pooled per-approach scores is drawn as a bar of its observed rate, with a red line at
its mean predicted score; for a perfectly calibrated model every bar reaches its red line (and
the diagonal). Bins with fewer than ten cases are drawn paler, since their observed rate is
noisy. Text only from numbers: the same table always gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

SIZE = 320
PAD = 48
FEW = 10


def _x(value: float) -> float:
    return round(PAD + value * SIZE, 1)


def _y(value: float) -> float:
    return round(PAD + (1 - value) * SIZE, 1)


def _bar(*, row: dict[str, Any]) -> list[str]:
    """One bin: its observed-rate bar, its mean-prediction dot and its count."""
    if not row["n"]:
        return []
    left, right = _x(row["lo"]) + 2, _x(row["hi"]) - 2
    top = _y(row["observed"])
    opacity = "0.85" if row["n"] >= FEW else "0.35"
    return [
        f'<rect x="{left}" y="{top}" width="{round(right - left, 1)}" '
        f'height="{round(_y(0) - top, 1)}" fill="#0b57d0" fill-opacity="{opacity}">'
        f'<title>{row["lo"]:.1f}-{row["hi"]:.1f}: n={row["n"]}, predicted '
        f'{row["predicted"]:.3f}, observed {row["observed"]:.3f}</title></rect>',
        f'<line x1="{left}" y1="{_y(row["predicted"])}" x2="{right}" '
        f'y2="{_y(row["predicted"])}" stroke="#d93025" stroke-width="2.5"/>',
        f'<text x="{round((left + right) / 2, 1)}" y="{_y(0) + 14}" font-size="9" '
        f'text-anchor="middle" fill="#444">{row["n"]}</text>',
    ]


def _axes() -> list[str]:
    parts = [f'<rect x="{PAD}" y="{PAD}" width="{SIZE}" height="{SIZE}" fill="none" '
             f'stroke="#888"/>',
             f'<line x1="{_x(0)}" y1="{_y(0)}" x2="{_x(1)}" y2="{_y(1)}" stroke="#888" '
             f'stroke-dasharray="4 4"/>']
    for tick in range(0, 11, 2):
        value = tick / 10
        parts.append(f'<text x="{_x(value)}" y="{_y(0) + 28}" font-size="10" '
                     f'text-anchor="middle">{value:.1f}</text>')
        parts.append(f'<text x="{PAD - 6}" y="{_y(value) + 3}" font-size="10" '
                     f'text-anchor="end">{value:.1f}</text>')
    parts.append(f'<text x="{_x(0.5)}" y="{_y(0) + 42}" font-size="11" text-anchor="middle">'
                 'predicted score (bins of 0.1; count under each bin)</text>')
    parts.append(f'<text x="14" y="{_y(0.5)}" font-size="11" text-anchor="middle" '
                 f'transform="rotate(-90 14 {_y(0.5)})">observed rate</text>')
    parts.append(f'<text x="{PAD}" y="{_y(0) + 60}" font-size="10" fill="#444">bar: observed '
                 f'rate; red line: mean predicted score; pale: fewer than {FEW} cases</text>')
    return parts


def reliability_svg(*, table: Sequence[dict[str, Any]], title: str, note: str) -> str:
    """The diagram for one reliability table (rows with lo, hi, n, predicted, observed)."""
    width, height = SIZE + 2 * PAD + 60, SIZE + 2 * PAD + 30
    body = [f'<text x="{PAD}" y="20" font-size="13" font-weight="700">{title}</text>',
            f'<text x="{PAD}" y="36" font-size="10" fill="#444">{note}</text>', *_axes()]
    for row in table:
        body += _bar(row=row)
    inner = "\n  ".join(body)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" font-family="sans-serif" role="img" '
            f'aria-label="{title}">\n  {inner}\n</svg>\n')
