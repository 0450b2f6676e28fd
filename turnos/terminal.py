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


def safe_text(value: str) -> str:
    """`value` with every control character written as a \\u escape, for a table cell."""
    return "".join(_escape(ch) if _unsafe(ch) else ch for ch in value)


# `turnos kiosks`: the mark of a kiosk in service that stopped reporting.
SILENT_MARK = "SILENCIOSO/silent"
_LAST_ERROR_SHOWN = 60  # characters of a heartbeat's last error in the table; --json has it all


def seconds_ago(seconds: int | None) -> str:
    """How long ago, for a person: `45 s ago`, `12 min ago`, `3 h 5 min ago`, `2 d 4 h ago`."""
    if seconds is None:
        return "never"
    if seconds < 60:
        return f"{seconds} s ago"
    minutes = seconds // 60
    if minutes < 60:
        return f"{minutes} min ago"
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        return f"{hours} h {minutes} min ago" if minutes else f"{hours} h ago"
    days, hours = divmod(hours, 24)
    return f"{days} d {hours} h ago" if hours else f"{days} d ago"


def kiosk_table(kiosks: list[dict[str, Any]], now: int, silent_after_s: int) -> str:
    """`turnos kiosks`: one line per kiosk, the silent ones first (the longest silent first),
    then those in service by name, then the revoked; and a last line counting the silent.

    `kiosks` are `turnos.services.kiosks.list_kiosks` rows (times in epoch seconds).
    """

    def order(row: dict[str, Any]) -> tuple[int, int, str, int]:
        ago = row["last_seen_s_ago"]
        if row["silent"]:
            return (0, -(ago if ago is not None else 2**62), "", row["id"])
        return (2 if row["revoked"] else 1, 0, str(row["name"]), row["id"])

    header = ["STATE", "ID", "NAME", "LAST SEEN", "VERSION", "PRINTER", "PAPER"]
    header += ["OVER BUDGET", "SCOPE", "LAST ERROR"]
    lines: list[list[str]] = [header]
    for row in sorted(kiosks, key=order):
        state = SILENT_MARK if row["silent"] else "revoked" if row["revoked"] else "ok"
        lines.append(
            [
                state,
                str(row["id"]),
                safe_text(str(row["name"])),
                seconds_ago(row["last_seen_s_ago"]),
                _cell(row["version"]),
                _cell(row["printer_state"]),
                _cell(row["paper"]),
                _budgets(row["over_budget"], now),
                _scope(row["scope"]),
                _cell(_shortened(row["last_error"])),
            ]
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    text = [
        "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip()
        for line in lines
    ]
    silent = sum(1 for row in kiosks if row["silent"])
    in_service = sum(1 for row in kiosks if not row["revoked"])
    text.append(
        f"{silent} of {in_service} kiosks in service silent "
        f"(no heartbeat for more than {silent_after_s} s, or never)"
    )
    return "\n".join(text)


def _cell(value: str | None) -> str:
    return safe_text(value) if value else "-"


def _shortened(value: str | None) -> str | None:
    if value is None or len(value) <= _LAST_ERROR_SHOWN:
        return value
    return value[: _LAST_ERROR_SHOWN - 1] + "…"


def _budgets(refused: dict[str, int], now: int) -> str:
    """Budgets refused in the last hour: `lookups 5 min ago, bookings 40 s ago`."""
    if not refused:
        return "-"
    return ", ".join(
        f"{budget} {seconds_ago(max(0, now - at))}" for budget, at in sorted(refused.items())
    )


def _scope(scope: dict[str, list[Any]] | None) -> str:
    if scope is None:
        return "all"
    parts = []
    if scope.get("agencies"):
        parts.append("agencies " + ",".join(str(a) for a in scope["agencies"]))
    if scope.get("provinces"):
        parts.append("provinces " + ",".join(str(p) for p in scope["provinces"]))
    return safe_text("; ".join(parts))
