"""Identity documents: cédula (through stdnum), passport, foreigner code, RUC, masks."""

from __future__ import annotations

import dataclasses
import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum.ec import ci

from kiosk.domain.ids import (
    IdentityDocument,
    IdProblem,
    IdType,
    InvalidId,
    Ruc,
    RucKind,
    cedula_problem,
    is_valid_cedula,
    mask_id,
    parse_id,
    parse_ruc,
)

# Independent of stdnum on purpose: the Registro Civil's modulo-10 rule, written out here so the
# tests check the wrapper against the published rule and not against itself.
PROVINCES = [f"{p:02d}" for p in range(1, 25)] + ["30"]
ACCEPTED_PROVINCES = {*PROVINCES, "50"}  # stdnum 2.x also accepts 50


def check_digit(first_nine: str) -> str:
    total = 0
    for digit, weight in zip(first_nine, itertools.cycle((2, 1)), strict=False):
        product = int(digit) * weight
        total += product - 9 if product > 9 else product
    return str((10 - total % 10) % 10)


def make_cedula(province: str, third: int, rest: str) -> str:
    first_nine = f"{province}{third}{rest}"
    return first_nine + check_digit(first_nine)


def expected_problem(number: str) -> IdProblem | None:
    if number[:2] not in ACCEPTED_PROVINCES:
        return IdProblem.PROVINCE
    if int(number[2]) > 6:
        return IdProblem.THIRD_DIGIT
    if check_digit(number[:9]) != number[9]:
        return IdProblem.CHECK_DIGIT
    return None


VALID = make_cedula("17", 1, "430710")  # 1714307103, stdnum's documented example
THIRD_SIX = make_cedula("17", 6, "123456")  # fails the public-entity RUC rule


def problem_of(id_type: IdType | str, raw: str) -> IdProblem:
    with pytest.raises(InvalidId) as caught:
        parse_id(id_type, raw)
    return caught.value.problem


# --- cédula -----------------------------------------------------------------------------------


def test_reference_rule_matches_the_documented_example() -> None:
    assert VALID == "1714307103"


@pytest.mark.parametrize("raw", ["1714307103", " 1714307103 ", "171430710-3", "17 1430 7103"])
def test_cedula_is_normalised(raw: str) -> None:
    doc = parse_id(IdType.CEDULA, raw)
    assert doc == IdentityDocument(IdType.CEDULA, "1714307103")
    assert is_valid_cedula(raw)


@pytest.mark.parametrize("province", ["01", "09", "17", "24", "30"])
def test_third_digit_six_is_accepted(province: str) -> None:
    number = make_cedula(province, 6, "123456")
    assert parse_id("cedula", number).number == number
    assert cedula_problem(number) is None
    assert ci.is_valid(number)  # the behaviour we rely on comes from stdnum, not from us


@pytest.mark.parametrize("third", [7, 8, 9])
def test_third_digit_above_six_is_rejected(third: int) -> None:
    number = make_cedula("17", third, "123456")
    assert problem_of(IdType.CEDULA, number) is IdProblem.THIRD_DIGIT
    assert cedula_problem(number[:3]) is IdProblem.THIRD_DIGIT


@pytest.mark.parametrize("province", ["00", "25", "29", "31", "49", "99"])
def test_unknown_province_is_rejected(province: str) -> None:
    number = make_cedula(province, 1, "123456")
    assert problem_of(IdType.CEDULA, number) is IdProblem.PROVINCE


def test_province_30_for_ecuadorians_abroad() -> None:
    number = make_cedula("30", 2, "654321")
    assert parse_id(IdType.CEDULA, number).number == number


