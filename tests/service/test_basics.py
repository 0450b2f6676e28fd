"""Health, catalogue, keys, roles and malformed requests, over HTTP."""

from __future__ import annotations

import requests

from tests.service.helpers import Api, problem
from turnos.demo_catalog import PROVINCES


def test_health_needs_no_token(api: Api) -> None:
    r = api.call("GET", "/v1/health", headers={})
    assert r.status_code == 200
    assert r.json()["status"] == "ok"
    assert r.json()["api_version"] == "1"


def test_catalog_has_the_24_provinces_and_bilingual_texts(api: Api) -> None:
    r = api.call("GET", "/v1/catalog")
    assert r.status_code == 200
    body = r.json()
    assert [(p["code"], p["name"]["es"]) for p in body["provinces"]] == [
        (code, name) for code, name, _ in PROVINCES
    ]
    clave = next(p for p in body["procedures"] if p["code"] == "CLAVE_PATRONAL")
    assert clave["name"]["es"] == "Clave patronal portal IESS"
    assert all(req["title"]["en"] and req["detail"]["en"] for req in clave["requirements"])
    agencies = body["agencies"]
    assert all(a["name"]["es"].startswith("Agencia de demostración") for a in agencies)
    assert {a["province_code"] for a in agencies} == {code for code, _, _ in PROVINCES}
    galapagos = [a for a in agencies if a["province_code"] == "20"]
    assert {a["time_zone"] for a in galapagos} == {"Pacific/Galapagos"}
    assert agencies[0]["hours"] == [
        {"weekdays": [1, 2, 3, 4, 5], "opens": "08:00", "closes": "17:00"}
    ]
    # The kiosk's data-protection notice quotes this instead of guessing.
    assert body["privacy"] == {"retention_days": 30}


def test_demo_requirements_follow_the_seed(api: Api) -> None:
    """The general requirements, the cédula or one of its alternatives for foreigners without
    one (each for the document it belongs to), and the additional one for artisans; who needs
    a requirement is in `applies_to` only, never a "Solo para..." lead in its detail."""
    body = api.call("GET", "/v1/catalog").json()
    clave = next(p for p in body["procedures"] if p["code"] == "CLAVE_PATRONAL")
    assert [(r["title"]["es"], r["applies_to"]) for r in clave["requirements"]] == [
        ("Solicitud de entrega de clave", "all"),
        ("Cédula", "cedula"),
        ("Código de identificación para extranjeros", "foreigner_code"),
        ("Pasaporte", "passport"),
        ("Visa", "passport"),
        ("Acuerdo de Responsabilidad y Uso de la información", "all"),
        ("Calificación Artesanal", "qualified_artisans"),
    ]
    for req in clave["requirements"]:
        # A checklist line: short, and no condition in the title nor in the detail.
        assert max(len(req["title"]["es"]), len(req["title"]["en"])) <= 50, req["title"]
        assert not req["title"]["es"].startswith(("Solo", "Aplica"))
        assert not req["detail"]["es"].startswith(("Solo", "Aplica"))
        assert not req["detail"]["en"].startswith("Only")
    # The handwritten-signature rule, said plainly where the seed has it.
    signed = {r["title"]["es"]: r["detail"] for r in clave["requirements"]}
    assert "Fírmela a mano." in signed["Solicitud de entrega de clave"]["es"]
    assert "Sign it by hand." in signed["Solicitud de entrega de clave"]["en"]
    assert signed["Acuerdo de Responsabilidad y Uso de la información"] == {
        "es": "Fírmelo a mano.",
        "en": "Sign it by hand.",
    }
    # Every other procedure asks for the document the citizen identified with.
    for procedure in body["procedures"]:
        audiences = {r["applies_to"] for r in procedure["requirements"]}
        assert {"cedula", "passport", "foreigner_code"} <= audiences, procedure["code"]


def test_names_and_addresses_are_not_translated(api: Api) -> None:
    body = api.call("GET", "/v1/catalog").json()
    for agency in body["agencies"]:
        assert agency["name"]["en"] == agency["name"]["es"]
        assert agency["address"]["en"] == agency["address"]["es"]
    quito = next(a for a in body["agencies"] if a["id"] == 171)
    assert quito["name"]["es"] == "Agencia de demostración Quito Centro"
    assert quito["address"]["es"] == "Calle Ficticia 100, Quito"


