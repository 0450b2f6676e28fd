"""Text from kiosks shown on an operator's terminal, with no control characters left in it.

A heartbeat's fields are whatever a kiosk (or whoever holds its token) sent: an ESC or CSI
sequence printed as it came could rewrite the operator's screen or title, and a bidi override
could make a line read differently from what it says.
"""

from __future__ import annotations

import json
import unicodedata
from typing import Any

# Cc: C0, DEL and C1 controls; Cf: format characters such as bidi overrides and zero widths.
_UNSAFE_CATEGORIES = frozenset({"Cc", "Cf"})


def safe_json_line(value: Any) -> str:
    """JSON on one line that decodes to `value`, with every control character as a \\u escape."""
    text = json.dumps(value, ensure_ascii=False)
    return "".join(_escape(ch) if _unsafe(ch) else ch for ch in text)


def _unsafe(ch: str) -> bool:
    return unicodedata.category(ch) in _UNSAFE_CATEGORIES


def _escape(ch: str) -> str:
    # JSON escapes are UTF-16 code units: a character beyond the BMP is a surrogate pair.
    units = ch.encode("utf-16-be")
    return "".join(f"\\u{int.from_bytes(units[i : i + 2]):04x}" for i in range(0, len(units), 2))
