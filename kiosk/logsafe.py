"""A logging filter that masks personal data before any handler writes a record.

Covers what a citizen gives the kiosk and a careless log line could carry: cédulas (10 digits,
also written `171430710-3`), RUCs (13 digits, also `1792060346-001`), email addresses, Ecuadorian
phone numbers however they are written (`0991234567`, `099 123 4567`, `+593 99 123 4567`,
`593-99-123-4567`, `(02) 234-5678`) and six-digit verification codes. It errs on the side of
masking: any run of 6, 10 or 13 digits is hidden, whatever it was.

Passport numbers and names have no shape a pattern can recognise; code must mask those itself
(`IdentityDocument.__repr__` already does).

The masks are the ones the screens show (`kiosk.domain.masking`). Pure stdlib (that module
is too), so it can be installed first thing, before anything else is imported.
"""

from __future__ import annotations

import logging
import re
import traceback

from kiosk.domain.masking import DOT, mask_email, mask_middle, mask_phone_digits

# Only digits bound a number: "ced1714307103" is still a cédula. A longer digit run is something
# else; '+' is excluded so that "+593…" is left whole to the phone rule.
_B = r"(?<![\d+])"
_E = r"(?!\d)"

# The apostrophe, legal in a local part, is left out: reprs quote addresses with it.
_EMAIL = re.compile(r"(?<![\w.%+-])([\w.%+-]+)@([\w-]+(?:\.[\w-]+)+)")

# Ecuadorian numbers: optional country code (+593 or 593, with an optional "(0)" trunk prefix)
# or the national 0, then a mobile 9 + 8 digits or a landline area code 2-7 + 7 digits. Between
# any two digits: one space, dot or dash, or a closing bracket (as in "(099) 123-4567").
_SEP = r"(?:[\s.-]|\)\s?)?"
_SUBSCRIBER = r"(?:9(?:" + _SEP + r"\d){8}|[2-7](?:" + _SEP + r"\d){7})(?!\d)"
_PHONE = re.compile(
    r"(?<![\d+])(?:\+\s?593|593)[\s.-]?(?:\(0\)\s?)?\(?"
    + _SUBSCRIBER
    + r"|(?<![\d+(])\(?0"
    + _SUBSCRIBER
)
_RUC = re.compile(_B + r"\d{10}-?\d{3}" + _E)
_CEDULA = re.compile(_B + r"\d{9}-?\d" + _E)
_CODE = re.compile(_B + r"\d{6}" + _E)


def _mask_digits(text: str, keep_start: int, keep_end: int) -> str:
    return mask_middle(re.sub(r"\D", "", text), keep_start, keep_end)


def _mask_email(match: re.Match[str]) -> str:
    return mask_email(match.group(0))


def _mask_phone(match: re.Match[str]) -> str:
    digits = re.sub(r"\D", "", match.group(0))
    if digits.startswith("593"):
        digits = "0" + digits[3:].removeprefix("0")
    return mask_phone_digits(digits)


def mask_personal_data(text: str) -> str:
    """Mask every piece of personal data `PersonalDataFilter` knows in `text`. Idempotent."""
    text = _EMAIL.sub(_mask_email, text)
    # Ids before phones: a bare 0912345678 may be a Guayas cédula, and the id mask shows less.
    text = _RUC.sub(lambda m: _mask_digits(m.group(0), 2, 3), text)
    text = _CEDULA.sub(lambda m: _mask_digits(m.group(0), 2, 2), text)
    text = _PHONE.sub(_mask_phone, text)
    return _CODE.sub(DOT * 6, text)


class PersonalDataFilter(logging.Filter):
    """Rewrites each record in place so every later handler sees only masked text.

    The message is interpolated here and the args dropped; the exception is rendered to masked
    text and `exc_info` cleared, because formatters and other handlers would otherwise render
    the original exception (whose message may hold a cédula or an email) again.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string must not let raw args through
            message = f"{record.msg} [unformattable log arguments dropped]"
        record.msg = mask_personal_data(str(message))
        record.args = None
        if record.exc_info and record.exc_info[0] is not None and not record.exc_text:
            record.exc_text = "".join(traceback.format_exception(*record.exc_info)).rstrip("\n")
        record.exc_info = None
        if record.exc_text:
            record.exc_text = mask_personal_data(record.exc_text)
        if record.stack_info:
            record.stack_info = mask_personal_data(record.stack_info)
        return True


def install(logger: logging.Logger | None = None) -> PersonalDataFilter:
    """Attach one filter to the logger (root by default) and to each of its handlers.

    Handler filters see records propagated from every child logger, which logger filters do not;
    the logger's own filter covers records that reach handlers added later to that logger only if
    logged there directly, so call again after adding handlers. Calling twice adds nothing twice.
    """
    target = logger if logger is not None else logging.getLogger()
    existing = next((f for f in target.filters if isinstance(f, PersonalDataFilter)), None)
    active = existing or PersonalDataFilter()
    for owner in (target, *target.handlers):
        if not any(isinstance(f, PersonalDataFilter) for f in owner.filters):
            owner.addFilter(active)
    return active


def uninstall(logger: logging.Logger | None = None) -> None:
    """Remove what `install` attached (for tests and for reconfiguring logging)."""
    target = logger if logger is not None else logging.getLogger()
    for owner in (target, *target.handlers):
        for f in [f for f in owner.filters if isinstance(f, PersonalDataFilter)]:
            owner.removeFilter(f)