def test_every_province_code_agrees_with_stdnum() -> None:
    for code in (f"{p:02d}" for p in range(100)):
        number = make_cedula(code, 0, "000000")
        stdnum_accepts = ci.is_valid(number)
        assert (cedula_problem(code) is None) == stdnum_accepts, code
        assert is_valid_cedula(number) == stdnum_accepts, code


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        ("", IdProblem.EMPTY),
        ("  - ", IdProblem.EMPTY),
        ("171430710", IdProblem.TOO_SHORT),
        ("17143071033", IdProblem.TOO_LONG),
        ("17143O7103", IdProblem.NOT_DIGITS),  # a letter O for a zero
        ("17a", IdProblem.NOT_DIGITS),
        ("1714307.103", IdProblem.NOT_DIGITS),
        ("١٧١٤٣٠٧١٠٣", IdProblem.NOT_DIGITS),  # Arabic-Indic digits are not the cédula's digits
        ("1714307104", IdProblem.CHECK_DIGIT),
        ("1" * 65, IdProblem.TOO_LONG),
    ],
)
def test_cedula_problems(raw: str, problem: IdProblem) -> None:
    assert problem_of(IdType.CEDULA, raw) is problem
    assert not is_valid_cedula(raw)


def test_error_never_contains_the_number() -> None:
    with pytest.raises(InvalidId) as caught:
        parse_id(IdType.CEDULA, "1714307104")
    text = f"{caught.value} {caught.value!r} {caught.value.args}"
    assert "1714307104" not in text
    assert "check_digit" in str(caught.value)
    assert caught.value.__cause__ is None
    assert isinstance(caught.value, ValueError)


def test_typing_a_valid_cedula_digit_by_digit_never_complains() -> None:
    for end in range(len(VALID) + 1):
        assert cedula_problem(VALID[:end]) is None, end


def test_live_feedback_order() -> None:
    assert cedula_problem("2") is None  # could still become 20..24
    assert cedula_problem("25") is IdProblem.PROVINCE  # as soon as two digits are typed
    assert cedula_problem("25143") is IdProblem.PROVINCE
    assert cedula_problem("178") is IdProblem.THIRD_DIGIT
    assert cedula_problem("171430710") is None  # nine digits: the check digit is not known yet
    assert cedula_problem("1714307104") is IdProblem.CHECK_DIGIT  # only at ten
    assert cedula_problem("1") is None
    assert cedula_problem("a") is IdProblem.NOT_DIGITS  # non-digits at once
    assert cedula_problem("17x") is IdProblem.NOT_DIGITS
    assert cedula_problem("17143071031") is IdProblem.TOO_LONG
    assert cedula_problem("171-430") is None  # dashes as people write them are fine


# --- passport and foreigner code --------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "number"),
    [
        ("ab 123-456", "AB123456"),
        ("a12345", "A12345"),
        ("X" * 9, "X" * 9),
        ("p-0001234", "P0001234"),
    ],
)
def test_passport_is_normalised(raw: str, number: str) -> None:
    assert parse_id(IdType.PASSPORT, raw) == IdentityDocument(IdType.PASSPORT, number)


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        ("", IdProblem.EMPTY),
        ("A123", IdProblem.TOO_SHORT),
        ("AB123", IdProblem.TOO_SHORT),  # 5 characters: no passport is that short (ICAO 9303)
        ("X" * 10, IdProblem.TOO_LONG),  # the document-number field holds 9
        ("X" * 21, IdProblem.TOO_LONG),
        ("AB#12345", IdProblem.BAD_CHARACTERS),
        ("ÑA12345", IdProblem.BAD_CHARACTERS),  # outside the machine-readable alphabet
        ("AB.12345", IdProblem.BAD_CHARACTERS),
    ],
)
def test_passport_problems(raw: str, problem: IdProblem) -> None:
    assert problem_of("passport", raw) is problem


def test_foreigner_code_limits() -> None:
    assert parse_id("foreigner_code", "ec-12ab").number == "EC12AB"
    assert parse_id(IdType.FOREIGNER_CODE, "A" * 15).number == "A" * 15
    assert problem_of(IdType.FOREIGNER_CODE, "AB123") is IdProblem.TOO_SHORT
    assert problem_of(IdType.FOREIGNER_CODE, "A" * 16) is IdProblem.TOO_LONG
    assert problem_of(IdType.FOREIGNER_CODE, "AB_1234") is IdProblem.BAD_CHARACTERS


