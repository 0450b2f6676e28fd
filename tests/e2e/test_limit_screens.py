"""The kiosk's screen for each limit, in Spanish and in English, reached by taps on the real
service, read and photographed (issue 11: "rendered and looked at in Spanish and English").

Each refusal: the citizen quota (a third booking in a day), the kiosk's budget of lookups and
of code sends, an id not registered as employer, and another email than the registry's. Each
says what happened and what to do in the citizen's language, with the clock time where the
limit ends, no code, nothing personal in full, and a way on that works when tapped. A grab of
the window goes to `$KIOSK_SHOTS_DIR/limit-<kind>-<lang>.png` (else the test's tmp_path).

One service for the module; each test has a kiosk token of its own, so the kiosk budgets one
test spends never reach another.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from kiosk.domain.dates import written_date
from kiosk.domain.flow import Step
from kiosk.domain.models import Language
from kiosk.tour.citizen import pause
from tests.e2e.test_kiosk_branches import _cedula
from tests.helpers.registry import load_registry
from tests.helpers.screen_text import seen_text
from tests.service.helpers import Api, Citizen
from tests.ui.conftest import KioskDriver
from turnos.embedded import EmbeddedService, start_embedded
from turnos.outbox import messages_to
from turnos.services.tokens import Role, issue

pytestmark = pytest.mark.slow

MakeKiosk = Callable[..., tuple[Any, KioskDriver, Any]]

ZONE = ZoneInfo("America/Guayaquil")  # the kiosk's zone (its default)
CONTACT_PHONE = "593 23945666"  # the kiosk's default help line

# Small kiosk budgets: a token refills one lookup every 15 minutes and one email send every
# 15 minutes, so that the clock time the kiosk names is well apart from the time now.
LOOKUPS_BURST = 4
EMAIL_SENDS_BURST = 2
REFILL_S = 900
PER_HOUR = 3600 / REFILL_S

REGISTERED_EMAIL = "maria.sanchez@gmail.com"
REGISTERED_MOBILE = "0991230401"
CITIZEN = _cedula(401)  # a registered employer, with the registry's contacts
NOT_EMPLOYER = _cedula(402)  # known to the institution, not registered as employer

LANGUAGES = [pytest.param(Language.ES, id="es"), pytest.param(Language.EN, id="en")]

_serials = itertools.count(410)

# --- what a screen must say, and must not -----------------------------------------------------

#: Raw codes or status numbers: never on a citizen's screen.
RAW = re.compile(r"\b[a-z]+_[a-z_]+\b|\b(?:403|404|409|429|500)\b|\berror\b", re.IGNORECASE)
#: Spanish on an English screen (accents, ¿¡, and words English does not have).
SPANISH = re.compile(
    r"[áéíóúñ¿¡]|\b(?:de|del|el|la|los|las|que|su|sus|en|para|por|con|una|es|al|ya|puede|"
    r"podrá|quiosco|ventanilla|turnos?|correo|celular|registro|registrado|empleador|atrás|"
    r"entendido|empezar|nuevo|paso|siguiente|confirmar)\b",
    re.IGNORECASE,
)
#: English on a Spanish screen.
ENGLISH = re.compile(
    r"\b(?:the|you|your|kiosk|please|back|start over|understood|step|email|mobile|"
    r"registered|appointment|counter|window)\b",
    re.IGNORECASE,
)


def _words_seen(kiosk: Any, language: Language, personal: list[str]) -> str:
    """What the window shows now, checked: the language, no code, nothing personal in full.
    Names are the same in every language: the institution's (the brand), the catalogue's
    agencies and addresses, and the other language's own name on its button."""
    shell = kiosk.shell
    shown = "\n".join(seen_text(shell))
    assert not RAW.search(shown), f"a code on the screen: {RAW.search(shown)}\n{shown}"
    for value in filter(None, personal):
        assert value not in shown, f"{value!r} shown in full:\n{shown}"
    names = {shell.brand.text(), shell.language_button.text()}
    catalog = kiosk.controller.catalog
    if catalog is not None:
        names |= {t.get(language) for a in catalog.agencies for t in (a.name, a.address)}
    plain = shown
    for name in sorted(names, key=len, reverse=True):
        plain = plain.replace(name, " ")
    other = SPANISH if language is Language.EN else ENGLISH
    found = other.findall(plain)
    assert not found, f"{found} on the {language.name} screen:\n{shown}"
    return shown


