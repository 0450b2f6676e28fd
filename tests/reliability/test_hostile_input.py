"""Hostile input at the kiosk: every validator and every form, with Hypothesis.

Pasted and very long text, and the Unicode a kiosk meets from phones and scanners: combining
marks, right-to-left and zero-width marks, full-width and Arabic-Indic digits, emoji, NUL and
other control characters. Never a crash; anything accepted comes out plain (ASCII digits, a
normalised e-mail without invisible characters); anything refused has a clear Spanish message
that does not repeat what was typed; and what the citizen typed in the other field stays.

Deterministic for CI: a fixed example budget, derandomized, no example database.
"""

from __future__ import annotations

import string
import unicodedata
from collections.abc import Callable
from typing import Any, TypeVar

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.domain.contact import (
    ContactProblem,
    InvalidContact,
    limit_key_email,
    mask_email,
    mask_phone,
    normalize_email,
    normalize_mobile,
)
from kiosk.domain.ids import (
    IdProblem,
    IdType,
    InvalidId,
    cedula_problem,
    is_valid_cedula,
    mask_id,
    parse_id,
    parse_ruc,
)
from kiosk.tour import PORTRAIT
from kiosk.ui.messages import Messages
from kiosk.ui.theme import Theme
from kiosk.views.code import CodeView
from kiosk.views.contact import ContactView
from kiosk.views.identify import IdentifyView

T = TypeVar("T")

CEDULA = "1710034065"
EMAIL = "maria.perez@gmail.com"
MOBILE = "0991234678"

TRICKY = [
    "\u0301",  # combining acute accent
    "\u0308",  # combining diaeresis
    "\u200b",  # zero-width space
    "\u200c",  # zero-width non-joiner
    "\u200d",  # zero-width joiner
    "\u200e",  # left-to-right mark
    "\u200f",  # right-to-left mark
    "\u202e",  # right-to-left override
    "\u2066",  # left-to-right isolate
    "\ufeff",  # byte order mark
    "\x00",  # NUL
    "\t",
    "\n",
    "\r",
    "\x7f",
    "\u00a0",  # no-break space
    "\u3000",  # ideographic space
    "１",  # full-width digit one
    "７",
    "٣",  # Arabic-Indic three
    "۵",  # extended Arabic-Indic five
    "𝟗",  # mathematical bold nine
    "Ａ",
    "ß",
    "İ",
    "ñ",
    "😀",
    "👩‍👩‍👧",  # a family: several code points joined
    "\U0001f1ea\U0001f1e8",  # the flag of Ecuador
    "@",
    ".",
    "-",
    "+",
    " ",
]
pieces = st.one_of(
    st.sampled_from(TRICKY),
    st.sampled_from(list(string.digits)),
    st.sampled_from([CEDULA, EMAIL, MOBILE, "gmail.com", "+593"]),
    st.characters(codec="utf-8"),
)
hostile = st.one_of(
    st.lists(pieces, max_size=30).map("".join),
    # Very long: a pasted paragraph, a stuck key.
    st.tuples(st.lists(pieces, min_size=1, max_size=4).map("".join), st.integers(50, 3000)).map(
        lambda t: t[0] * t[1]
    ),
)