def test_catalog_etag_answers_not_modified(api: Api) -> None:
    first = api.call("GET", "/v1/catalog")
    etag = first.headers["ETag"]
    again = api.call("GET", "/v1/catalog", headers={**api.kiosk, "If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""


def test_catalog_for_staff_and_operator_but_not_anonymous(api: Api) -> None:
    assert api.call("GET", "/v1/catalog", headers=api.staff(171)).status_code == 200
    assert api.call("GET", "/v1/catalog", headers=api.operator).status_code == 200
    r = api.call("GET", "/v1/catalog", headers={})
    problem(r, 401, "unauthorized")
    assert r.headers["WWW-Authenticate"] == "Bearer"
    problem(
        api.call("GET", "/v1/catalog", headers={"Authorization": "Bearer nope"}),
        401,
        "unauthorized",
    )


def test_roles_are_enforced(api: Api) -> None:
    problem(api.call("GET", "/v1/kiosks", headers=api.kiosk), 403, "forbidden")
    problem(
        api.call(
            "POST",
            "/v1/citizens/lookup",
            headers=api.staff(171),
            json={"id_type": "cedula", "id_number": "1710034065"},
        ),
        403,
        "forbidden",
    )
    problem(api.call("POST", "/v1/checkins", json={"token": "x"}), 403, "forbidden")


def test_malformed_requests_are_400_invalid_request(api: Api) -> None:
    r = api.call(
        "POST",
        "/v1/citizens/lookup",
        data=b"{not json",
        headers={**api.kiosk, "Content-Type": "application/json"},
    )
    problem(r, 400, "invalid_request")
    r = api.call("POST", "/v1/citizens/lookup", json={"id_type": "dni", "id_number": "1"})
    problem(r, 400, "invalid_request")
    r = api.call("POST", "/v1/citizens/lookup", json={"id_type": "cedula"})
    problem(r, 400, "invalid_request")
    r = api.call(
        "GET",
        "/v1/availability",
        params={
            "agency": 171,
            "procedure": "CLAVE_PATRONAL",
            "from": "2030-13-01",
            "to": "2030-01-02",
        },
    )
    problem(r, 400, "invalid_request")
    r = api.call("GET", "/v1/slots", params={"agency": "x", "procedure": "P", "date": "d"})
    problem(r, 400, "invalid_request")


def test_unknown_agency_or_path_is_404_not_found(api: Api) -> None:
    r = api.call(
        "GET",
        "/v1/slots",
        params={"agency": 999, "procedure": "CLAVE_PATRONAL", "date": "2030-01-02"},
    )
    problem(r, 404, "not_found")
    problem(api.call("GET", "/v1/nothing-here"), 404, "not_found")


def test_invalid_id_never_echoes_the_number(api: Api) -> None:
    r = api.call(
        "POST", "/v1/citizens/lookup", json={"id_type": "cedula", "id_number": "1710034066"}
    )
    body = problem(r, 422, "invalid_id")
    assert "1710034066" not in r.text
    assert body["detail"] == "check_digit"


def test_lookup_answers_only_an_opaque_reference(api: Api) -> None:
    r = api.call(
        "POST", "/v1/citizens/lookup", json={"id_type": "cedula", "id_number": "171003406 5"}
    )
    assert r.status_code == 200
    body = r.json()
    assert set(body) == {"citizen", "registered", "masked_name"}
    assert body["registered"] is True
    assert "1710034065" not in r.text
    assert "•••" in body["masked_name"]
    passport = api.call(
        "POST", "/v1/citizens/lookup", json={"id_type": "passport", "id_number": "ab 123456"}
    )
    assert passport.status_code == 200


def test_published_keys_are_a_jwk_set(service: object, api: Api) -> None:
    r = requests.get(api.url + "/v1/keys", timeout=10)
    assert r.status_code == 200
    keys = r.json()["keys"]
    assert keys
    assert all(k["kty"] == "OKP" and k["crv"] == "Ed25519" for k in keys)
    assert all("d" not in k for k in keys)
