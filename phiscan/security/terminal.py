"""What phiscan prints to a terminal: file names and object keys are data, never commands.

A file may be named `\\x1b]0;PWNED\\x07\\x1b[2J` (set the window title, clear the screen)
or carry a bidi override that makes `gpj.exe` read as `exe.jpg`. Every string the
consoles (phiscan.cli.SafeConsole) and the log formatter print passes through
`escape_controls` first, so those characters arrive as visible escapes (`\\x1b`,
`\\u202e`) and the terminal obeys none. JSON output needs nothing: `json.dumps`
writes them as `\\u001b`.
"""

from __future__ import annotations

import re

# C0 but tab and newline, DEL, C1, and the invisible characters that reorder or split
# lines: Arabic letter mark, LRM/RLM, line/paragraph separators, bidi embeddings,
# overrides and isolates.
_CONTROLS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def escape_controls(text: str) -> str:
    """`text` with every control and bidi character written as a visible escape."""
    return _CONTROLS.sub(_escaped, text)