BUDGET = settings(
    max_examples=120,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

INVISIBLE = {"Cc", "Cf", "Zl", "Zp", "Mn", "Me"}


def _plain_digits(text: str) -> bool:
    return all(ch in string.digits for ch in text)


def _no_invisible(text: str) -> bool:
    return not any(unicodedata.category(ch) in INVISIBLE or ch.isspace() for ch in text)


# --- the validators ----------------------------------------------------------------------------


def _outcome(fn: Callable[..., T], *args: Any) -> tuple[T | None, ValueError | None]:
    """What `fn(*args)` gave: its value, or the refusal it raised (anything else raises)."""
    try:
        return fn(*args), None
    except (InvalidId, InvalidContact) as exc:
        return None, exc


@BUDGET
@given(hostile)
def test_every_id_validator_answers_a_number_or_a_known_problem(raw: str) -> None:
    for id_type in IdType:
        document, refused = _outcome(parse_id, id_type, raw)
        if isinstance(refused, InvalidId):
            assert refused.problem in IdProblem
            assert len(raw) < 4 or raw not in str(refused)  # never the number in an error
            continue
        assert document is not None
        assert document.number.isascii()
        assert document.number.isalnum()
        if id_type is IdType.CEDULA:
            assert _plain_digits(document.number)
            assert len(document.number) == 10
            assert is_valid_cedula(raw)
    assert cedula_problem(raw) in (None, *IdProblem)
    ruc, refused = _outcome(parse_ruc, raw)
    assert ruc is not None or (isinstance(refused, InvalidId) and refused.problem in IdProblem)
    if ruc is not None:
        assert _plain_digits(ruc.number)
    assert isinstance(mask_id(raw), str)


@BUDGET
@given(hostile)
def test_every_contact_validator_answers_a_plain_value_or_a_known_problem(raw: str) -> None:
    email, refused = _outcome(normalize_email, raw)
    if isinstance(refused, InvalidContact):
        assert refused.problem in ContactProblem
        assert len(raw) < 4 or raw not in str(refused)
    else:
        assert email is not None
        assert _no_invisible(email), f"invisible characters kept in {email!r}"
        assert "@" in email
        assert isinstance(limit_key_email(email), str)
        assert isinstance(mask_email(email), str)
    phone, refused = _outcome(normalize_mobile, raw)
    if isinstance(refused, InvalidContact):
        assert refused.problem in ContactProblem
    else:
        assert phone is not None
        assert phone.startswith("+5939")
        assert _plain_digits(phone[1:])
        assert len(phone) == 13
        assert isinstance(mask_phone(phone), str)


# --- the forms, through their widgets ----------------------------------------------------------


@pytest.fixture(scope="module")
def theme(qapp: QApplication) -> Theme:
    return Theme(PORTRAIT)


@pytest.fixture
def forms(qtbot: QtBot, theme: Theme) -> tuple[IdentifyView, ContactView, CodeView]:
    views = (IdentifyView(theme), ContactView(theme), CodeView(theme))
    for view in views:
        view.setStyleSheet(theme.stylesheet())
        view.resize(1016, 1500)
        qtbot.addWidget(view)
        view.show()
    return views


def _paste(edit: object, text: str) -> None:
    """What a long press and «Pegar» does: the clipboard's text into the field."""
    QApplication.clipboard().setText(text)
    edit.paste()  # type: ignore[attr-defined]


def _spanish(text: str) -> bool:
    return bool(text.strip()) and text.strip()[-1] in ".?!" and text.isprintable()


@BUDGET
@given(text=hostile, id_type=st.sampled_from(list(IdType)))
def test_the_identify_field_takes_any_paste(
    forms: tuple[IdentifyView, ContactView, CodeView], text: str, id_type: IdType
) -> None:
    identify = forms[0]
    identify.clear()
    identify.set_id_type(id_type)
    _paste(identify.edit, text)
    shown = identify.edit.text()
    assert len(shown) <= identify.edit.maxLength()
    if identify.is_valid():
        kind, number = identify.value()
        assert kind is id_type
        assert number.isascii()
        assert number.isalnum()
        return
    with pytest.raises(InvalidId) as refused:
        identify.value()
    words = identify.problem_text(refused.value.problem)
    assert _spanish(words)
    assert len(shown) < 4 or shown not in words
    if shown.strip():
        identify._accept()  # the keypad's OK key on a number that is not right
        assert identify.error.text()
        assert shown == identify.edit.text()  # what was typed stays for the citizen to fix


@BUDGET
@given(text=hostile, field=st.sampled_from(["email", "phone"]))
def test_the_contact_fields_take_any_paste_and_keep_the_other_one(
    forms: tuple[IdentifyView, ContactView, CodeView], text: str, field: str
) -> None:
    contact = forms[1]
    contact.clear()
    contact.show_form()
    contact.email.setText(EMAIL)
    contact.phone.setText(MOBILE)
    target, other = (
        (contact.email, contact.phone) if field == "email" else (contact.phone, contact.email)
    )
    kept = other.text()
    target.selectAll()
    _paste(target, text)
    assert other.text() == kept  # nothing lost in the other field
    assert len(target.text()) <= target.maxLength()
    messages = Messages()
    given_value, refused = _outcome(contact.value)
    if isinstance(refused, InvalidContact):
        assert not contact.is_valid()
        words = messages.contact_problem(refused.field, refused.problem)
        assert _spanish(words)
        assert len(target.text()) < 4 or target.text() not in words
    else:
        assert given_value is not None
        email, phone, _channel = given_value
        assert contact.is_valid()
        assert _no_invisible(email)
        assert phone.startswith("+5939")
        assert _plain_digits(phone[1:])


@BUDGET
@given(hostile)
def test_the_code_boxes_take_only_digits_from_any_keyboard(
    forms: tuple[IdentifyView, ContactView, CodeView], text: str
) -> None:
    code = forms[2]
    code.clear()
    code.setFocus()
    for ch in text[:200]:  # a hardware keyboard or a scanner typing at the code screen
        key = Qt.Key(Qt.Key.Key_0 + int(ch)) if ch in string.digits else Qt.Key.Key_unknown
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(code, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, ch))
    assert _plain_digits(code.value())
    assert len(code.value()) <= 6