def _clock_shown(words: str, pattern: str) -> re.Match[str]:
    match = re.search(pattern, words)
    assert match is not None, f"no clock time ({pattern}) in:\n{words}"
    return match


def _near(shown: dt.datetime, expected: dt.datetime, slack_s: float = 120) -> None:
    assert abs((shown - expected).total_seconds()) <= slack_s, (shown, expected)


def _says_budget_until(said: str, words: dict[str, Any], expected: dt.datetime) -> None:
    """The kiosk's budget is spent: the notice names the clock time it refills (within the
    slack) and where else to go meanwhile."""
    assert words["budget"] in said, said
    when = _clock_shown(said, words["budget_when"])
    shown = expected.replace(hour=int(when[1]), minute=int(when[2]), second=0, microsecond=0)
    _near(shown, expected)
    for where in words["elsewhere"]:
        assert where in said, said


# --- the kiosk, the service, the photographs ------------------------------------------------


@pytest.fixture(scope="module")
def limits_service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedService]:
    """The demo service with the institution's caps per citizen, small kiosk budgets, and two
    registry entries (a registered employer with contacts, an id not registered as employer)."""
    data = tmp_path_factory.mktemp("turnos-limits")
    service = start_embedded(
        data,
        citizen_bookings_per_day=2,
        citizen_bookings_per_week=4,
        citizen_bookings_per_month=10,
        kiosk_lookups_burst=LOOKUPS_BURST,
        kiosk_lookups_per_hour=PER_HOUR,
        kiosk_email_sends_burst=EMAIL_SENDS_BURST,
        kiosk_email_sends_per_hour=PER_HOUR,
    )
    load_registry(service, data, (CITIZEN, REGISTERED_EMAIL, REGISTERED_MOBILE), NOT_EMPLOYER)
    try:
        yield service
    finally:
        service.stop()


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("KIOSK_SHOTS_DIR") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class Visit:
    """A kiosk of its own (its own token, so its own budgets) on the module's service, the
    citizen's finger on it, and requests with the same token (earlier citizens at it)."""

    def __init__(self, make_kiosk: MakeKiosk, service: EmbeddedService, name: str) -> None:
        with service.context.db.transaction() as session:
            _id, token = issue(session, Role.KIOSK, name, service.context.now())
        self.api = Api(service.url, {**service.credentials, "kiosk_token": token}, service.outbox)
        self.kiosk, self.driver, _idle = make_kiosk(service.url, token, service.outbox)

    def start(self, language: Language) -> None:
        self.driver.start(english=language is Language.EN)
        assert self.kiosk.shell.language is language

    def photograph(self, folder: Path, kind: str, language: Language) -> Path:
        pause(50)  # layouts and paints settle before the grab, as the tour does
        path = folder / f"limit-{kind}-{language.value}.png"
        assert self.kiosk.shell.grab().save(str(path)), path
        return path

    def notice(self, heading: str) -> str:
        """The notice over the screen: its heading, and its body (returned)."""
        notice = self.kiosk.shell.notice
        assert notice.isVisible(), "no notice over the screen"
        assert notice.heading.text() == heading
        return str(notice.body.text())

    def way_on_after_notice(self, step: Step, understood: str) -> None:
        """The notice's one button takes the citizen back to the screen as it was, whose
        «Atrás» and «Empezar de nuevo» are in reach; «Empezar de nuevo» gives the welcome."""
        notice = self.kiosk.shell.notice
        assert notice.ok_button.text() == understood
        self.driver.tap(notice.ok_button)
        self.driver.wait_until(lambda: not notice.isVisible(), what="the notice gone")
        assert self.kiosk.controller.flow.current is step
        self.start_over()

    def start_over(self) -> None:
        shell = self.kiosk.shell
        assert self.driver.reachable(shell.back_button), "«Atrás» is out of reach"
        self.driver.tap(shell.start_over_button)
        self.driver.at(Step.WELCOME)


