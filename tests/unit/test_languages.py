"""The open set of languages: interned values that behave as the old enum did, a setting
that lists what the kiosk offers, and Python-side texts that fall back to Spanish."""

from __future__ import annotations

import copy
import datetime as dt
import json
import pickle

import pytest

from kiosk.config import ConfigError, load_settings
from kiosk.domain.dates import written_date
from kiosk.domain.models import Language, Localized, OpeningHours, pick
from kiosk.printing.texts import arrive_text, format_hours, id_label, text, zone_note


def test_a_language_is_interned_and_behaves_as_its_code() -> None:
    assert Language("es") is Language.ES
    assert Language(Language.EN) is Language.EN
    assert Language("qps") is Language("qps")
    assert Language.EN == "en"
    assert Language.EN.value == "en"
    assert str(Language.ES) == "es"
    assert f"{Language.EN}" == "en"
    assert {Language.ES: 1}["es"] == 1
    assert json.dumps({"language": Language.EN}) == '{"language": "en"}'
    assert pickle.loads(pickle.dumps(Language("qps"))) is Language("qps")  # noqa: S301
    assert copy.deepcopy(Language.ES) is Language.ES
    assert repr(Language("qu")) == "Language('qu')"
    assert Language.ES.name == "ES"  # as the enum's member name was


@pytest.mark.parametrize("bad", ["", "e", "ES", "es-EC", "espa", "1e", " es"])
def test_a_language_code_is_two_or_three_lower_case_letters(bad: str) -> None:
    with pytest.raises(ValueError, match="not a language code"):
        Language(bad)


def test_iterating_gives_the_languages_with_python_side_texts_whatever_else_exists() -> None:
    Language("qps")
    assert list(Language) == [Language.ES, Language.EN]


def test_python_side_texts_fall_back_to_spanish_for_a_language_without_rules() -> None:
    pseudo = Language("qps")
    assert pick({Language.ES: "sí", Language.EN: "yes"}, pseudo) == "sí"
    assert pick({Language.ES: "sí", Language.EN: "yes"}, "en") == "yes"
    assert Localized("Azuay", "Azuay province").get(pseudo) == "Azuay"
    day = dt.date(2026, 11, 30)
    assert written_date(day, pseudo) == written_date(day, Language.ES)
    assert text("title", pseudo) == text("title", Language.ES)
    assert arrive_text("passport", pseudo) == arrive_text("passport", Language.ES)
    assert id_label(None, pseudo) == id_label(None, Language.ES)
    moment = dt.datetime(2026, 11, 30, 9, tzinfo=dt.timezone(dt.timedelta(hours=-6)))
    assert zone_note(moment, "Pacific/Galapagos", pseudo).startswith("hora de Galápagos")
    hours = OpeningHours((1, 2, 3, 4, 5), dt.time(8), dt.time(17))
    assert format_hours(hours, pseudo) == format_hours(hours, Language.ES)


def test_the_kiosk_offers_the_configured_languages() -> None:
    assert load_settings(environ={}).kiosk.languages == ("es", "en")
    only = load_settings(
        environ={"KIOSK_KIOSK__LANGUAGES": "es", "KIOSK_KIOSK__DEFAULT_LANGUAGE": "es"}
    )
    assert only.kiosk.languages == ("es",)


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"KIOSK_KIOSK__LANGUAGES": "es,zz"}, "kiosk.languages: no compiled catalogue kiosk_zz.qm"),
        ({"KIOSK_KIOSK__LANGUAGES": "es,EN"}, "kiosk.languages: each must be a language code"),
        ({"KIOSK_KIOSK__LANGUAGES": "es,en,es"}, "kiosk.languages: lists a language twice"),
        ({"KIOSK_KIOSK__LANGUAGES": ""}, "kiosk.languages: must list at least one"),
        (
            {"KIOSK_KIOSK__LANGUAGES": "es", "KIOSK_KIOSK__DEFAULT_LANGUAGE": "en"},
            "kiosk.default_language: must be one of es (kiosk.languages)",
        ),
    ],
)
def test_a_bad_language_setting_names_its_key(env: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigError) as err:
        load_settings(environ=env)
    assert str(err.value).startswith(message)
    assert err.value.keys == (message.split(":")[0],)
