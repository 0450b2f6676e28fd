"""A clearly fake demo catalogue: the 24 real provinces (INEC codes), made-up demo agencies.

The catalogue format is the one `turnos catalog import FILE` reads (JSON), so the demo is also
its example.
"""

from __future__ import annotations

from typing import Any

GUAYAQUIL = "America/Guayaquil"
GALAPAGOS = "Pacific/Galapagos"

# INEC province codes; the second name is the capital, used to name the demo agencies.
PROVINCES: tuple[tuple[str, str, str], ...] = (
    ("01", "Azuay", "Cuenca"),
    ("02", "Bolívar", "Guaranda"),
    ("03", "Cañar", "Azogues"),
    ("04", "Carchi", "Tulcán"),
    ("05", "Cotopaxi", "Latacunga"),
    ("06", "Chimborazo", "Riobamba"),
    ("07", "El Oro", "Machala"),
    ("08", "Esmeraldas", "Esmeraldas"),
    ("09", "Guayas", "Guayaquil"),
    ("10", "Imbabura", "Ibarra"),
    ("11", "Loja", "Loja"),
    ("12", "Los Ríos", "Babahoyo"),
    ("13", "Manabí", "Portoviejo"),
    ("14", "Morona Santiago", "Macas"),
    ("15", "Napo", "Tena"),
    ("16", "Pastaza", "Puyo"),
    ("17", "Pichincha", "Quito"),
    ("18", "Tungurahua", "Ambato"),
    ("19", "Zamora Chinchipe", "Zamora"),
    ("20", "Galápagos", "Puerto Baquerizo Moreno"),
    ("21", "Sucumbíos", "Nueva Loja"),
    ("22", "Orellana", "Puerto Francisco de Orellana"),
    ("23", "Santo Domingo de los Tsáchilas", "Santo Domingo"),
    ("24", "Santa Elena", "Santa Elena"),
)

# Bigger provinces get three demo agencies, the others two.
_THREE_AGENCIES = {"09", "17"}


def _text(es: str, en: str) -> dict[str, str]:
    return {"es": es, "en": en}


def _proper(name: str) -> dict[str, str]:
    """A proper name or an address: the same in every language, never translated."""
    return _text(name, name)


def _requirement(
    title_es: str, title_en: str, detail_es: str, detail_en: str, applies_to: str = "all"
) -> dict[str, Any]:
    return {
        "title": _text(title_es, title_en),
        "detail": _text(detail_es, detail_en),
        "applies_to": applies_to,
    }


_CEDULA = _requirement(
    "Cédula",
    "Identity card (cédula)",
    "El representante legal la presenta en ventanilla universal.",
    "The legal representative shows it at the universal counter.",
    "cedula",
)
# The seed's alternatives to the cédula for foreigners without one: who registered with the
# IESS by a code brings a copy of it; who identifies by passport brings it and the visa.
_FOREIGNER_CODE = _requirement(
    "Código de identificación para extranjeros",
    "Identification code for foreigners",
    "El representante legal entrega una copia en ventanilla universal.",
    "The legal representative hands in a copy at the universal counter.",
    "foreigner_code",
)
_PASSPORT = _requirement(
    "Pasaporte",
    "Passport",
    "Presente el original.",
    "Show the original.",
    "passport",
)
_VISA = _requirement(
    "Visa",
    "Visa",
    "Presente el original de la visa.",
    "Show the original visa.",
    "passport",
)
# One identity document, whichever the citizen identified with (the made-up procedures).
_IDENTITY = [_CEDULA, _FOREIGNER_CODE, _PASSPORT]