WORDS = {
    Language.ES: {
        "understood": "Entendido",
        "refused": "Por ahora no podemos reservar este turno",
        "quota": "Ya tiene el máximo de turnos que se pueden reservar por ahora.",
        "quota_when": "a partir del {date} a las {time}.",
        "busy": "Este quiosco está muy ocupado",
        "budget": "Este quiosco atendió muchas solicitudes seguidas",
        "budget_when": r"Podrá continuar a las (\d\d):(\d\d)",
        "elsewhere": ("otro quiosco", "ventanilla"),
        "not_registered": "No encontramos su registro de empleador",
        "registration_first": "deberá haber realizado el trámite de registro de empleador",
        "not_the_email": "Ese correo no es el registrado",
        "which_email": "El correo no es el registrado en el IESS (m•••@gmail.com)",
        "where_to_update": ("www.iess.gob.ec", "ventanilla"),
    },
    Language.EN: {
        "understood": "Understood",
        "refused": "We cannot book this appointment right now",
        "quota": "You have already booked as many appointments as allowed for now.",
        "quota_when": "from {date} at {time}.",
        "busy": "This kiosk is very busy",
        "budget": "This kiosk has handled many requests in a row",
        "budget_when": r"You can continue at (\d\d):(\d\d)",
        "elsewhere": ("another kiosk", "counter"),
        "not_registered": "We could not find your employer registration",
        "registration_first": "you must have completed the employer registration",
        "not_the_email": "That email is not the registered one",
        "which_email": "The email is not the one registered with the IESS (m•••@gmail.com)",
        "where_to_update": ("www.iess.gob.ec", "counter"),
    },
}


# --- the four refusals ----------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_citizen_quota_says_from_when_and_what_to_do_now(
    make_kiosk: MakeKiosk,
    limits_service: EmbeddedService,
    compiled_translations: Path,
    shots: Path,
    language: Language,
) -> None:
    words = WORDS[language]
    visit = Visit(make_kiosk, limits_service, f"quota-{language.value}")
    cedula, phone = _cedula(next(_serials)), "0991230410"
    earlier_email = f"lucia.andrade.{language.value}@gmail.com"
    email = f"lucia.andrade.{language.value}@hotmail.com"
    # Two bookings today, elsewhere: the institution's cap for a day.
    earlier = visit.api.verified_citizen(Citizen(cedula, earlier_email, phone))
    first_booked = dt.datetime.now(dt.UTC)
    for procedure in ("CLAVE_PATRONAL", "CLAVE_AFILIADO"):
        visit.api.booked(earlier, visit.api.find_slot(agency=171, procedure=procedure)["id"])

    driver = visit.driver
    visit.start(language)
    driver.identify(cedula)
    driver.contact(email, phone)  # another address: a minute between two codes to one
    driver.at(Step.VERIFY_CODE)
    driver.enter_code(driver.latest_code(email))
    driver.choose_turn("REGISTRO_EMPLEADOR")
    driver.next()  # Confirmar
    driver.settle()

    assert visit.kiosk.controller.flow.current is Step.REVIEW  # refused, nothing booked
    shell, review = visit.kiosk.shell, driver.view(Step.REVIEW)
    assert shell.title_label.text() == words["refused"]
    # Nothing invites a new try that would be refused the same: no «Confirmar», no hold
    # counting down, no documents to bring to a turn that is not booked.
    assert not shell.next_button.isVisible()
    assert not shell.help_label.isVisible()
    assert not review.hold.isVisible()
    assert not review.documents.isVisible()
    assert review.error.isVisible()
    said = review.error.text()
    assert said.startswith(words["quota"]), said
    # 24 hours after the first booking, in the kiosk's zone, in words of the language.
    local = (first_booked + dt.timedelta(days=1)).astimezone(ZONE)
    pattern = re.escape(words["quota_when"]).replace(
        r"\{date\}", re.escape(written_date(local.date(), language))
    )
    when = _clock_shown(said, pattern.replace(r"\{time\}", r"(\d\d):(\d\d)"))
    shown = local.replace(hour=int(when[1]), minute=int(when[2]), second=0, microsecond=0)
    _near(shown, local)
    for what_now in ("www.iess.gob.ec", CONTACT_PHONE):
        assert what_now in said
    _words_seen(visit.kiosk, language, [cedula, email, earlier_email, phone, phone[1:]])
    visit.photograph(shots, "citizen-quota", language)

    visit.start_over()


