"""One check's result, and how a list of them is shown: a line each, or JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from kiosk.field.words import Words


@dataclass(frozen=True)
class Check:
    """`name` is a stable id (for --json and scripts); `detail` and `fix` are in the
    technician's language; `fix` says what to do and is None when the check passed.
    `fields` names the provisioning values the check is about (provision re-asks them)."""

    name: str
    ok: bool
    detail: str
    fix: str | None = None
    fields: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "ok": self.ok, "detail": self.detail, "fix": self.fix}


def passed(name: str, detail: str, fields: tuple[str, ...] = ()) -> Check:
    return Check(name, True, detail, None, fields)


def failed(name: str, detail: str, fix: str, fields: tuple[str, ...] = ()) -> Check:
    return Check(name, False, detail, fix, fields)


def render_lines(checks: Sequence[Check], words: Words) -> list[str]:
    """`[ OK  ] Title: detail`, and under a failure `        Qué hacer: fix`."""
    lines = []
    for check in checks:
        mark = words("mark.ok") if check.ok else words("mark.fail")
        lines.append(f"{mark} {words('title.' + check.name)}: {check.detail}")
        if check.fix:
            lines.append(f"{' ' * len(mark)} {words('fix')}: {check.fix}")
    return lines


def render_json(checks: Sequence[Check]) -> str:
    body = {"ok": all(c.ok for c in checks), "checks": [c.to_json() for c in checks]}
    return json.dumps(body, ensure_ascii=False, indent=2)
