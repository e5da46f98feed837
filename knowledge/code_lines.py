"""Code inside plain text: where it starts and ends, its statements, and what each one defines.

Pasted code often loses its fences and even its indentation (seed 002's plan and verdict);
recognising it keeps it out of prose passages and names each piece by what it defines.
"""

from __future__ import annotations

import re

_DEFINITION = re.compile(r"^\s*(?:async\s+)?(?:def|class)\s+([A-Za-z_]\w*)")
_ASSIGNMENT = re.compile(r"^\s*([A-Za-z_]\w*)(?:\s*:\s*[\w\[\], ]+)?\s*=(?!=)\s*\S")
_STATEMENT = re.compile(
    r"""^\s*(?:
        (?:if|elif|else|for|while|try|except|finally|with|return|import|from|raise|yield|assert
           |pass|break|continue|lambda|print)\b
      | [A-Za-z_][\w.]*\s*[(\[]                 # a call or an index
      | ["'][^"']*["']\s*:                      # a dict entry
      | [}\])]                                  # a closing bracket
      | \#                                      # a comment
    )""",
    re.VERBOSE,
)
_STRING = re.compile(r"""(["'])(?:\\.|(?!\1).)*\1""")


def starts_code(*, line: str) -> bool:
    """A line that opens code: a definition or an assignment."""
    return bool(_DEFINITION.match(line) or _ASSIGNMENT.match(line))


def is_code(*, line: str) -> bool:
    """A line that reads as code once code has started."""
    return starts_code(line=line) or bool(_STATEMENT.match(line))


def is_comment(*, line: str) -> bool:
    """A `#` comment line (which belongs to the code right after it)."""
    return line.lstrip().startswith("#")


def _depth(*, line: str) -> int:
    """Open minus closed brackets on a line, ignoring strings and comments."""
    bare = _STRING.sub("", line).split("#", 1)[0]
    return sum(bare.count(c) for c in "([{") - sum(bare.count(c) for c in ")]}")


def code_units(*, lines: list[str]) -> list[list[str]]:
    """Code lines cut into top-level pieces: each definition, and each assignment before one.

    Indentation may be gone, so a function's body is everything up to the next definition;
    comment lines go with the statement that follows them.
    """
    units: list[list[str]] = [[]]
    depth = 0
    in_definition = False
    for line in lines:
        defines = bool(_DEFINITION.match(line))
        assigns = bool(_ASSIGNMENT.match(line)) and not in_definition
        has_statement = any(not is_comment(line=x) for x in units[-1])
        if depth == 0 and (defines or assigns) and has_statement:
            comments: list[str] = []
            while units[-1] and is_comment(line=units[-1][-1]):
                comments.insert(0, units[-1].pop())
            units.append(comments)
            in_definition = False
        in_definition = in_definition or defines
        units[-1].append(line)
        depth = max(0, depth + _depth(line=line))
    return [unit for unit in units if unit]


def code_label(*, text: str) -> str:
    """What a piece of code defines (its first function, class or assigned name), or ""."""
    for line in text.splitlines():
        if match := _DEFINITION.match(line) or _ASSIGNMENT.match(line):
            return match.group(1)
    return ""
