"""The kinds of way into a home a HOME_ACCESS finding gives (no Presidio: the inventory's
readers use them too).

- `code`: a key safe, lock box, door, keypad or gate with its code, or where the key safe is;
- `hidden_key`: where a key is hidden or kept (`under the stone frog by the side gate`);
- `left_open`: a door left open, on the latch or snib, or an instruction to walk in;
- `key_holder`: someone named as holding a key (`Neighbour at no. 9 holds a key`).

The first three open the home from the leaked text alone: whoever reads it can get in, so
the responder changes the code or moves the key. A key holder is a person to ask.
"""

from __future__ import annotations

ACCESS_KINDS_KEY = "access_kinds"  # where a result's recognition metadata lists them
CODE, HIDDEN_KEY, LEFT_OPEN, KEY_HOLDER = "code", "hidden_key", "left_open", "key_holder"
ACCESS_KINDS = (CODE, HIDDEN_KEY, LEFT_OPEN, KEY_HOLDER)
ENTRY_KINDS = frozenset({CODE, HIDDEN_KEY, LEFT_OPEN})  # the home opens from the text alone
KIND_SEPARATOR = ","