def test_unknown_id_type_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="driving_licence"):
        parse_id("driving_licence", "123456")


# --- masks ------------------------------------------------------------------------------------


def test_masks() -> None:
    doc = parse_id(IdType.CEDULA, VALID)
    assert doc.masked == "17••••••03"
    assert doc.masked_ascii == "17******03"
    assert mask_id("1714307103") == "17••••••03"
    assert mask_id("A12345") == "A••••5"
    assert mask_id("abc") == "•••"
    assert mask_id("") == ""


def test_repr_and_str_hide_the_number() -> None:
    doc = parse_id(IdType.PASSPORT, "AB1234567")
    for text in (repr(doc), str(doc), f"{doc}", repr([doc])):
        assert "AB1234567" not in text
        assert "AB*****67" in text


def test_identity_document_is_frozen() -> None:
    doc = parse_id(IdType.CEDULA, VALID)
    with pytest.raises(dataclasses.FrozenInstanceError):
        doc.number = "0"  # type: ignore[misc]


# --- RUC --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "kind"),
    [
        ("1714307103001", RucKind.NATURAL),  # a cédula plus establishment 001
        ("1792060346-001", RucKind.PRIVATE),
        ("1760001550001", RucKind.PUBLIC),
        (THIRD_SIX + "001", RucKind.NATURAL),  # third digit 6 failing the public rule
    ],
)
def test_ruc_kinds(raw: str, kind: RucKind) -> None:
    ruc = parse_ruc(raw)
    assert ruc == Ruc(raw.replace("-", ""), kind)


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        ("", IdProblem.EMPTY),
        ("179206034601", IdProblem.TOO_SHORT),
        ("17920603460011", IdProblem.TOO_LONG),
        ("17920603460A1", IdProblem.NOT_DIGITS),
        ("1763154690001", IdProblem.CHECK_DIGIT),
        ("2592060346001", IdProblem.PROVINCE),
        ("1772060346001", IdProblem.THIRD_DIGIT),
        ("1714307103000", IdProblem.CHECK_DIGIT),  # establishment 000 does not exist
    ],
)
def test_ruc_problems(raw: str, problem: IdProblem) -> None:
    with pytest.raises(InvalidId) as caught:
        parse_ruc(raw)
    assert caught.value.problem is problem
    if raw:
        assert raw not in str(caught.value)


# --- properties -------------------------------------------------------------------------------

cedulas = st.builds(
    make_cedula,
    st.sampled_from(PROVINCES),
    st.integers(0, 6),
    st.text(alphabet="0123456789", min_size=6, max_size=6),
)


@given(cedulas)
def test_every_constructed_cedula_parses(number: str) -> None:
    assert parse_id(IdType.CEDULA, number).number == number
    assert cedula_problem(number) is None
    for end in range(len(number)):
        assert cedula_problem(number[:end]) is None


@given(cedulas, st.integers(0, 9), st.integers(1, 9))
def test_changing_one_digit_is_caught_or_still_valid(number: str, pos: int, delta: int) -> None:
    changed = number[:pos] + str((int(number[pos]) + delta) % 10) + number[pos + 1 :]
    expected = expected_problem(changed)
    if expected is None:
        assert parse_id(IdType.CEDULA, changed).number == changed
    else:
        assert problem_of(IdType.CEDULA, changed) is expected
        assert cedula_problem(changed) is expected


@given(st.text(max_size=40))
def test_mask_reveals_at_most_four_characters(text: str) -> None:
    for dot in ("•", "*"):
        masked = mask_id(text, dot)
        assert len(masked) == len(text)
        kept = [(c, m) for c, m in zip(text, masked, strict=True) if m != dot]
        assert all(c == m for c, m in kept)  # what is not a dot is the original, in place
        assert len(kept) <= 4
        assert len(kept) <= len(text) // 2


@given(st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", min_size=6, max_size=9))
def test_passport_masks_reveal_at_most_four(number: str) -> None:
    doc = parse_id(IdType.PASSPORT, number)
    assert sum(c != "•" for c in doc.masked) <= 4
    assert number not in repr(doc)
