"""Which kind of fine-tuning fits: a managed API, a LoRA or QLoRA adapter, or full fine-tuning.

The choice reads five answers, in this order:
1. mlops_capacity none → managed API: nobody can run GPU training, evaluation and rollback.
2. Reasons to self-host → an adapter (QLoRA with a part-time owner: a 4-bit base fits one GPU;
   LoRA with a dedicated team): very high volume (requests_per_day >= HIGH_VOLUME, where paying
   per token for hosted inference outgrows running a small model yourself), a tight latency
   budget (< TIGHT_LATENCY_MS, no room for a hop to a shared endpoint), or private data
   (needs_private_context, or a risk_domain in PRIVATE_DOMAINS whose data is usually regulated).
3. mlops_capacity limited → managed API: the vendor runs training and serving.
4. mlops_capacity dedicated → LoRA: adapters are cheap to retrain, version and roll back.
Full fine-tuning is never the first run: it is `later` for a dedicated team with at least
FULL_MIN_EXAMPLES clean examples (LoRA matches it on many tasks at a fraction of the memory),
else ruled out. Thresholds are rules of thumb, stated so a reader can disagree with a number.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from models.questionnaire import Questionnaire
from models.vocabulary import DataQuality, MlopsCapacity, RiskDomain

Method = Literal["managed_api", "lora", "qlora", "full"]
Status = Literal["chosen", "alternative", "later", "ruled_out"]
HIGH_VOLUME = 1_000_000
TIGHT_LATENCY_MS = 300
FULL_MIN_EXAMPLES = 50_000
PRIVATE_DOMAINS: tuple[RiskDomain, ...] = (
    RiskDomain.finance, RiskDomain.health, RiskDomain.legal, RiskDomain.security,
)
METHOD_NAMES: dict[str, str] = {
    "managed_api": "Managed fine-tuning API",
    "lora": "LoRA adapter on a model you host",
    "qlora": "QLoRA adapter (4-bit base) on a model you host",
    "full": "Full fine-tuning",
}


class Reason(BaseModel):
    """One answer and what it means for the choice of method."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        "field": "mlops_capacity", "answer": "none",
        "text": "Nobody can run GPU training and rollback, so the vendor should.",
    }]})

    field: str
    answer: bool | int | float | str | None
    text: str


class MethodOption(BaseModel):
    """One way to fine-tune and where it stands for this project."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        "method": "lora", "name": METHOD_NAMES["lora"], "status": "chosen",
        "why": "A dedicated team can own adapter training.",
    }]})

    method: Method
    name: str
    status: Status
    why: str


def self_hosting_reasons(*, q: Questionnaire) -> list[Reason]:
    """Answers that favour running the tuned model yourself."""
    out = []
    if q.requests_per_day >= HIGH_VOLUME:
        out.append(Reason(field="requests_per_day", answer=q.requests_per_day, text=(
            f"At {q.requests_per_day:,} requests a day, per-token fees for hosted inference "
            "usually outgrow the cost of serving a small tuned model yourself.")))
    if q.latency_budget_ms is not None and q.latency_budget_ms < TIGHT_LATENCY_MS:
        out.append(Reason(field="latency_budget_ms", answer=q.latency_budget_ms, text=(
            f"A {q.latency_budget_ms} ms budget leaves no room for a network hop and queueing at "
            "a shared endpoint: a small model served next to the application fits it.")))
    if q.needs_private_context:
        out.append(Reason(field="needs_private_context", answer=True, text=(
            "Answers depend on private data, so training examples will carry it: keep them "
            "in-house unless a vendor's data terms cover them.")))
    if q.risk_domain in PRIVATE_DOMAINS:
        out.append(Reason(field="risk_domain", answer=q.risk_domain.value, text=(
            f"{q.risk_domain.value.capitalize()} data is usually regulated: training on it at a "
            "vendor needs an agreement that covers it.")))
    return out


def choose(*, q: Questionnaire) -> tuple[Method, list[Reason]]:
    """The method and the answers that decided it, following the module's order."""
    pressure = self_hosting_reasons(q=q)
    method: Method
    if q.mlops_capacity is MlopsCapacity.none:
        method, text = "managed_api", (
            "Nobody can own GPU training, evaluation and rollback, so a vendor's managed "
            "fine-tuning should run them.")
        if pressure:
            text += (" The answers below favour self-hosting, which needs an owner first; until "
                     "then use a vendor whose terms fit them.")
    elif pressure and q.mlops_capacity is MlopsCapacity.limited:
        method, text = "qlora", (
            "A part-time owner can run one adapter job on one GPU: QLoRA loads the base model "
            "in 4 bits so a large base still fits.")
    elif pressure:
        method, text = "lora", (
            "A dedicated team can run LoRA in its own pipeline at full precision, which trains "
            "faster than QLoRA.")
    elif q.mlops_capacity is MlopsCapacity.limited:
        method, text = "managed_api", (
            "With a part-time owner and nothing that needs self-hosting, a managed API keeps "
            "training, serving and versioning off the team's plate.")
    else:
        method, text = "lora", (
            "A dedicated team can own adapter training: adapters are small, cheap to retrain, "
            "and easy to version and roll back beside one base model.")
    capacity = Reason(field="mlops_capacity", answer=q.mlops_capacity.value, text=text)
    reasons = [capacity, *pressure] if method == "managed_api" else [*pressure, capacity]
    return method, reasons


def _full(*, q: Questionnaire) -> MethodOption:
    """Full fine-tuning: a later step for a dedicated team with plenty of clean data, if ever."""
    ready = (q.mlops_capacity is MlopsCapacity.dedicated and q.data_quality is DataQuality.clean
             and (q.labeled_examples or 0) >= FULL_MIN_EXAMPLES)
    if ready:
        why = (f"{q.labeled_examples:,} clean examples and a dedicated team make it possible, but "
               "only if an adapter plateaus below the success threshold: LoRA matches full "
               "fine-tuning on many tasks with far less GPU memory.")
    else:
        why = (f"It needs a dedicated team and tens of thousands of clean examples (at least "
               f"{FULL_MIN_EXAMPLES:,}) to beat an adapter, and it multiplies GPU memory and "
               "retraining cost.")
    return MethodOption(method="full", name=METHOD_NAMES["full"],
                        status="later" if ready else "ruled_out", why=why)


def options(*, q: Questionnaire, method: Method) -> list[MethodOption]:
    """Every method with its standing, so the reader sees why the others lost."""
    hosted_ok = q.mlops_capacity is not MlopsCapacity.none
    private = q.needs_private_context or q.risk_domain in PRIVATE_DOMAINS
    managed_why = ("Simplest: upload examples, the vendor trains and serves; availability and "
                   "minimum example counts vary by vendor.")
    if private:
        managed_why = "Only with a vendor agreement that covers this data. " + managed_why
    rows: list[tuple[Method, bool, str]] = [
        ("managed_api", True, managed_why),
        ("lora", hosted_ok, "Trains small low-rank matrices beside frozen base weights; needs "
         "someone to run GPU jobs, evaluation and rollback."),
        ("qlora", hosted_ok, "LoRA on a 4-bit quantised base: fits a larger base on one GPU, "
         "trains more slowly; the choice when GPU memory is the limit."),
    ]
    out = [MethodOption(method=m, name=METHOD_NAMES[m], why=why,
                        status="chosen" if m == method else "alternative" if ok else "ruled_out")
           for m, ok, why in rows]
    return [*out, _full(q=q)]