# From the procedure page "Generación de clave patronal de acceso al portal IESS", in-person
# requirements (../shared/seed/): the general ones, with the foreigners' alternatives to the
# cédula in its place, and the additional one for qualified artisans. Titles are short (one
# checklist line); who a requirement is for is only in `applies_to` (the kiosk and the email
# word the artisans' condition themselves), so details say what to do, plainly.
CLAVE_PATRONAL_REQUIREMENTS = [
    _requirement(
        "Solicitud de entrega de clave",
        "Password delivery request",
        "Genérela en el portal del IESS después del registro de empleador. Fírmela a mano. "
        "Si otra persona hace el trámite por usted, llene en la solicitud la «Autorización de "
        "Retiro de Contraseña»; esa persona presenta su cédula original.",
        "Generate it on the IESS portal after the employer registration. Sign it by hand. "
        "If someone else does the procedure for you, fill in the «Autorización de Retiro de "
        "Contraseña» (password collection authorisation) in the request; that person shows "
        "their original cédula.",
    ),
    _CEDULA,
    _FOREIGNER_CODE,
    _PASSPORT,
    _VISA,
    _requirement(
        "Acuerdo de Responsabilidad y Uso de la información",
        "Responsibility and information use agreement",
        "Fírmelo a mano.",
        "Sign it by hand.",
    ),
    _requirement(
        "Calificación Artesanal",
        "Artisan qualification",
        "Presente una copia simple.",
        "Bring a plain copy.",
        "qualified_artisans",
    ),
]

PROCEDURES: list[dict[str, Any]] = [
    {
        "code": "CLAVE_PATRONAL",
        "prefix": "CP",
        "name": _text("Clave patronal portal IESS", "IESS portal employer password"),
        "requirements": CLAVE_PATRONAL_REQUIREMENTS,
    },
    {
        "code": "CLAVE_AFILIADO",
        "prefix": "CA",
        "name": _text("Clave personal de afiliado", "Insured person's password"),
        "requirements": _IDENTITY,
    },
    {
        "code": "REGISTRO_EMPLEADOR",
        "prefix": "RE",
        "name": _text("Registro de empleador", "Employer registration"),
        "requirements": [
            *_IDENTITY,
            _requirement(
                "Registro Único de Contribuyentes",
                "Taxpayer registration (RUC)",
                "Presente el RUC del empleador.",
                "Bring the employer's RUC.",
            ),
        ],
    },
    {
        "code": "ASESORIA_JUBILACION",
        "prefix": "AJ",
        "name": _text("Asesoría de jubilación", "Retirement advice"),
        "requirements": _IDENTITY,
    },
]

WEEKDAY_HOURS = [{"weekdays": [1, 2, 3, 4, 5], "opens": "08:00", "closes": "17:00"}]
_SUFFIXES = ("Centro", "Norte", "Sur")


def demo_catalog() -> dict[str, Any]:
    """The demo catalogue in the import format."""
    agencies: list[dict[str, Any]] = []
    all_codes = [p["code"] for p in PROCEDURES]
    for code, _province, capital in PROVINCES:
        count = 3 if code in _THREE_AGENCIES else 2
        for n in range(count):
            # The first agency of each province offers every procedure, the others a subset,
            # so the kiosk's "procedures offered in this province" filter has work to do.
            offered = all_codes if n == 0 else all_codes[: 2 + (n % 2)]
            agencies.append(
                {
                    "id": int(code) * 10 + n + 1,
                    "name": _proper(f"Agencia de demostración {capital} {_SUFFIXES[n]}"),
                    "province_code": code,
                    "address": _proper(f"Calle Ficticia {100 + n}, {capital}"),
                    "time_zone": GALAPAGOS if code == "20" else GUAYAQUIL,
                    "hours": WEEKDAY_HOURS,
                    "slot_minutes": 20,
                    "places": [1, 3],
                    "procedures": offered,
                }
            )
    return {
        "provinces": [
            {"code": code, "name": _text(name, name)} for code, name, _capital in PROVINCES
        ],
        "procedures": PROCEDURES,
        "agencies": agencies,
    }


_GIVEN = ("María", "José", "Ana", "Luis", "Carmen", "Jorge", "Rosa", "Carlos", "Elena", "Diego")
_FAMILY = ("Pérez", "Andrade", "Guerrero", "Morales", "Vera", "Zambrano", "Torres", "Cevallos")


def fictitious_name(seed: bytes) -> str:
    """A made-up name derived from a keyed hash of the id (demo citizens)."""
    return " ".join(
        (
            _GIVEN[seed[0] % len(_GIVEN)],
            _FAMILY[seed[1] % len(_FAMILY)],
            _FAMILY[seed[2] % len(_FAMILY)],
        )
    )
