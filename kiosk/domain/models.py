"""Catalogue and booking models shared by the kiosk screens, the backend client and printing.

Texts that the service sends in several languages are kept as `Localized` so that a screen can
switch language without asking the service again.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import ClassVar, TypeVar

_T = TypeVar("_T")
#: ISO 639-1 or 639-3 code, lower case: "es", "en", "qu", "qug"; "qps" is the pseudo language
#: (639-3 keeps qaa–qtz for private use).
_CODE = re.compile(r"[a-z]{2,3}")


class _LanguageType(type):
    def __iter__(cls) -> Iterator[Language]:
        # Iteration is over the languages whose Python-side texts exist (slip, written dates):
        # stable, whatever other codes a test or the configuration created.
        return iter((Language.ES, Language.EN))


class Language(str, metaclass=_LanguageType):
    """A language the kiosk can show, by its ISO code; the set is open.

    Values are interned: ``Language("es") is Language.ES``, so `is` comparisons, `.value`,
    ``Language(lang)`` on a Language and equality with the plain code (``Language.EN == "en"``)
    keep working as with the enum this replaced. Which languages a kiosk offers is the setting
    ``kiosk.languages``; each needs its compiled catalogue ``kiosk_<code>.qm``. Iterating over
    the class gives the languages with Python-side texts (Spanish, English); code that formats
    text in Python looks a language up with `pick`, which falls back to Spanish.
    """

    __slots__ = ()
    _interned: ClassVar[dict[str, Language]] = {}
    ES: ClassVar[Language]
    EN: ClassVar[Language]

    def __new__(cls, code: str) -> Language:
        if isinstance(code, Language):
            return code
        key = str(code)
        known = cls._interned.get(key)
        if known is not None:
            return known
        if not _CODE.fullmatch(key):
            raise ValueError(f"not a language code: {code!r} (two or three lower-case letters)")
        made = super().__new__(cls, key)
        cls._interned[key] = made
        return made

    @property
    def value(self) -> str:
        return str.__str__(self)

    @property
    def name(self) -> str:
        """The code in capitals, as the enum's member names were ("ES")."""
        return self.value.upper()

    def __str__(self) -> str:
        return str.__str__(self)

    def __repr__(self) -> str:
        return f"Language({self.value!r})"

    def __reduce__(self) -> tuple[type[Language], tuple[str]]:
        return (Language, (self.value,))

    def __copy__(self) -> Language:
        return self

    def __deepcopy__(self, memo: object) -> Language:
        return self


Language.ES = Language("es")
Language.EN = Language("en")


def pick(table: Mapping[Language, _T], lang: Language | str) -> _T:
    """`table`'s entry for `lang`, else the Spanish one: Python-side texts (the slip, written
    dates) exist for Spanish and English only, and Spanish is the kiosk's source language."""
    found = table.get(Language(lang)) if _CODE.fullmatch(str(lang)) else None
    return found if found is not None else table[Language.ES]


@dataclass(frozen=True, slots=True)
class Localized:
    """A text in Spanish and English; Spanish is the fallback."""

    es: str
    en: str = ""

    def get(self, lang: Language | str) -> str:
        if str(lang) == Language.EN and self.en:
            return self.en
        return self.es


@dataclass(frozen=True, slots=True)
class Province:
    code: str  # INEC code, two digits ("01" Azuay ... "24" Santa Elena)
    name: Localized


class Audience(StrEnum):
    """Who a requirement is for (the catalogue's `applies_to`)."""

    ALL = "all"
    CEDULA = "cedula"  # only who identified with a cédula (or a RUC: its legal representative)
    FOREIGNERS = "foreigners"  # any foreigner without a cédula (passport or foreigner code)
    PASSPORT = "passport"  # foreigners who identified with a passport
    FOREIGNER_CODE = "foreigner_code"  # foreigners registered with the IESS by a code
    #: a condition the kiosk cannot know: shown to everyone, worded as a condition
    #: ("Si es artesano calificado: …").
    QUALIFIED_ARTISANS = "qualified_artisans"


#: Which audiences apply to a citizen by the document they identified with.
_AUDIENCES_BY_DOCUMENT: dict[str, frozenset[Audience]] = {
    "cedula": frozenset({Audience.CEDULA}),
    "ruc": frozenset({Audience.CEDULA}),
    "passport": frozenset({Audience.FOREIGNERS, Audience.PASSPORT}),
    "foreigner_code": frozenset({Audience.FOREIGNERS, Audience.FOREIGNER_CODE}),
}


