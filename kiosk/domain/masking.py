"""The shapes personal data takes when shown or logged: `17••••••03`, `m•••@gmail.com`,
`09•••••678`, `M••• P•••`.

One place, so the screens, the slip, the service's records and the log filter hide the same
characters and a clerk sees one form of a number wherever it appears. Standard library only:
the log filter (`kiosk.logsafe`) is installed before anything else is imported.

Recognising what is an id, an address or a mobile number is not done here: `ids`, `contact` and
the log filter's patterns do that and hand over the parts.
"""

from __future__ import annotations

from typing import Final

DOT: Final = "•"
#: For receipts, tokens and logs whose fonts or encodings may lack the bullet.
ASCII_DOT: Final = "*"


def mask_middle(value: str, keep_start: int, keep_end: int, dot: str = DOT) -> str:
    """Keep `keep_start` characters at the start and `keep_end` at the end; dots between."""
    hidden = len(value) - keep_start - keep_end
    return value[:keep_start] + dot * hidden + (value[-keep_end:] if keep_end else "")


def mask_id(number: str, dot: str = DOT) -> str:
    """Hide the middle of an id: `1714307103` -> `17••••••03`.

    Reveals at most four characters and never more than half of them, so a short passport number
    keeps one character at each end and a very short string is hidden whole.
    """
    n = len(number)
    if n >= 8:
        keep = 2
    elif n >= 4:
        keep = 1
    else:
        return dot * n
    return mask_middle(number, keep, keep, dot)


def mask_email(email: str) -> str:
    """`maria@gmail.com` -> `m•••@gmail.com`; always three dots, so the length stays hidden.

    A one-character local part is hidden whole; text without an `@` is hidden whole too.
    """
    local, at, domain = email.strip().rpartition("@")
    if not at or not local:
        return DOT * 3
    shown = local[0] if len(local) > 1 else ""
    return f"{shown}{DOT * 3}@{domain}"


def mask_phone_digits(digits: str) -> str:
    """A phone number in national digits (`0991234678`) -> `09•••••678`: two digits, five dots,
    three digits, whatever its length; fewer than 8 digits are hidden whole."""
    if len(digits) < 8:
        return DOT * 5
    return f"{digits[:2]}{DOT * 5}{digits[-3:]}"


def mask_name(name: str) -> str:
    """`María Pérez Vera` -> `M••• P••• V•••`: initials only, word lengths hidden."""
    return " ".join(word[0].upper() + DOT * 3 for word in name.split())


def ascii_masked(masked: str) -> str:
    """A masked value with `*` for the bullet: `17••••••03` -> `17******03`."""
    return masked.replace(DOT, ASCII_DOT)
