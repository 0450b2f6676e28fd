"""`kiosk staff verify`, run as a technician or a script would, on tokens the real service signed.

Offline with `--keys` (the JSON of GET /v1/keys saved to a file): exit 0 valid, 1 forged or
damaged or no QR, 2 genuine but expired or not for that agency or day, 3 bad usage. Without
`--keys`, the counter's kept keys, refreshed from the configured service first.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.domain.token import Claims, KeySet, PublicKey, encode, kid_for
from kiosk.printing.paper import Paper
from kiosk.printing.sample import sample_slip
from kiosk.printing.slip import render_slip
from tests.service.helpers import Api
from turnos.embedded import EmbeddedService, start_embedded

AGENCY, OTHER = 241, 242


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedService]:
    svc = start_embedded(tmp_path_factory.mktemp("verify-cli"), demo=True)
    try:
        yield svc
    finally:
        svc.stop()


@pytest.fixture(scope="module")
def booked(service: EmbeddedService) -> dict[str, Any]:
    api = Api(service.url, service.credentials, service.outbox)
    citizen = api.verified_citizen()
    body = api.booked(citizen, api.find_slot(agency=AGENCY)["id"])
    body["cedula"] = citizen.cedula
    return body


@pytest.fixture(scope="module")
def keys_file(service: EmbeddedService, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("keys") / "keys.json"
    path.write_text(requests.get(service.url + "/v1/keys", timeout=10).text)
    return path


def verify(*args: str, stdin: bytes | None = None, env: dict[str, str] | None = None) -> Any:
    """The real command, in a process of its own, with no network unless configured."""
    return subprocess.run(
        [sys.executable, "-m", "kiosk.cli", "staff", "verify", *args],
        input=stdin,
        capture_output=True,
        timeout=60,
        env={**os.environ, "KIOSK_CONFIG": "", **(env or {})},
        check=False,
    )


def test_a_genuine_slip_is_valid_and_json_shows_only_the_masked_id(
    booked: dict[str, Any], keys_file: Path
) -> None:
    done = verify(booked["token"], "--keys", str(keys_file), "--json")
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    assert answer["result"] == "valid"
    assert answer["claims"]["turn_code"] == booked["booking"]["code"]
    assert answer["claims"]["agency_id"] == AGENCY
    # The QR carries the ASCII form of the masked id the service shows ("•" as "*").
    assert answer["claims"]["masked_id"] == booked["booking"]["masked_id"].replace("•", "*")
    assert booked["cedula"] not in (done.stdout + done.stderr).decode()
    start = dt.datetime.fromisoformat(booked["booking"]["start"])
    assert dt.datetime.fromisoformat(answer["claims"]["turn_start"]) == start


def test_the_agency_and_the_day_only_when_asked(booked: dict[str, Any], keys_file: Path) -> None:
    token, keys = booked["token"], str(keys_file)
    day = booked["booking"]["start"][:10]
    here = verify(token, "--keys", keys, "--agency", str(AGENCY), "--date", day)
    assert here.returncode == 0, here.stderr
    wrong_agency = verify(token, "--keys", keys, "--agency", str(OTHER), "--json")
    assert wrong_agency.returncode == 2
    assert json.loads(wrong_agency.stdout)["reason"] == "wrong_agency"
    other_day = (dt.date.fromisoformat(day) + dt.timedelta(days=1)).isoformat()
    wrong_day = verify(token, "--keys", keys, "--date", other_day)
    assert wrong_day.returncode == 2
    assert b"another day" in wrong_day.stdout


def test_one_changed_character_an_unknown_key_and_garbage_are_forged(
    booked: dict[str, Any], keys_file: Path
) -> None:
    token = booked["token"]
    i = len(token) // 2
    changed = token[:i] + ("0" if token[i] != "0" else "1") + token[i + 1 :]
    done = verify(changed, "--keys", str(keys_file), "--json")
    assert done.returncode == 1
    assert json.loads(done.stdout)["result"] == "forged"
    assert json.loads(done.stdout)["claims"] is None
    stranger = KeySet([PublicKey(kid_for(k.public_key()), k.public_key()) for k in [_key()]])
    other_keys = keys_file.with_name("other.json")
    other_keys.write_text(json.dumps(stranger.to_jwks()))
    unknown = verify(token, "--keys", str(other_keys), "--json")
    assert unknown.returncode == 1
    assert json.loads(unknown.stdout)["reason"] == "unknown_key"
    assert verify("TRN1:NOT A TOKEN", "--keys", str(keys_file)).returncode == 1


def _key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def test_an_expired_slip_is_genuine_but_not_valid(tmp_path: Path) -> None:
    key = _key()
    start = dt.datetime.now(dt.UTC) - dt.timedelta(days=3)
    claims = Claims(
        issuer="turnos",
        issued_at=int((start - dt.timedelta(days=1)).timestamp()),
        expires_at=int((start + dt.timedelta(days=1)).timestamp()),
        booking_id=b"EXPIRED1",
        turn_code="CP-001",
        agency_id=AGENCY,
        procedure_code="CLAVE_PATRONAL",
        turn_start=int(start.timestamp()),
        masked_id="******4590",
    )
    keys = tmp_path / "keys.json"
    keys.write_text(
        json.dumps(KeySet([PublicKey(kid_for(key.public_key()), key.public_key())]).to_jwks())
    )
    done = verify(encode(claims, key), "--keys", str(keys), "--json")
    assert done.returncode == 2
    assert json.loads(done.stdout)["reason"] == "expired"


def test_from_a_pdf_an_image_and_standard_input(
    booked: dict[str, Any], keys_file: Path, tmp_path: Path
) -> None:
    slip = dataclasses.replace(sample_slip(), token=booked["token"])
    pdf = tmp_path / "slip.pdf"
    pdf.write_bytes(render_slip(slip, Paper.ROLL_80))
    assert verify(str(pdf), "--keys", str(keys_file)).returncode == 0
    subprocess.run(
        ["pdftoppm", "-r", "150", "-png", "-singlefile", str(pdf), str(tmp_path / "slip")],
        check=True,
        timeout=60,
    )
    png = tmp_path / "slip.png"
    assert verify(str(png), "--keys", str(keys_file)).returncode == 0
    assert verify("-", "--keys", str(keys_file), stdin=png.read_bytes()).returncode == 0
    text = (booked["token"] + "\n").encode()
    assert verify("-", "--keys", str(keys_file), stdin=text).returncode == 0


def test_no_qr_in_the_picture(tmp_path: Path, keys_file: Path) -> None:
    from PIL import Image

    blank = tmp_path / "blank.png"
    Image.new("L", (400, 300), 255).save(blank)
    done = verify(str(blank), "--keys", str(keys_file), "--json")
    assert done.returncode == 1
    assert json.loads(done.stdout)["reason"] == "no_qr"


def test_bad_usage_is_exit_3_and_the_help_says_how_to_quote(keys_file: Path) -> None:
    assert verify().returncode == 3  # no SOURCE
    assert verify("TRN1:X", "--agency", "many").returncode == 3
    missing = verify("/no/such/slip.png", "--keys", str(keys_file))
    assert missing.returncode == 3
    assert b"neither a slip's text" in missing.stderr
    assert verify("TRN1:X", "--keys", "/no/such/keys.json").returncode == 3
    helped = verify("--help")
    assert helped.returncode == 0
    assert b"single quotes" in helped.stdout


def test_without_keys_the_counter_fetches_and_keeps_them(
    service: EmbeddedService, booked: dict[str, Any], tmp_path: Path
) -> None:
    kept = tmp_path / "kept.json"
    env = {
        "KIOSK_SERVICE__URL": service.url,
        "KIOSK_STAFF__TOKEN": service.credentials["staff_tokens"][str(AGENCY)],
        "KIOSK_STAFF__KEYS_FILE": str(kept),
    }
    assert verify(booked["token"], env=env).returncode == 0
    assert kept.is_file()
    # The service gone: the kept keys still answer.
    env["KIOSK_SERVICE__URL"] = "http://127.0.0.1:9"
    offline = verify(booked["token"], env=env)
    assert offline.returncode == 0, offline.stderr
    assert b"using the kept keys" in offline.stderr
    env["KIOSK_STAFF__KEYS_FILE"] = str(tmp_path / "none.json")
    assert verify(booked["token"], env=env).returncode == 3
