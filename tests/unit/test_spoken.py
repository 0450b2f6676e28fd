"""What spoken guidance may say (kiosk.booking.spoken): personal values refused in any
spacing, masked values said by their visible end, the voice's locale for each language."""

from __future__ import annotations

import pytest

from kiosk.booking.spoken import (
    PersonalValues,
    end_hint,
    has_clock,
    pick_locale,
    reveals,
    screened,
    speak_masks,
    utterance,
)
from kiosk.domain.masking import mask_email, mask_id, mask_name, mask_phone_digits

CITIZEN = PersonalValues.of(
    "1714307103",  # cédula
    "maria.perez@gmail.com",
    "+593991234567",  # the mobile as the kiosk keeps it (E.164)
    "482913",  # verification code
    "A-0427",  # the turn's code
    "María Pérez Vera",
    None,
    "  ",
)


def _ends(end: str) -> str:
    return f"terminado en {end}"


@pytest.mark.parametrize(
    "text",
    [
        "Su cédula es 1714307103.",
        "Su cédula es 17 14 30 71 03.",
        "Su cédula es 171-430-7103",
        "Escribió MARIA.PEREZ@GMAIL.COM",
        "escribió maria punto perez arroba gmail punto com",  # local part alone still refused
        "Su celular 0991234567",
        "Su celular 099 123 4567",
        "Su celular 991234567",
        "El código 4 8 2 9 1 3",
        "Su turno A0427",
        "Hola, María Pérez Vera",
        "Hola, señora Pérez",
    ],
)
def test_an_utterance_with_a_personal_value_is_refused(text: str) -> None:
    assert reveals(text, CITIZEN)
    assert screened(text, CITIZEN) is None


@pytest.mark.parametrize(
    "text",
    [
        "Escriba su número de cédula. Número de cédula (10 dígitos).",
        "Su número de cédula termina en 03.",
        "Tiene 6 dígitos. Lo enviamos al correo terminado en @gmail.com.",
        "El celular no es el registrado en el IESS (terminado en 567).",
        "Si no responde en 20 segundos, borraremos sus datos.",
        "Guardamos esta hora para usted durante 4:59.",
    ],
)
def test_guidance_and_hints_pass(text: str) -> None:
    assert screened(text, CITIZEN) == text


def test_nothing_personal_refuses_nothing() -> None:
    assert screened("Bienvenido", PersonalValues()) == "Bienvenido"
    assert PersonalValues.of(None, "", "90").forms() == frozenset()  # too short to be telling


def test_masked_values_are_said_by_their_visible_end() -> None:
    email = mask_email("maria.perez@gmail.com")
    phone = mask_phone_digits("0991234567")
    assert (
        speak_masks(f"Tiene 6 dígitos. Lo enviamos al correo {email}.", _ends)
        == "Tiene 6 dígitos. Lo enviamos al correo terminado en @gmail.com."
    )
    assert (
        speak_masks(f"El celular no es el registrado en el IESS ({phone}). Escriba ese", _ends)
        == "El celular no es el registrado en el IESS (terminado en 567). Escriba ese"
    )
    assert speak_masks(f"Documento {mask_id('1714307103')}", _ends) == "Documento terminado en 03"
    # A masked name says nothing at all, not "M bullet bullet".
    assert speak_masks(f"Nombre {mask_name('María Pérez')}.", _ends) == "Nombre."
    assert "•" not in speak_masks(f"{email} {phone} {mask_name('Ana Ruiz')}", _ends)


def test_an_utterance_is_sentences_without_repeats() -> None:
    assert utterance(["Bienvenido", "", "Toque el botón.", "Bienvenido"]) == (
        "Bienvenido. Toque el botón."
    )
    assert utterance(["¿Necesita más tiempo?", "Sí"]) == "¿Necesita más tiempo? Sí."


def test_the_hint_of_a_typed_number_keeps_two_characters_of_a_long_one() -> None:
    assert end_hint("1714307103") == "03"
    assert end_hint("AB 12345") == "45"
    assert end_hint("1714") == ""  # short: any end would be half of it


def test_countdowns_are_recognised() -> None:
    assert has_clock("Pedir otro código en 0:45")
    assert not has_clock("Tiene 6 dígitos.")


@pytest.mark.parametrize(
    ("language", "available", "chosen"),
    [
        ("es", ["en_US", "es_ES", "es_EC"], "es_EC"),
        ("es", ["en_US", "es_ES"], "es_ES"),
        ("es", ["es_AR", "en_US"], "es_AR"),
        ("en", ["en_GB", "en_US"], "en_US"),
        ("en", ["fi_FI"], None),
        ("qu", ["qu_PE", "es_EC"], "qu_PE"),
    ],
)
def test_the_voice_follows_the_language(
    language: str, available: list[str], chosen: str | None
) -> None:
    assert pick_locale(language, available) == chosen
