"""The length histogram's geometry: one bar per bin, heights in proportion, the limit placed."""

from __future__ import annotations

from models.audit.chart import HEIGHT, WIDTH, histogram, short
from models.audit.report import Bin, LengthStats


def stats(*bins: tuple[int, int, int]) -> LengthStats:
    return LengthStats(count=sum(b[2] for b in bins), mean=1.0, max=bins[-1][1] - 1,
                       percentiles={"p50": bins[0][0], "p95": bins[-1][0]},
                       histogram=[Bin(lo=lo, hi=hi, count=n) for lo, hi, n in bins])


def test_bars_follow_the_bins_and_the_tallest_fills_the_plot() -> None:
    drawn = histogram(stats=stats((64, 128, 10), (128, 256, 40), (256, 512, 0), (512, 1024, 20)),
                      context_limit=4096)
    assert drawn is not None
    assert [b.label for b in drawn.bars] == ["64", "128", "256", "512"]
    heights = [b.height for b in drawn.bars]
    assert heights[2] == 0 and heights[1] == max(heights)
    assert abs(heights[0] / heights[1] - 0.25) < 0.01 and abs(heights[3] / heights[1] - 0.5) < 0.01
    assert all(0 <= b.x and b.x + b.width <= WIDTH and b.y >= 0 for b in drawn.bars)
    assert all(b.y + b.height <= HEIGHT for b in drawn.bars)
    assert [x for x in (b.x for b in drawn.bars)] == sorted(b.x for b in drawn.bars)
    assert drawn.limit_x is None  # 4096 is beyond the drawn bins
    assert "40 examples" in drawn.bars[1].title and "128 to 255 tokens" in drawn.bars[1].title


def test_the_context_limit_sits_inside_its_bin() -> None:
    drawn = histogram(stats=stats((2048, 4096, 5), (4096, 8192, 5)), context_limit=4096 + 2048)
    assert drawn is not None and drawn.limit_x is not None
    second = drawn.bars[1]
    assert second.x < drawn.limit_x < second.x + second.width
    assert abs((drawn.limit_x - second.x) / second.width - 0.585) < 0.01  # log2(1.5)


def test_nothing_to_draw_and_short_labels() -> None:
    assert histogram(stats=LengthStats(count=0, mean=0, max=0, percentiles={}, histogram=[]),
                     context_limit=4096) is None
    assert [short(n) for n in (4, 512, 2048, 1 << 20)] == ["4", "512", "2k", "1M"]
