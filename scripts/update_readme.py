"""Regenerate the README's figures from the commands that print them.

Each generated block in README.md sits between two markers:

    <!-- generated: NAME -->
    ...output of the command registered as NAME...
    <!-- end: NAME -->

Usage: .venv/bin/python scripts/update_readme.py [NAME ...]   (default: every block)
A block's command runs from the repository root with the project's venv; its standard output
replaces the block, so no figure in those blocks is ever typed by hand. Slow blocks (the
benchmark) can be refreshed one at a time.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
README = REPO / "README.md"

# NAME -> (command, wrap the output in a fenced text block?)
COMMANDS: dict[str, tuple[list[str], bool]] = {
    "evaluate": ([str(BIN / "advisor"), "evaluate"], True),
    "eval-retrieval": ([str(BIN / "advisor"), "eval-retrieval"], False),
    "bench": ([str(BIN / "python"), "bench/bench.py"], False),
    "faults": ([str(BIN / "python"), "bench/fault_figures.py"], False),
    "verdict": ([str(BIN / "python"), "bench/verdict_bench.py"], False),
}


def block(*, name: str) -> str:
    """Run one registered command and return its output as the block's new body."""
    command, fenced = COMMANDS[name]
    print(f"running {name}: {' '.join(Path(part).name for part in command[:2])} ...",
          file=sys.stderr)
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=False)  # noqa: S603  (our own fixed commands)
    if done.returncode != 0:
        sys.exit(f"{name} failed with exit code {done.returncode}:\n{done.stderr[-2000:]}")
    body = done.stdout.strip("\n")
    return f"```text\n{body}\n```" if fenced else body


def replace(*, text: str, name: str, body: str) -> str:
    """The README with one generated block's body swapped; refuses a missing marker."""
    pattern = re.compile(
        rf"(<!-- generated: {re.escape(name)} -->\n).*?(\n<!-- end: {re.escape(name)} -->)",
        re.DOTALL,
    )
    if not pattern.search(text):
        sys.exit(f"README.md has no '<!-- generated: {name} -->' block")
    return pattern.sub(lambda m: m.group(1) + body + m.group(2), text, count=1)


def main(*, names: list[str]) -> None:
    """Refresh the named blocks (all when none is named) and write README.md once."""
    unknown = sorted(set(names) - set(COMMANDS))
    if unknown:
        sys.exit(f"unknown block(s): {', '.join(unknown)}; known: {', '.join(COMMANDS)}")
    text = README.read_text(encoding="utf-8")
    for name in names or list(COMMANDS):
        text = replace(text=text, name=name, body=block(name=name))
    README.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main(names=sys.argv[1:])
