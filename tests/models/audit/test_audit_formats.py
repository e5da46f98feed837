"""The three formats, what counts as input and output, role confusion and empty turns."""

from __future__ import annotations

import json

import pytest

from models.audit.formats import ROLE_ISSUES, Parsed, parse_line


def chat(*turns: tuple[str, str | None]) -> Parsed:
    parsed = parse_line(json.dumps({"messages": [{"role": r, "content": c} for r, c in turns]})
                        .encode())
    assert isinstance(parsed, Parsed), parsed
    return parsed


def test_chat_input_leaves_out_the_system_prompt() -> None:
    p = chat(("system", "Be brief."), ("user", "Hi"), ("assistant", "Hello"), ("user", "Refund?"),
             ("assistant", "Within 14 days."))
    assert (p.fmt, p.input, p.output, p.shared) == ("chat", "Hi\nHello\nRefund?",
                                                    "Within 14 days.", "Be brief.")
    assert p.user_text == "Refund?" and "Be brief." not in p.body and p.role_issues == ()


def test_prompt_completion_and_instruction() -> None:
    pc = parse_line(b'{"prompt": "2+2?", "completion": " 4"}')
    assert isinstance(pc, Parsed) and (pc.fmt, pc.input, pc.output) == ("prompt_completion",
                                                                        "2+2?", " 4")
    alpaca = parse_line(b'{"instruction": "Name a colour.", "input": "", "output": "Red"}')
    assert isinstance(alpaca, Parsed) and alpaca.input == "Name a colour."
    task = parse_line(b'{"instruction": "Translate.", "input": "Hallo", "output": "Hello"}')
    assert isinstance(task, Parsed) and (task.input, task.shared) == ("Hallo", "Translate.")
    no_input = parse_line(b'{"instruction": "Say hi.", "output": "Hi"}')
    assert isinstance(no_input, Parsed) and no_input.fmt == "instruction"


def test_content_parts_and_null_content() -> None:
    p = chat(("user", "Hi"), ("assistant", None), ("user", "Still there?"), ("assistant", "Yes"))
    assert p.input == "Hi\n\nStill there?" and p.empty
    line = {"messages": [{"role": "user", "content": [{"type": "text", "text": "Look"},
                                                      {"type": "image_url", "image_url": {}}]},
                         {"role": "assistant", "content": "A cat."}]}
    parsed = parse_line(json.dumps(line).encode())
    assert isinstance(parsed, Parsed) and parsed.input == "Look"


@pytest.mark.parametrize(("turns", "issue"), [
    ((("user", "Hi"),), "no assistant turn"),
    ((("user", "Hi"), ("bot", "Hello")), "unknown role"),
    ((("assistant", "Welcome!"), ("user", "Hi"), ("assistant", "Hello")), "assistant before user"),
    ((("user", "Hi"), ("user", "Hello?"), ("assistant", "Yes")), "same role twice in a row"),
    ((("user", "Hi"), ("system", "Be nice."), ("assistant", "Hello")), "system turn not first"),
])
def test_each_role_rule(turns: tuple[tuple[str, str], ...], issue: str) -> None:
    assert issue in ROLE_ISSUES
    assert issue in chat(*turns).role_issues


def test_well_ordered_chat_has_no_role_issue() -> None:
    assert chat(("system", "x"), ("user", "a"), ("assistant", "b")).role_issues == ()


@pytest.mark.parametrize(("line", "empty"), [
    (b'{"prompt": "  ", "completion": "x"}', True),
    (b'{"prompt": "q", "completion": "\\n"}', True),
    (b'{"instruction": "", "input": " ", "output": "x"}', True),
    (b'{"instruction": "Do it", "input": "", "output": "x"}', False),
    (b'{"instruction": "Do it", "output": " "}', True),
    (b'{"messages": [{"role": "user", "content": "q"}, {"role": "assistant", "content": ""}]}',
     True),
    (b'{"messages": [{"role": "user", "content": "q"}]}', False),
])
def test_empty_means_present_but_blank(line: bytes, empty: bool) -> None:
    parsed = parse_line(line)
    assert isinstance(parsed, Parsed) and parsed.empty is empty
