"""Kiosk settings: defaults, TOML, environment overrides and errors that name the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.config import (
    DEMO_PIN_HASH,
    EXAMPLE_CONFIG,
    ConfigError,
    KioskSettings,
    check_pin,
    hash_pin,
    load_settings,
)

EXAMPLE = EXAMPLE_CONFIG


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_run_the_demo() -> None:
    s = load_settings(environ={})
    assert s.service.url is None  # the embedded demo service
    assert s.service.kiosk_token is None
    assert (s.service.timeout_s, s.service.health_poll_s) == (10, 5)
    assert s.kiosk.id == "KIOSK-DEMO-01"
    assert s.kiosk.default_language == "es"
    assert s.kiosk.contact_phone == "593 23945666"
    assert s.screen.geometry().px(15) == pytest.approx(60, abs=1)
    assert (s.idle.default_s, s.idle.code_step_s, s.idle.warning_s) == (60, 180, 20)
    assert s.printer.backend == "file"
    assert s.printer.paper == "80mm"
    assert s.printer.dpi == 203
    assert s.printer.escpos_qr == "image"
    assert s.maintenance.gesture == "corner-taps"
    assert check_pin("2468", s.maintenance.pin_hash)
    assert s.branding.logo is None


def test_example_file_documents_every_key_with_the_defaults() -> None:
    assert load_settings(EXAMPLE, environ={}) == KioskSettings()
    text = EXAMPLE.read_text(encoding="utf-8")
    for section, model in KioskSettings.model_fields.items():
        assert f"[{section}]" in text
        assert model.annotation is not None
        for key in model.annotation.model_fields:
            assert f"\n{key} = " in text or f"\n# {key} = " in text, f"{section}.{key}"


def test_toml_file_is_read(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """
[service]
url = "https://turnos.example.org/"
kiosk_token = "k-123"
[kiosk]
default_language = "en"
[screen]
width_px = 1920
height_px = 1080
diagonal_in = 24
bottom_edge_mm = 900
[printer]
backend = "escpos"
escpos_usb_vendor = 0x04b8
escpos_usb_product = 0x0202
escpos_qr = "native"
output_dir = "slips"
""",
    )
    s = load_settings(path, environ={})
    assert s.service.url == "https://turnos.example.org"
    assert s.service.kiosk_token == "k-123"
    assert "k-123" not in repr(s)  # secrets stay out of logs
    assert s.kiosk.default_language == "en"
    assert s.screen.geometry().orientation == "landscape"
    assert (s.printer.escpos_usb_vendor, s.printer.escpos_usb_product) == (0x04B8, 0x0202)
    assert s.printer.output_dir == tmp_path / "slips"  # relative to the file


def test_config_file_from_the_environment(tmp_path: Path) -> None:
    path = write(tmp_path, '[kiosk]\nid = "AG-QUITO-07"\n')
    assert load_settings(environ={"KIOSK_CONFIG": str(path)}).kiosk.id == "AG-QUITO-07"


def test_environment_beats_the_file(tmp_path: Path) -> None:
    path = write(tmp_path, '[printer]\nbackend = "file"\npaper = "58mm"\n[idle]\ndefault_s = 90\n')
    env = {
        "KIOSK_PRINTER__BACKEND": "cups",
        "KIOSK_PRINTER__QUEUE": "THERMAL",
        "KIOSK_IDLE__DEFAULT_S": "120",
        "KIOSK_SERVICE__TIMEOUT_S": "2.5",
        "KIOSK_PRINTER__ESCPOS_USB_VENDOR": "0x04b8",
        "KIOSK_PRINTER__ESCPOS_USB_PRODUCT": "514",
        "KIOSK_SERVICE__URL": "",  # empty: unset, the demo service
        "KIOSK_UNRELATED": "ignored",  # not of the KIOSK_<SECTION>__<KEY> form
        "HOME": "/root",
    }
    s = load_settings(path, environ=env)
    assert s.printer.backend == "cups"
    assert s.printer.queue == "THERMAL"
    assert s.printer.paper == "58mm"  # from the file
    assert s.idle.default_s == 120
    assert s.service.timeout_s == 2.5
    assert (s.printer.escpos_usb_vendor, s.printer.escpos_usb_product) == (0x04B8, 514)
    assert s.service.url is None


def test_a_kiosk_on_the_islands_shows_its_own_clock() -> None:
    assert load_settings(environ={}).kiosk.time_zone == "America/Guayaquil"
    islands = load_settings(environ={"KIOSK_KIOSK__TIME_ZONE": "Pacific/Galapagos"})
    assert islands.kiosk.time_zone == "Pacific/Galapagos"


def test_settings_are_immutable() -> None:
    s = load_settings(environ={})
    with pytest.raises(ValueError, match="frozen"):
        s.printer.backend = "cups"  # type: ignore[misc]


BAD_VALUES = [
    ({"KIOSK_PRINTER__PAPER": "a5"}, "printer.paper: must be one of 80mm, 58mm, a4, letter"),
    ({"KIOSK_PRINTER__BACKEND": "lpr"}, "printer.backend: must be one of file, cups, escpos"),
    ({"KIOSK_KIOSK__DEFAULT_LANGUAGE": "fr"}, "kiosk.default_language: must be one of es, en"),
    ({"KIOSK_PRINTER__BACKEND": "cups"}, "printer.queue: required when backend is cups"),
    ({"KIOSK_PRINTER__BACKEND": "escpos"}, "printer.escpos_host: required"),
    ({"KIOSK_PRINTER__ESCPOS_USB_VENDOR": "0x04b8"}, "printer.escpos_usb_product: set both"),
    ({"KIOSK_PRINTER__ESCPOS_USB_VENDOR": "0xZZ"}, "printer.escpos_usb_vendor: must be a number"),
    ({"KIOSK_PRINTER__ESCPOS_PORT": "70000"}, "printer.escpos_port: input should be less"),
    ({"KIOSK_PRINTER__DPI": "lots"}, "printer.dpi: input should be a valid integer"),
    ({"KIOSK_SERVICE__TIMEOUT_S": "0"}, "service.timeout_s: input should be greater than 0"),
    ({"KIOSK_SERVICE__URL": "turnos.local"}, "service.url: must be an http:// or https:// URL"),
    ({"KIOSK_KIOSK__ID": "kiosk 1"}, "kiosk.id: has characters that are not allowed"),
    ({"KIOSK_KIOSK__TIME_ZONE": "Europe/Madrid"}, "kiosk.time_zone: must be one of"),
    ({"KIOSK_SCREEN__WIDTH_PX": "-1080"}, "screen.width_px: input should be greater"),
    ({"KIOSK_SCREEN__BOTTOM_EDGE_MM": "1400"}, "screen.bottom_edge_mm: the screen lies outside"),
    ({"KIOSK_IDLE__WARNING_S": "60"}, "idle.warning_s: must be shorter"),
    ({"KIOSK_MAINTENANCE__PIN_HASH": "2468"}, "maintenance.pin_hash: must be a hash"),
    ({"KIOSK_MAINTENANCE__GESTURE": "swipe"}, "maintenance.gesture: must be one of corner-taps"),
    ({"KIOSK_BRANDING__PRIMARY_COLOR": "blue"}, "branding.primary_color: must be a colour"),
    ({"KIOSK_BRANDING__LOGO": "/nonexistent/logo.png"}, "branding.logo: file not found"),
]


@pytest.mark.parametrize(
    ("env", "message"), BAD_VALUES, ids=[m.split(":")[0] for _, m in BAD_VALUES]
)
def test_bad_value_names_its_key(env: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigError) as err:
        load_settings(environ=env)
    assert str(err.value).startswith(message)
    assert err.value.keys == (message.split(":")[0],)
    for value in env.values():  # the value itself is never echoed (it may be a secret)
        assert value not in str(err.value) or value in message


def test_bad_value_in_the_file_names_its_key(tmp_path: Path) -> None:
    path = write(tmp_path, '[printer]\npaper = "A5"\n[screen]\ndiagonal_in = "big"\n')
    with pytest.raises(ConfigError) as err:
        load_settings(path, environ={})
    assert err.value.keys == ("screen.diagonal_in", "printer.paper")
    assert "printer.paper: must be one of 80mm, 58mm, a4, letter" in str(err.value)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ('[printer]\nbackned = "cups"\n', "printer.backned"),
        ('[printr]\nbackend = "cups"\n', "printr"),
        ("timeout_s = 3\n", "timeout_s"),
    ],
)
def test_unknown_keys_in_the_file_are_rejected(tmp_path: Path, text: str, key: str) -> None:
    with pytest.raises(ConfigError) as err:
        load_settings(write(tmp_path, text), environ={})
    assert str(err.value) == f"{key}: unknown setting (see kiosk.example.toml)"


@pytest.mark.parametrize("name", ["KIOSK_PRINTER__BACKNED", "KIOSK_PRINTR__BACKEND", "KIOSK_X__"])
def test_unknown_keys_in_the_environment_are_rejected(name: str) -> None:
    with pytest.raises(ConfigError) as err:
        load_settings(environ={name: "cups"})
    assert str(err.value) == f"{name}: unknown setting (see kiosk.example.toml)"


def test_missing_and_broken_files(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="config file not found"):
        load_settings(tmp_path / "nope.toml", environ={})
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_settings(write(tmp_path, "[printer\n"), environ={})
    with pytest.raises(ConfigError, match="printer: must be a table"):
        load_settings(write(tmp_path, "printer = 3\n"), environ={"KIOSK_PRINTER__DPI": "300"})


def test_logo_relative_to_the_file(tmp_path: Path) -> None:
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    s = load_settings(write(tmp_path, '[branding]\nlogo = "logo.png"\n'), environ={})
    assert s.branding.logo == tmp_path / "logo.png"


# -- the maintenance PIN -------------------------------------------------------------------


def test_pin_hash_round_trip_with_a_random_salt() -> None:
    first, second = hash_pin("135790"), hash_pin("135790")
    assert first != second  # salted
    assert first.startswith("scrypt$16384$8$1$")
    assert "135790" not in first
    assert check_pin("135790", first)
    assert check_pin("135790", second)
    assert not check_pin("135791", first)
    assert not check_pin("", first)


def test_demo_pin() -> None:
    assert check_pin("2468", DEMO_PIN_HASH)
    assert not check_pin("8642", DEMO_PIN_HASH)


@pytest.mark.parametrize("pin", ["123", "1234567890123", "12a4", "", "١٢٣٤"])
def test_pins_are_4_to_12_ascii_digits(pin: str) -> None:
    with pytest.raises(ValueError, match="4 to 12 digits"):
        hash_pin(pin)


def test_pbkdf2_hashes_are_accepted_too() -> None:
    import base64
    import hashlib

    salt = b"0123456789abcdef"
    digest = hashlib.pbkdf2_hmac("sha256", b"2468", salt, 1000)
    stored = (
        f"pbkdf2_sha256$1000${base64.b64encode(salt).decode()}${base64.b64encode(digest).decode()}"
    )
    assert check_pin("2468", stored)
    assert not check_pin("2469", stored)
    assert load_settings(environ={"KIOSK_MAINTENANCE__PIN_HASH": stored}).maintenance.pin_hash


@pytest.mark.parametrize(
    "stored",
    [
        "",
        "2468",
        "md5$abc",
        "scrypt$16384$8$1$not base64!$AAAA",
        "scrypt$16385$8$1$a2lvc2stZGVtby1zYWx0IQ==$RGxFuk6N1Y0EysGfGuQBEggIRy4AgmTDFFGj4Va0yQo=",
        "scrypt$1048576$64$1$a2lvc2stZGVtby1zYWx0IQ==$RGxFuk6N1Y0EysGfGuQBEggIRy4AgmTDFFGj4Va0yQo=",
        "scrypt$16384$8$1$AA==$RGxFuk6N1Y0EysGfGuQBEggIRy4AgmTDFFGj4Va0yQo=",
    ],
)
def test_malformed_hashes_never_match(stored: str) -> None:
    assert not check_pin("2468", stored)


# -- drop-ins (kiosk.d/*.toml beside the file) ----------------------------------------------


def dropin(tmp_path: Path, name: str, text: str) -> Path:
    folder = tmp_path / "kiosk.d"
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_dropins_are_read_in_name_order_key_by_key_before_the_environment(
    tmp_path: Path,
) -> None:
    main = write(tmp_path, '[printer]\nbackend = "cups"\nqueue = "MAIN"\npaper = "58mm"\n')
    dropin(tmp_path, "50-provision.toml", '[printer]\nqueue = "FIFTY"\n[kiosk]\nid = "K-50"\n')
    dropin(tmp_path, "10-site.toml", '[printer]\nqueue = "TEN"\ndpi = 180\n[kiosk]\nid = "K-10"\n')
    dropin(tmp_path, "90-local.toml", '[kiosk]\nid = "K-90"\n')
    dropin(tmp_path, ".60-partial.toml", '[kiosk]\nid = "hidden"\n')  # a file being written
    dropin(tmp_path, "70-notes.txt", "not toml at all [")
    (tmp_path / "kiosk.d" / "80-folder.toml").mkdir()
    s = load_settings(main, environ={})
    assert s.printer.backend == "cups"  # the main file's, no drop-in touches it
    assert s.printer.paper == "58mm"
    assert s.printer.dpi == 180  # 10-site only
    assert s.printer.queue == "FIFTY"  # 50 after 10, the rest of [printer] kept
    assert s.kiosk.id == "K-90"
    s = load_settings(main, environ={"KIOSK_KIOSK__ID": "K-ENV"})
    assert s.kiosk.id == "K-ENV"  # the environment wins over every file
    # $KIOSK_CONFIG finds the same drop-ins beside the file it names
    assert load_settings(environ={"KIOSK_CONFIG": str(main)}).kiosk.id == "K-90"


def test_no_dropin_folder_or_an_empty_one(tmp_path: Path) -> None:
    main = write(tmp_path, '[kiosk]\nid = "K-MAIN"\n')
    assert load_settings(main, environ={}).kiosk.id == "K-MAIN"
    (tmp_path / "kiosk.d").mkdir()
    assert load_settings(main, environ={}).kiosk.id == "K-MAIN"


def test_given_dropins_replace_those_found(tmp_path: Path) -> None:
    main = write(tmp_path, '[kiosk]\nid = "K-MAIN"\n')
    dropin(tmp_path, "50-provision.toml", '[kiosk]\nid = "K-OLD"\n')
    new = dropin(tmp_path, ".50-provision.toml.new", '[kiosk]\nid = "K-NEW"\n')
    assert load_settings(main, environ={}, dropins=[new]).kiosk.id == "K-NEW"
    assert load_settings(main, environ={}, dropins=[]).kiosk.id == "K-MAIN"
    assert load_settings(environ={}, dropins=[new]).kiosk.id == "K-NEW"  # on the defaults


@pytest.mark.parametrize(
    ("text", "keys", "message"),
    [
        ('[printer]\nquue = "X"\n', ("printer.quue",), "printer.quue: unknown setting"),
        ('[printr]\nqueue = "X"\n', ("printr",), "printr: unknown setting"),
        ("timeout_s = 3\n", ("timeout_s",), "timeout_s: unknown setting"),
        ("printer = 3\n", ("printer",), "printer: must be a table"),
        (
            '[printer]\nquue = "X"\nqeue = "Y"\n',
            ("printer.quue", "printer.qeue"),
            "printer.quue: unknown setting (see kiosk.example.toml); printer.qeue: unknown",
        ),
    ],
)
def test_unknown_keys_in_a_dropin_name_the_dropin(
    tmp_path: Path, text: str, keys: tuple[str, ...], message: str
) -> None:
    main = write(tmp_path, "")
    path = dropin(tmp_path, "50-provision.toml", text)
    with pytest.raises(ConfigError) as err:
        load_settings(main, environ={})
    assert str(err.value).startswith(f"{path}: {message}")
    assert err.value.keys == keys


def test_a_bad_value_from_a_dropin_names_the_dropin_but_not_the_value(tmp_path: Path) -> None:
    main = write(tmp_path, '[printer]\npaper = "80mm"\n')
    path = dropin(tmp_path, "50-provision.toml", '[printer]\npaper = "secret-a5"\n')
    with pytest.raises(ConfigError) as err:
        load_settings(main, environ={})
    assert str(err.value) == (
        f"printer.paper: must be one of 80mm, 58mm, a4, letter (set in {path})"
    )
    assert "secret-a5" not in str(err.value)
    assert err.value.keys == ("printer.paper",)
    # the environment overriding the key takes the blame away from the drop-in
    with pytest.raises(ConfigError) as err:
        load_settings(main, environ={"KIOSK_PRINTER__PAPER": "a5"})
    assert str(err.value) == "printer.paper: must be one of 80mm, 58mm, a4, letter"
    dropin(tmp_path, "50-provision.toml", "[screen]\nbottom_edge_mm = 1400\n")
    with pytest.raises(ConfigError, match=r"outside the reach band .*\(set in .*50-provision"):
        load_settings(main, environ={})


def test_broken_dropins_name_the_file(tmp_path: Path) -> None:
    main = write(tmp_path, "")
    path = dropin(tmp_path, "50-provision.toml", "[printer\n")
    with pytest.raises(ConfigError, match=f"not valid TOML: {path}"):
        load_settings(main, environ={})


def test_relative_paths_in_a_dropin_are_relative_to_the_dropin(tmp_path: Path) -> None:
    main = write(tmp_path, '[printer]\noutput_dir = "main-slips"\n[staff]\nkeys_file = "k.json"\n')
    dropin(tmp_path, "50-provision.toml", '[printer]\noutput_dir = "slips"\n')
    s = load_settings(main, environ={})
    assert s.printer.output_dir == tmp_path / "kiosk.d" / "slips"
    assert s.staff.keys_file == tmp_path / "k.json"  # the main file's, relative to it
