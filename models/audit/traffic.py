"""Do the training inputs look like live traffic? (seed 003 § 4)

Each text (a training example's last user turn / prompt / instruction input, or one traffic
line) gives: its length in words, whether it is short (at most 8 words), its typo count (ASCII
words of 2+ letters that the bundled MiniLM vocabulary does not hold as a whole word, so a
rough rate: rare domain words count too, equally on both sides) and its language (language.py).

A dimension differs materially when the effect is large AND a test says it is not chance:
- length: two-sample Kolmogorov-Smirnov statistic D >= 0.3 with p < 0.01;
- short-message share: difference >= 20 points, chi-square p < 0.01;
- typo rate: difference >= 5 points, chi-square p < 0.01;
- language mix: total variation distance >= 0.15 between the language shares of texts with a
  known language, chi-square p < 0.01.
Fewer than 30 usable traffic lines are too few to compare.
"""

from __future__ import annotations

import json
from typing import Any

import numpy as np

from models.audit.language import language
from models.audit.reader import LineReader
from models.audit.text import words
from models.audit.tokens import whole_words

METHOD = ("Training texts are each example's last user turn, prompt or instruction input. "
          "Short: at most 8 words. Typo rate: share of ASCII words of 2+ letters the MiniLM "
          "vocabulary lacks as whole words. Language: writing system, then stopwords.")
SHORT_WORDS = 8
MIN_TRAFFIC = 30
P_MAX = 0.01
LENGTH_D, SHORT_DELTA, TYPO_DELTA, LANGUAGE_TVD = 0.3, 0.20, 0.05, 0.15
TEXT_KEYS = ("text", "input", "prompt", "message", "content", "query", "question")
LANGS: tuple[str, ...] = ("und", "en", "es", "fr", "de", "pt", "it", "nl", "ru", "el", "ar",
                          "he", "hi", "th", "ko", "ja", "zh")


def features(text: str) -> tuple[int, int, int, int]:
    """(words, typo words, checked words, language index) of one text."""
    tokens = words(text)
    vocab = whole_words()
    checked = [t for t in tokens if len(t) > 1 and t.isascii() and t.isalpha()]
    typos = sum(1 for t in checked if t not in vocab)
    return len(tokens), typos, len(checked), LANGS.index(language(text))


def traffic_text(line: bytes) -> str:
    """A traffic line's message: plain text, a JSON string, or a JSON object's text field."""
    text = line.decode("utf-8", errors="replace").strip()
    if not text or text[0] not in "{\"":
        return text
    try:
        value: Any = json.loads(text)
    except json.JSONDecodeError:
        return text
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        msgs = value.get("messages")
        if isinstance(msgs, list):
            users = [m.get("content") for m in msgs if isinstance(m, dict)
                     and m.get("role") == "user" and isinstance(m.get("content"), str)]
            if users:
                return str(users[-1])
        for key in TEXT_KEYS:
            if isinstance(value.get(key), str):
                return str(value[key])
    return text


def read_traffic(*, reader: LineReader, limit: int) -> np.ndarray:
    """Feature rows of up to `limit` traffic lines (longer files: the first `limit`)."""
    rows = []
    for _, line in reader:
        if line is None:
            continue
        rows.append(features(traffic_text(line)))
        if len(rows) >= limit:
            break
    return np.array(rows, dtype=np.int64).reshape(-1, 4)


def _dimension(*, name: str, measure: str, train: float, traffic: float, statistic: float,
               p: float, test: str, threshold: str, differs: bool) -> dict[str, Any]:
    return {"name": name, "measure": measure, "train": round(train, 4),
            "traffic": round(traffic, 4),
            "statistic": round(statistic, 4), "p_value": float(f"{p:.3g}"), "test": test,
            "threshold": threshold, "differs": bool(differs)}


def _stats() -> Any:
    """scipy.stats, imported when a comparison runs: it is slow to import and most audits have
    no traffic sample."""
    from scipy import stats

    return stats


def _proportions(*, name: str, measure: str, hits: tuple[int, int], totals: tuple[int, int],
                 delta: float) -> dict[str, Any]:
    a, b = hits[0] / max(1, totals[0]), hits[1] / max(1, totals[1])
    table = np.array([[hits[0], totals[0] - hits[0]], [hits[1], totals[1] - hits[1]]])
    p = 1.0
    if table.sum(axis=0).min() > 0:
        p = float(_stats().chi2_contingency(table).pvalue)
    return _dimension(name=name, measure=measure, train=a, traffic=b, statistic=b - a, p=p,
                      test="chi-square",
                      threshold=f"|difference| >= {delta:.2f} and p < {P_MAX}",
                      differs=abs(b - a) >= delta and p < P_MAX)


def _languages(train: np.ndarray, traffic: np.ndarray) -> dict[str, Any]:
    a = np.bincount(train[train > 0], minlength=len(LANGS))[1:]
    b = np.bincount(traffic[traffic > 0], minlength=len(LANGS))[1:]
    if a.sum() == 0 or b.sum() == 0:
        return _dimension(name="language", measure="no known language", train=0.0,
                          traffic=0.0, statistic=0.0, p=1.0,
                          test="chi-square", threshold="no text with a known language",
                          differs=False)
    keep = (a + b) > 0
    tvd = 0.5 * float(np.abs(a / a.sum() - b / b.sum()).sum())
    p = float(_stats().chi2_contingency(np.vstack((a[keep], b[keep]))).pvalue) if keep.sum() > 1 \
        else 1.0
    top = LANGS[1 + int(np.argmax(a))]
    return _dimension(name="language", measure=f"share of texts in '{top}'",
                      train=float(a[LANGS.index(top) - 1] / a.sum()),
                      traffic=float(b[LANGS.index(top) - 1] / b.sum()), statistic=tvd, p=p,
                      test="chi-square on language counts; statistic = total variation",
                      threshold=f"total variation >= {LANGUAGE_TVD} and p < {P_MAX}",
                      differs=tvd >= LANGUAGE_TVD and p < P_MAX)


def compare(*, train: np.ndarray, traffic: np.ndarray) -> list[dict[str, Any]]:
    """Each dimension's figures for train vs traffic feature rows."""
    ks = _stats().ks_2samp(train[:, 0], traffic[:, 0])
    length = _dimension(
        name="length_words", measure="median words", train=float(np.median(train[:, 0])),
        traffic=float(np.median(traffic[:, 0])), statistic=float(ks.statistic),
        p=float(ks.pvalue), test="two-sample Kolmogorov-Smirnov",
        threshold=f"D >= {LENGTH_D} and p < {P_MAX}",
        differs=ks.statistic >= LENGTH_D and ks.pvalue < P_MAX)
    short = _proportions(name="short_message_share",
                         measure=f"share of texts of at most {SHORT_WORDS} words",
                         hits=(int((train[:, 0] <= SHORT_WORDS).sum()),
                               int((traffic[:, 0] <= SHORT_WORDS).sum())),
                         totals=(len(train), len(traffic)), delta=SHORT_DELTA)
    typos = _proportions(name="typo_rate", measure="share of words not in the vocabulary",
                         hits=(int(train[:, 1].sum()), int(traffic[:, 1].sum())),
                         totals=(int(train[:, 2].sum()), int(traffic[:, 2].sum())),
                         delta=TYPO_DELTA)
    return [length, short, typos, _languages(train[:, 3], traffic[:, 3])]