@pytest.mark.parametrize("language", LANGUAGES)
def test_kiosk_lookup_budget_says_until_when_and_where_to_go(
    make_kiosk: MakeKiosk,
    limits_service: EmbeddedService,
    compiled_translations: Path,
    shots: Path,
    language: Language,
) -> None:
    words = WORDS[language]
    visit = Visit(make_kiosk, limits_service, f"lookups-{language.value}")
    # Earlier citizens at this kiosk spent its lookups.
    for _ in range(LOOKUPS_BURST):
        visit.api.lookup(Citizen(_cedula(next(_serials)), "", ""))
    cedula = _cedula(next(_serials))

    visit.start(language)
    visit.driver.identify(cedula)
    refused_at = dt.datetime.now(ZONE)

    assert visit.kiosk.controller.flow.current is Step.IDENTIFY
    said = visit.notice(words["busy"])
    _says_budget_until(said, words, refused_at + dt.timedelta(seconds=REFILL_S))
    _words_seen(visit.kiosk, language, [cedula])
    visit.photograph(shots, "kiosk-budget", language)

    visit.way_on_after_notice(Step.IDENTIFY, words["understood"])


@pytest.mark.parametrize("language", LANGUAGES)
def test_kiosk_send_budget_says_until_when_and_where_to_go(
    make_kiosk: MakeKiosk,
    limits_service: EmbeddedService,
    compiled_translations: Path,
    shots: Path,
    language: Language,
) -> None:
    words = WORDS[language]
    visit = Visit(make_kiosk, limits_service, f"sends-{language.value}")
    # Earlier citizens at this kiosk spent its email sends.
    earlier = Citizen(_cedula(next(_serials)), "", "0991230499")
    visit.api.lookup(earlier)
    for n in range(EMAIL_SENDS_BURST):
        earlier.email = f"earlier.{language.value}.{n}@example.com"
        response = visit.api.start_verification(earlier)
        assert response.status_code == 201, response.text
    cedula, email, phone = _cedula(next(_serials)), "rosa.quishpe@gmail.com", "0991230420"

    visit.start(language)
    visit.driver.identify(cedula)
    visit.driver.at(Step.CONTACT)
    visit.driver.contact(email, phone)
    refused_at = dt.datetime.now(ZONE)

    assert visit.kiosk.controller.flow.current is Step.CONTACT  # refused, nothing lost
    assert not messages_to(limits_service.outbox, email)
    said = visit.notice(words["busy"])  # the kiosk is busy, not the citizen's codes
    _says_budget_until(said, words, refused_at + dt.timedelta(seconds=REFILL_S))
    _words_seen(visit.kiosk, language, [cedula, email, phone, phone[1:]])
    visit.photograph(shots, "kiosk-budget-code", language)

    visit.way_on_after_notice(Step.CONTACT, words["understood"])


@pytest.mark.parametrize("language", LANGUAGES)
def test_not_registered_says_the_employer_registration_comes_first(
    make_kiosk: MakeKiosk,
    limits_service: EmbeddedService,
    compiled_translations: Path,
    shots: Path,
    language: Language,
) -> None:
    words = WORDS[language]
    visit = Visit(make_kiosk, limits_service, f"unregistered-{language.value}")
    visit.start(language)
    visit.driver.identify(NOT_EMPLOYER)

    assert visit.kiosk.controller.flow.current is Step.IDENTIFY
    said = visit.notice(words["not_registered"])
    assert words["registration_first"] in said, said
    for where in words["where_to_update"]:
        assert where in said, said
    _words_seen(visit.kiosk, language, [NOT_EMPLOYER])
    visit.photograph(shots, "not-registered", language)

    visit.way_on_after_notice(Step.IDENTIFY, words["understood"])


@pytest.mark.parametrize("language", LANGUAGES)
def test_contact_not_registered_names_the_registered_one_masked(
    make_kiosk: MakeKiosk,
    limits_service: EmbeddedService,
    compiled_translations: Path,
    shots: Path,
    language: Language,
) -> None:
    words = WORDS[language]
    visit = Visit(make_kiosk, limits_service, f"contact-{language.value}")
    typed = f"otra.persona.{language.value}@gmail.com"
    visit.start(language)
    visit.driver.identify(CITIZEN)
    visit.driver.at(Step.CONTACT)
    visit.driver.contact(typed, REGISTERED_MOBILE)

    assert visit.kiosk.controller.flow.current is Step.CONTACT  # refused, nothing lost
    assert not messages_to(limits_service.outbox, typed)
    said = visit.notice(words["not_the_email"])
    assert words["which_email"] in said, said
    for where in words["where_to_update"]:
        assert where in said, said
    personal = [CITIZEN, typed, REGISTERED_EMAIL, REGISTERED_MOBILE, REGISTERED_MOBILE[1:]]
    _words_seen(visit.kiosk, language, personal)
    visit.photograph(shots, "contact-not-registered", language)

    visit.way_on_after_notice(Step.CONTACT, words["understood"])
