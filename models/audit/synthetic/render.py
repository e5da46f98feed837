"""Write a clean example in one of the three file formats, and break records in the ways the audit
must notice (malformed lines, role confusion, empty turns)."""

from __future__ import annotations

import copy
import json
import random
from typing import Any

from models.audit.synthetic.grammar import Clean

Record = dict[str, Any]
FORMATS = ("chat", "prompt_completion", "instruction")


def render(*, clean: Clean, fmt: str, rng: random.Random) -> Record:
    """The example as the JSON object one line of a training file holds."""
    user = clean.text if clean.task == "answer" else f"{clean.instruction}\n\n{clean.text}"
    if fmt == "chat":
        messages = [{"role": "system", "content": clean.system}] if rng.random() < 0.8 else []
        for q, a in clean.history:
            messages += [{"role": "user", "content": q}, {"role": "assistant", "content": a}]
        messages += [{"role": "user", "content": user},
                     {"role": "assistant", "content": clean.output}]
        return {"messages": messages}
    if fmt == "prompt_completion":
        style = rng.randrange(3)
        prompt = (user, f"Question: {user}\nAnswer:", f"{user}\n\n###\n\n")[style]
        return {"prompt": prompt, "completion": (" " if style else "") + clean.output}
    if clean.task == "answer":
        record: Record = {"instruction": clean.text, "output": clean.output}
        if rng.random() < 0.5:
            record["input"] = ""
        return record
    return {"instruction": clean.instruction, "input": clean.text, "output": clean.output}


def input_key(record: Record) -> tuple[Any, ...]:
    """Where the example's input text lives, as a path into the record."""
    if "messages" in record:
        last_user = max(i for i, m in enumerate(record["messages"]) if m["role"] == "user")
        return ("messages", last_user, "content")
    if "prompt" in record:
        return ("prompt",)
    return ("input",) if record.get("input") else ("instruction",)


def input_text(record: Record) -> str:
    """The input as the contract compares it: non-system turns before the final answer, the
    prompt, or the instruction example's input (its instruction when the input is empty)."""
    if "messages" in record:
        return "\n".join(m["content"] for m in record["messages"][:-1] if m["role"] != "system")
    return get(record, input_key(record))


def output_key(record: Record) -> tuple[Any, ...]:
    if "messages" in record:
        return ("messages", len(record["messages"]) - 1, "content")
    return ("completion",) if "prompt" in record else ("output",)


def get(record: Record, path: tuple[Any, ...]) -> str:
    node: Any = record
    for step in path:
        node = node[step]
    return str(node)


def put(record: Record, path: tuple[Any, ...], value: str) -> None:
    node: Any = record
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value


def text_paths(record: Record) -> list[tuple[Any, ...]]:
    """Every text field of the record."""
    if "messages" in record:
        return [("messages", i, "content") for i in range(len(record["messages"]))]
    return [(k,) for k in record if isinstance(record[k], str)]


def dumps(*, record: Record, rng: random.Random) -> bytes:
    """One line, with the spacing and escaping styles real exporters vary between."""
    compact = rng.random() < 0.5
    text = json.dumps(record, ensure_ascii=rng.random() < 0.5,
                      separators=(",", ":") if compact else (", ", ": "))
    return text.encode("utf-8")


def malformed(*, record: Record, rng: random.Random) -> tuple[bytes, str]:
    """A line that is not JSON or matches no accepted format, and the kind of damage."""
    line = dumps(record=record, rng=rng)
    kind = rng.randrange(7)
    if kind == 0:
        return line[: max(5, len(line) // 2)], "truncated"
    if kind == 1:
        return json.dumps(list(record.values())).encode(), "json array"
    if kind == 2:
        inp, out = get(record, input_key(record)), get(record, output_key(record))
        return json.dumps({"question": inp, "answer": out}).encode(), "unknown keys"
    if kind == 3:
        return json.dumps({"prompt": rng.randint(1, 999), "completion": "ok"}).encode(), "types"
    if kind == 4:
        cut = line.rfind(b'"', 0, len(line) - 3)
        return line[:cut] + b"\xff\xfe caf\xe9" + line[cut:], "invalid utf-8"
    if kind == 5:
        return json.dumps({"messages": "user: hi / assistant: hello"}).encode(), "messages string"
    broken = copy.deepcopy(record) if "messages" in record else {"messages": [{"content": "hi"}]}
    for m in broken["messages"]:
        m.pop("role", None)
    return json.dumps(broken).encode(), "no role"


def role_confused(*, record: Record, rng: random.Random) -> tuple[Record, str]:
    """A chat record broken in one of the five ways the contract calls role confusion."""
    rec = copy.deepcopy(record)
    msgs = [m for m in rec["messages"] if m["role"] != "system"]
    system = [m for m in rec["messages"] if m["role"] == "system"]
    kind = rng.randrange(5)
    if kind == 0:
        rec["messages"] = system + [m for m in msgs if m["role"] != "assistant"]
        return rec, "no assistant"
    if kind == 1:
        msgs[-1]["role"] = rng.choice(("bot", "agent", "model"))
        msgs[0]["role"] = rng.choice(("user", "human", "customer"))
    elif kind == 2:
        msgs.insert(0, {"role": "assistant", "content": "Welcome! How can I help you today?"})
    elif kind == 3:
        i = rng.randrange(len(msgs))
        msgs.insert(i + 1, {"role": msgs[i]["role"], "content": msgs[i]["content"] + " Also."})
    else:
        note = system[0] if system else {"role": "system", "content": "Be brief."}
        msgs.insert(rng.randrange(1, len(msgs)), note)
        system = []
    rec["messages"] = system + msgs
    return rec, ("unknown role", "assistant first", "same role twice", "system not first")[kind - 1]


def emptied(*, record: Record, rng: random.Random, structured: bool) -> Record:
    """The input or the output replaced with nothing or only whitespace. A structured output
    (label, JSON) is the one blanked, so that what remains stays unique; an instruction
    example's input is blank only when its instruction is too."""
    rec = copy.deepcopy(record)
    blank = rng.choice(("", " ", "\n", "  \t "))
    if structured or rng.random() < 0.6:
        put(rec, output_key(rec), blank)
    elif "instruction" in rec:
        rec["instruction"], rec["input"] = blank, ""
    else:
        put(rec, input_key(rec), blank)
    return rec
