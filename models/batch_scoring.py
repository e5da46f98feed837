"""Many one-answer changes of one questionnaire scored in one pass, bit for bit as `decide` would.

What-if search and open questions ask the model about dozens of questionnaires that each differ
from one base in a single answer. Instead of reading every one from scratch, the base is read
once and each candidate only re-reads what its changed answer touches:
- a matrix of centred features (candidates x features): the base's row, with the changed
  field's columns re-encoded and the `ruled_out:<approach>` columns set from the constraints;
- rule shares and constraints: the base's, re-evaluated only for the rules that read the changed
  field (shares come from the reader's memoised degrees);
- per approach, one elementwise product of the matrix with its coefficients, and of the share
  columns with each rule's calibrated log-odds (zero for other approaches' rules).
Each row of terms is added with `math.fsum`, which rounds the exact sum correctly whatever the
order of the terms or the zeros among them, so every logit equals the one `Advisor.decide`
computes exactly: the same products, the same correctly rounded sum, the same intercept added.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from models.features import ANSWER_FIELDS, ENCODINGS, MODEL_FEATURES, centred_features
from models.rules import RULES_OUT
from models.scoring import Reader
from models.vocabulary import APPROACHES

Change = tuple[str, Any]
Logits = tuple[float, ...]
RuledOut = dict[str, list[str]]


class BatchScorer:
    """Logits and ruled-out approaches of one-answer changes, read against one base."""

    def __init__(
        self, *, reader: Reader, coefficients: Mapping[str, Mapping[str, float]],
        intercepts: Mapping[str, float], slopes: Mapping[str, float],
    ) -> None:
        self._reader = reader
        self._intercepts = tuple(float(intercepts[a]) for a in APPROACHES)
        column = {name: i for i, name in enumerate(MODEL_FEATURES)}
        self._columns = {field: [column[name] for name in enc.features]
                         for field, enc in ENCODINGS.items()}
        self._ruled_out_columns = [column[f"ruled_out:{a}"] for a in APPROACHES]
        rules = reader.rules
        self._odds = [i for i, (rule, _, _) in enumerate(rules) if rule["effect"] != "constraint"]
        self._constraints = [i for i, (rule, _, _) in enumerate(rules)
                             if rule["effect"] == "constraint"]
        # Per approach, only the terms that can be non-zero: features with a coefficient, and its
        # own rules with the same product `Advisor` forms, (slope x log-odds), later x share.
        # A dropped term is exactly zero, so the correctly rounded sum does not change.
        self._learned: list[tuple[list[int], npt.NDArray[np.float64]]] = []
        self._rule_terms: list[tuple[list[int], npt.NDArray[np.float64]]] = []
        for approach in APPROACHES:
            coef = [(column[name], float(coefficients[approach][name])) for name in MODEL_FEATURES]
            kept = [(c, x) for c, x in coef if x != 0.0]
            self._learned.append(([c for c, _ in kept], np.array([x for _, x in kept])))
            own = [(j, float(slopes[approach]) * float(rules[i][0]["log_odds"]))
                   for j, i in enumerate(self._odds) if rules[i][0]["approach"] == approach]
            self._rule_terms.append(([j for j, _ in own], np.array([w for _, w in own])))
        self._rules_out = [
            [k for k, i in enumerate(self._constraints)
             if RULES_OUT[rules[i][0]["constraint"]] == approach] for approach in APPROACHES]
        self._reads = {
            field: ([j for j, i in enumerate(self._odds) if field in rules[i][2]],
                    [k for k, i in enumerate(self._constraints) if field in rules[i][2]])
            for field in ANSWER_FIELDS}

    def score(
        self, *, base: Mapping[str, Any], changes: Sequence[Change]
    ) -> list[tuple[Logits, RuledOut]]:
        """Per change, the logits in `APPROACHES` order and what the constraints rule out."""
        if not changes:
            return []
        reader, n = self._reader, len(changes)
        for field, _ in changes:
            if field not in self._reads:
                raise ValueError(f"{field!r} is not a scored answer; change one of "
                                 f"{', '.join(ANSWER_FIELDS)}")
        centred = centred_features(answers=base, reference=reader.reference)
        features = np.tile([centred.get(name, 0.0) for name in MODEL_FEATURES], (n, 1))
        shares = np.tile([reader.share(index=i, answers=base) for i in self._odds], (n, 1))
        fired = np.tile(np.array([bool(reader.rules[i][1](base)) for i in self._constraints],
                                  dtype=bool), (n, 1))
        groups: dict[str, list[int]] = {}
        for row, (field, _) in enumerate(changes):
            groups.setdefault(field, []).append(row)
        for field, rows in groups.items():
            self._change(base=base, field=field, rows=rows,
                         values=[changes[row][1] for row in rows],
                         features=features, shares=shares, fired=fired)
        for a, columns in enumerate(self._rules_out):
            features[:, self._ruled_out_columns[a]] = fired[:, columns].any(axis=1)
        return list(zip(self._logits(features=features, shares=shares),
                        self._ruled_out(fired=fired), strict=True))

    def _change(
        self, *, base: Mapping[str, Any], field: str, rows: list[int], values: list[Any],
        features: npt.NDArray[np.float64], shares: npt.NDArray[np.float64],
        fired: npt.NDArray[np.bool_],
    ) -> None:
        """Re-encode one field's columns and re-read the rules that read it, for its rows."""
        reader = self._reader
        reference = reader.reference
        names = ENCODINGS[field].features
        values = [value.value if hasattr(value, "value") else value for value in values]
        encoded = []
        for value in values:
            if value is None:
                encoded.append([0.0] * len(names))
            else:
                x = ENCODINGS[field].encode(value)
                encoded.append([x[name] - reference[name] for name in names])
        features[np.array(rows)[:, None], self._columns[field]] = encoded
        odds, constraints = self._reads[field]
        if odds:
            shares[np.array(rows)[:, None], odds] = np.array([
                reader.over(index=self._odds[j], answers=base, field=field, values=values)
                for j in odds]).T
        if constraints:
            fired[np.array(rows)[:, None], constraints] = np.array([
                reader.over(index=self._constraints[k], answers=base, field=field, values=values)
                for k in constraints]).T == 1.0

    def _logits(
        self, *, features: npt.NDArray[np.float64], shares: npt.NDArray[np.float64]
    ) -> list[Logits]:
        """Intercept plus the correctly rounded sum of each row's terms, per approach."""
        sums = []
        for (columns, coef), (rule_columns, weights) in zip(
                self._learned, self._rule_terms, strict=True):
            terms = np.concatenate(
                [features[:, columns] * coef, shares[:, rule_columns] * weights], axis=1)
            sums.append([math.fsum(row) for row in terms.tolist()])
        return [tuple(b + x for b, x in zip(self._intercepts, row, strict=True))
                for row in zip(*sums, strict=True)]

    def _ruled_out(self, *, fired: npt.NDArray[np.bool_]) -> list[RuledOut]:
        """Per row, the rules that rule each approach out, in rule order (a fresh dict each)."""
        ids = [str(self._reader.rules[i][0]["id"]) for i in self._constraints]
        seen: dict[tuple[bool, ...], RuledOut] = {}
        out: list[RuledOut] = []
        for key in map(tuple, fired.tolist()):
            if key not in seen:
                found = {approach: [ids[k] for k in columns if key[k]]
                         for approach, columns in zip(APPROACHES, self._rules_out, strict=True)}
                seen[key] = {approach: rules for approach, rules in found.items() if rules}
            out.append({approach: list(rules) for approach, rules in seen[key].items()})
        return out