@dataclass(frozen=True, slots=True)
class Requirement:
    title: Localized
    detail: Localized = field(default_factory=lambda: Localized(""))
    applies_to: Audience = Audience.ALL

    @property
    def conditional(self) -> bool:
        """Needed only under a condition the citizen knows and the kiosk does not."""
        return self.applies_to is Audience.QUALIFIED_ARTISANS

    def applies(self, document_type: str | None) -> bool:
        if self.applies_to in (Audience.ALL, Audience.QUALIFIED_ARTISANS):
            return True
        if document_type is None:  # nobody identified (a preview): everything, as listed
            return True
        return self.applies_to in _AUDIENCES_BY_DOCUMENT.get(document_type, frozenset())


@dataclass(frozen=True, slots=True)
class Procedure:
    code: str  # short ASCII code, e.g. "CLAVE_PATRONAL"
    name: Localized
    requirements: tuple[Requirement, ...] = ()

    def requirements_for(self, document_type: str | None) -> tuple[Requirement, ...]:
        """What this citizen must bring, by the document they identified with (`IdType`
        values): a cédula holder is not told of the foreigners' alternatives, a passport
        holder is not told to bring a cédula. Conditional ones (artisans) stay, last."""
        chosen = [r for r in self.requirements if r.applies(document_type)]
        return tuple(sorted(chosen, key=lambda r: r.conditional))


@dataclass(frozen=True, slots=True)
class OpeningHours:
    """One line of an agency's hours: ISO weekdays 1..7, local times."""

    weekdays: tuple[int, ...]
    opens: dt.time
    closes: dt.time


@dataclass(frozen=True, slots=True)
class Agency:
    id: int
    name: Localized
    province_code: str
    address: Localized
    time_zone: str  # IANA, "America/Guayaquil" or "Pacific/Galapagos"
    hours: tuple[OpeningHours, ...]
    procedure_codes: frozenset[str]

    def offers(self, procedure_code: str) -> bool:
        return procedure_code in self.procedure_codes


@dataclass(frozen=True, slots=True)
class Catalog:
    provinces: tuple[Province, ...]
    procedures: tuple[Procedure, ...]
    agencies: tuple[Agency, ...]
    #: days the service keeps personal data after a turn (for the data-protection notice);
    #: None when the service does not say.
    retention_days: int | None = None

    def province(self, code: str) -> Province | None:
        return next((p for p in self.provinces if p.code == code), None)

    def procedure(self, code: str) -> Procedure | None:
        return next((p for p in self.procedures if p.code == code), None)

    def agency(self, agency_id: int) -> Agency | None:
        return next((a for a in self.agencies if a.id == agency_id), None)

    def agencies_for(self, province_code: str, procedure_code: str) -> tuple[Agency, ...]:
        """Only the agencies of the province that offer the procedure."""
        return tuple(
            a
            for a in self.agencies
            if a.province_code == province_code and a.offers(procedure_code)
        )

    def procedures_in(self, province_code: str) -> tuple[Procedure, ...]:
        """Procedures offered by at least one agency of the province."""
        offered = {
            c for a in self.agencies if a.province_code == province_code for c in a.procedure_codes
        }
        return tuple(p for p in self.procedures if p.code in offered)


class DayState(StrEnum):
    """What the calendar says of a day; never "full" for a day that is simply closed."""

    OPEN = "open"  # places free
    FULL = "full"  # open, but every place is taken
    CLOSED = "closed"  # weekend, holiday or closure (`reason` names the holiday or closure)
    NOT_OPEN = "not_open"  # past the booking window: not bookable yet


@dataclass(frozen=True, slots=True)
class Day:
    date: dt.date
    free_places: int
    #: None from an older service that sends only free places: open or full by those.
    state: DayState | None = None
    #: the holiday's or closure's name, when the service gives one.
    reason: Localized | None = None

    @property
    def effective_state(self) -> DayState:
        if self.state is not None:
            return self.state
        return DayState.OPEN if self.free_places > 0 else DayState.FULL

    @property
    def available(self) -> bool:
        return self.effective_state is DayState.OPEN and self.free_places > 0


@dataclass(frozen=True, slots=True)
class Availability:
    """The days of one agency and procedure, and the service's booking window."""

    days: tuple[Day, ...]
    #: the last day the service books today; None when an older service does not say.
    last_bookable: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Slot:
    id: str
    start: dt.datetime  # aware, in the agency's zone
    end: dt.datetime
    free_places: int


@dataclass(frozen=True, slots=True)
class Hold:
    id: str
    slot: Slot
    expires_at: dt.datetime  # aware


@dataclass(frozen=True, slots=True)
class Booking:
    id: str
    code: str  # human turn code, unique per agency and day
    agency_id: int
    procedure_code: str
    start: dt.datetime
    end: dt.datetime
    masked_name: str
    masked_id: str


@dataclass(frozen=True, slots=True)
class Confirmation:
    """A booking as the service confirmed it, with the signed token for the QR."""

    booking: Booking
    token: str
