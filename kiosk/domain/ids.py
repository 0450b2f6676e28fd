"""Identity documents a citizen may type at the kiosk: cédula, passport, IESS foreigner code; RUC.

The cédula and RUC rules are python-stdnum's (`stdnum.ec.ci`, `stdnum.ec.ruc`); this module only
wraps them and translates their exceptions into `IdProblem`, so the screens can say what is wrong
without ever echoing the number. stdnum accepts a third digit of 6 (cédulas issued to foreign
residents), and the province codes 01-24, 30 (Ecuadorians registered abroad) and 50.

Limits for the documents stdnum does not know:
- passport: 5-20 characters, A-Z and 0-9 (the ICAO 9303 machine-readable alphabet);
- IESS foreigner code: 6-15 characters, A-Z and 0-9.
Spaces and dashes are ignored and letters are upper-cased before checking.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from enum import StrEnum

from stdnum.ec import ci, ruc
from stdnum.exceptions import (
    InvalidChecksum,
    InvalidComponent,
    InvalidFormat,
    InvalidLength,
    ValidationError,
)

# The id mask is re-exported: an id's mask is asked of this module.
from kiosk.domain.masking import ASCII_DOT
from kiosk.domain.masking import mask_id as mask_id

# Anything longer is not a typo but garbage; refuse before doing any work on it.
MAX_RAW_LENGTH = 64

# ICAO 9303's document-number field: letters and digits, at most 9 (longer numbers are cut
# there, and no issuer uses fewer than 6 in practice: fewer is a number still being typed or
# mistyped, which the citizen is asked to check).
PASSPORT_MIN, PASSPORT_MAX = 6, 9
FOREIGNER_CODE_MIN, FOREIGNER_CODE_MAX = 6, 15
CEDULA_LENGTH = 10
RUC_LENGTH = 13

_ALPHANUMERIC = frozenset(string.ascii_uppercase + string.digits)
_DIGITS = frozenset(string.digits)


class IdType(StrEnum):
    CEDULA = "cedula"
    PASSPORT = "passport"
    FOREIGNER_CODE = "foreigner_code"


class IdProblem(StrEnum):
    EMPTY = "empty"
    TOO_SHORT = "too_short"
    TOO_LONG = "too_long"
    NOT_DIGITS = "not_digits"
    BAD_CHARACTERS = "bad_characters"
    PROVINCE = "province"
    THIRD_DIGIT = "third_digit"
    CHECK_DIGIT = "check_digit"


class InvalidId(ValueError):  # noqa: N818 - name fixed by the shared contract
    """An identity number was rejected; the message names the problem, never the number."""

    def __init__(self, problem: IdProblem, id_type: IdType | str | None = None) -> None:
        self.problem = problem
        self.id_type = id_type
        what = f"invalid {id_type} number" if id_type else "invalid identity number"
        super().__init__(f"{what}: {problem}")


@dataclass(frozen=True, repr=False)
class IdentityDocument:
    """A checked identity document; build it with `parse_id`."""

    type: IdType
    number: str

    @property
    def masked(self) -> str:
        return mask_id(self.number)

    @property
    def masked_ascii(self) -> str:
        """For receipts and logs whose fonts or encodings may lack the bullet."""
        return mask_id(self.number, dot=ASCII_DOT)

    def __repr__(self) -> str:
        # Keeps the number out of tracebacks, debug logs and test failure output.
        return f"IdentityDocument(type={self.type.value!r}, number={self.masked_ascii!r})"


def _compact(raw: str) -> str:
    return ci.compact(raw)  # stdnum's own: drops spaces and dashes, upper-cases, strips


def _stdnum_component_ok(prefix: str) -> bool:
    """Whether some completion of the digit prefix passes stdnum's province/third-digit rules.

    Pads with zeros and tries the ten possible last digits: exactly one satisfies the check digit,
    so if none is accepted the prefix itself is wrong. This asks stdnum instead of copying its
    tables, and keeps in step when stdnum learns new province codes.
    """
    body = prefix[: CEDULA_LENGTH - 1].ljust(CEDULA_LENGTH - 1, "0")
    for last in string.digits:
        try:
            ci.validate(body + last)
        except InvalidChecksum:
            continue
        except ValidationError:
            return False
        return True
    return False


def _component_problem(digits: str) -> IdProblem | None:
    """PROVINCE or THIRD_DIGIT for a digit string of two or more digits, else None."""
    if not _stdnum_component_ok(digits[:2]):
        return IdProblem.PROVINCE
    if len(digits) >= 3 and not _stdnum_component_ok(digits):
        return IdProblem.THIRD_DIGIT
    return None


def cedula_problem(partial: str) -> IdProblem | None:
    """Live feedback while a cédula is typed digit by digit.

    None means "fine so far" (or complete and valid). Nothing typed yet and too few digits are not
    problems here; a wrong character shows at once, a wrong province from the second digit, a
    wrong third digit from the third, and the check digit only at the tenth.
    """
    if len(partial) > MAX_RAW_LENGTH:
        return IdProblem.TOO_LONG
    number = _compact(partial)
    if not number:
        return None
    if not set(number) <= _DIGITS:
        return IdProblem.NOT_DIGITS
    if len(number) > CEDULA_LENGTH:
        return IdProblem.TOO_LONG
    if len(number) < 2:
        return None
    component = _component_problem(number)
    if component is not None or len(number) < CEDULA_LENGTH:
        return component
    return None if ci.is_valid(number) else IdProblem.CHECK_DIGIT


def _parse_cedula(raw: str) -> str:
    number = _compact(raw)
    if not number:
        raise InvalidId(IdProblem.EMPTY, IdType.CEDULA)
    # Non-digits first: "12a" is better told "digits only" than "too short".
    if not set(number) <= _DIGITS:
        raise InvalidId(IdProblem.NOT_DIGITS, IdType.CEDULA)
    try:
        return ci.validate(number)
    except InvalidLength:
        problem = IdProblem.TOO_SHORT if len(number) < CEDULA_LENGTH else IdProblem.TOO_LONG
        raise InvalidId(problem, IdType.CEDULA) from None
    except InvalidFormat:
        raise InvalidId(IdProblem.NOT_DIGITS, IdType.CEDULA) from None
    except InvalidComponent:
        problem = _component_problem(number) or IdProblem.PROVINCE
        raise InvalidId(problem, IdType.CEDULA) from None
    except InvalidChecksum:
        raise InvalidId(IdProblem.CHECK_DIGIT, IdType.CEDULA) from None
    # `from None`: stdnum's exceptions carry no number, but the chain adds noise to logs.


def _parse_alphanumeric(raw: str, id_type: IdType, low: int, high: int) -> str:
    number = _compact(raw)
    if not number:
        raise InvalidId(IdProblem.EMPTY, id_type)
    if not set(number) <= _ALPHANUMERIC:
        raise InvalidId(IdProblem.BAD_CHARACTERS, id_type)
    if len(number) < low:
        raise InvalidId(IdProblem.TOO_SHORT, id_type)
    if len(number) > high:
        raise InvalidId(IdProblem.TOO_LONG, id_type)
    return number


def parse_id(id_type: IdType | str, raw: str) -> IdentityDocument:
    """Check and normalise a typed id; raises `InvalidId` (or ValueError for an unknown type)."""
    kind = IdType(id_type)
    if len(raw) > MAX_RAW_LENGTH:
        raise InvalidId(IdProblem.TOO_LONG, kind)
    if kind is IdType.CEDULA:
        number = _parse_cedula(raw)
    elif kind is IdType.PASSPORT:
        number = _parse_alphanumeric(raw, kind, PASSPORT_MIN, PASSPORT_MAX)
    else:
        number = _parse_alphanumeric(raw, kind, FOREIGNER_CODE_MIN, FOREIGNER_CODE_MAX)
    return IdentityDocument(kind, number)


def is_valid_cedula(raw: str) -> bool:
    try:
        _parse_cedula(raw)
    except InvalidId:
        return False
    return True


class RucKind(StrEnum):
    NATURAL = "natural"  # a person's cédula plus an establishment number
    PUBLIC = "public"  # a public-sector entity
    PRIVATE = "private"  # a private company (sociedad)


@dataclass(frozen=True)
class Ruc:
    number: str
    kind: RucKind


def _passes_public_rule(number: str) -> bool:
    # stdnum tells the kinds apart only inside validate(); reuse its rule rather than copy it.
    try:
        ruc._validate_public(number)
    except ValidationError:
        return False
    return True


def parse_ruc(raw: str) -> Ruc:
    """Check a RUC (13 digits) with stdnum and say whose it is, from its third digit."""
    if len(raw) > MAX_RAW_LENGTH:
        raise InvalidId(IdProblem.TOO_LONG, "ruc")
    number = _compact(raw)
    if not number:
        raise InvalidId(IdProblem.EMPTY, "ruc")
    if not set(number) <= _DIGITS:
        raise InvalidId(IdProblem.NOT_DIGITS, "ruc")
    try:
        number = ruc.validate(number)
    except InvalidLength:
        problem = IdProblem.TOO_SHORT if len(number) < RUC_LENGTH else IdProblem.TOO_LONG
        raise InvalidId(problem, "ruc") from None
    except InvalidFormat:
        raise InvalidId(IdProblem.NOT_DIGITS, "ruc") from None
    except InvalidComponent:
        # Province or third digit; otherwise the establishment suffix (000), for which
        # IdProblem has no word: the number as a whole does not check out.
        problem = _component_problem(number) or IdProblem.CHECK_DIGIT
        raise InvalidId(problem, "ruc") from None
    except InvalidChecksum:
        raise InvalidId(IdProblem.CHECK_DIGIT, "ruc") from None
    third = number[2]
    if third in "69" and _passes_public_rule(number):
        kind = RucKind.PUBLIC
    elif third == "9":
        kind = RucKind.PRIVATE
    else:
        kind = RucKind.NATURAL
    return Ruc(number, kind)
