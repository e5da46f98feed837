"""Recognise the three accepted example formats line by line and pull out what the audit compares.

- input: what the model is given. Chat: every non-system turn before the last assistant turn
  (the system prompt is shared by most files, so it would make every pair look alike).
  Prompt/completion: the prompt. Instruction: `input` when present, else `instruction` (a shared
  task instruction is template text, like a system prompt).
- output: the last assistant turn, the completion, or `output`.
- shared: the system turns or the instruction, text many examples repeat (its token count is
  cached); prompt_side: the rest of what the model reads before the output.
- body: every text but system turns; personal data is looked for there (a support address in
  a shared system prompt would otherwise flag every example).
- F-ROLE (chat only): no assistant turn, an unknown role, an assistant turn before any user
  turn, the same role twice in a row, or a system turn that is not first.
- F-EMPTY: a user or assistant turn, prompt, completion or output that is present but blank, or
  an instruction example whose instruction and input are both blank. A missing turn is role
  confusion, not emptiness.
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass
from typing import Any

CHAT, PROMPT_COMPLETION, INSTRUCTION = "chat", "prompt_completion", "instruction"
FORMAT_NAMES = (CHAT, PROMPT_COMPLETION, INSTRUCTION)
ROLES = frozenset(("system", "user", "assistant"))
ROLE_ISSUES = ("no assistant turn", "unknown role", "assistant before user",
               "same role twice in a row", "system turn not first")


@dataclass(frozen=True)
class Parsed:
    """One valid example, reduced to the texts the measurements need."""

    fmt: str
    input: str
    output: str
    shared: str
    prompt_side: str
    user_text: str
    body: str
    key: str
    role_issues: tuple[str, ...] = ()
    empty: bool = False


def _blank(text: str) -> bool:
    return not text.strip()


def normalise(text: str) -> str:
    """Case and whitespace folded, the equality F-DUPLICATE uses."""
    return " ".join(text.split()).casefold()


def _content(value: Any) -> str | None:
    """Message content as text: a string, null (a tool-call turn), or a list of text parts."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(p, dict) for p in value):
        return "\n".join(p["text"] for p in value if isinstance(p.get("text"), str))
    return None


def role_issues(roles: list[str]) -> tuple[str, ...]:
    """Which of the contract's role-confusion rules the turn order breaks."""
    found = []
    if "assistant" not in roles:
        found.append(ROLE_ISSUES[0])
    if any(r not in ROLES for r in roles):
        found.append(ROLE_ISSUES[1])
    first_user = roles.index("user") if "user" in roles else len(roles)
    if "assistant" in roles[:first_user]:
        found.append(ROLE_ISSUES[2])
    if any(a == b for a, b in itertools.pairwise(roles)):
        found.append(ROLE_ISSUES[3])
    if "system" in roles[1:]:
        found.append(ROLE_ISSUES[4])
    return tuple(found)


def _chat(messages: Any) -> Parsed | str:
    if not isinstance(messages, list):
        return "`messages` is not a list of {role, content} objects"
    turns: list[tuple[str, str]] = []
    for i, m in enumerate(messages):
        content = _content(m.get("content")) if isinstance(m, dict) else None
        if not isinstance(m, dict) or not isinstance(m.get("role"), str) or content is None:
            return f"message {i + 1} is not a {{role, content}} object with text content"
        turns.append((m["role"], content))
    roles = [r for r, _ in turns]
    last = max((i for i, r in enumerate(roles) if r == "assistant"), default=len(turns))
    output = turns[last][1] if last < len(turns) else ""
    before = [c for r, c in turns[:last] if r != "system"]
    users = [c for r, c in turns if r == "user"]
    empty = any(_blank(c) for r, c in turns if r in ("user", "assistant"))
    return Parsed(fmt=CHAT, input="\n".join(before), output=output,
                  shared="\n".join(c for r, c in turns if r == "system"),
                  prompt_side="\n".join(c for r, c in turns[:last] if r != "system"),
                  user_text=users[-1] if users else "",
                  body="\n".join(c for r, c in turns if r != "system"),
                  key=normalise("\x1e".join(f"{r}\x1f{c}" for r, c in turns)),
                  role_issues=role_issues(roles), empty=empty)


def _prompt_completion(obj: dict[str, Any]) -> Parsed | str:
    prompt, completion = obj.get("prompt"), obj.get("completion")
    if not isinstance(prompt, str) or not isinstance(completion, str):
        return "`prompt` and `completion` must both be strings"
    return Parsed(fmt=PROMPT_COMPLETION, input=prompt, output=completion, shared="",
                  prompt_side=prompt,
                  user_text=prompt, body=f"{prompt}\n{completion}",
                  key=normalise(f"{prompt}\x1f{completion}"),
                  empty=_blank(prompt) or _blank(completion))


def _instruction(obj: dict[str, Any]) -> Parsed | str:
    instruction, inp, output = obj.get("instruction"), obj.get("input", ""), obj.get("output")
    inp = "" if inp is None else inp
    if not all(isinstance(v, str) for v in (instruction, inp, output)):
        return "`instruction`, `output` (and `input` if present) must be strings"
    assert isinstance(instruction, str) and isinstance(inp, str) and isinstance(output, str)
    text = inp if inp.strip() else instruction
    return Parsed(fmt=INSTRUCTION, input=text, output=output,
                  shared=instruction, prompt_side=inp, user_text=text,
                  body=f"{instruction}\n{inp}\n{output}",
                  key=normalise(f"{instruction}\x1f{inp}\x1f{output}"),
                  empty=(_blank(instruction) and _blank(inp)) or _blank(output))


def parse_line(raw: bytes) -> Parsed | str:
    """The example on one line, or the reason it is F-MALFORMED."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return f"invalid UTF-8 at byte {exc.start + 1}"
    try:
        obj = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        return f"not JSON ({exc.msg if isinstance(exc, json.JSONDecodeError) else 'too deep'})"
    if not isinstance(obj, dict):
        return f"a JSON {type(obj).__name__}, not an object"
    if "messages" in obj:
        return _chat(obj["messages"])
    if "prompt" in obj or "completion" in obj:
        return _prompt_completion(obj)
    if "instruction" in obj or "output" in obj:
        return _instruction(obj)
    keys = ", ".join(sorted(obj)[:5]) or "none"
    return f"no accepted format (keys: {keys})"
