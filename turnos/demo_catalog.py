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
    "El representante legal deberá presentar el documento en ventanilla universal.",
    "The legal representative must show the document at the universal counter.",
)

FOREIGNERS_ES = "Solo para ciudadanos extranjeros."
FOREIGNERS_EN = "Only for foreign citizens."
ARTISANS_ES = "Solo para artesanos calificados."
ARTISANS_EN = "Only for qualified artisans."

# From the procedure page "Generación de clave patronal de acceso al portal IESS", in-person
# requirements (../shared/seed/): the general ones, the alternatives that apply only to
# foreigners and the additional one for qualified artisans. Titles are short (one checklist
# line); who a requirement is for is in `applies_to` and, in words, at the start of the detail.
CLAVE_PATRONAL_REQUIREMENTS = [
    _requirement(
        "Solicitud de entrega de clave",
        "Password delivery request",
        "Antes debe haber hecho el registro de empleador y generado la solicitud de entrega de "
        "clave. Entréguela firmada a mano en ventanilla universal. Si el trámite lo hace un "
        'tercero, registre la "Autorización de Retiro de Contraseña" en la solicitud; el '
        "tercero autorizado presentará su cédula original.",
        "You must first have registered as an employer and generated the password delivery "
        "request. Hand it in, signed by hand, at the universal counter. If a third party files "
        'the procedure, fill in the "Password collection authorisation" in the request; that '
        "person must show their original cédula.",
    ),
    _CEDULA,
    _requirement(
        "Acuerdo de Responsabilidad y Uso de la información",
        "Responsibility and information use agreement",
        "Entregue el documento firmado a mano.",
        "Hand in the document, signed by hand.",
    ),
    _requirement(
        "Código de identificación para extranjeros",
        "Identification code for foreigners",
        f"{FOREIGNERS_ES} Si no tiene cédula y está registrado o afiliado en el IESS con un "
        "código de identificación: el representante legal entrega una copia en ventanilla "
        "universal.",
        f"{FOREIGNERS_EN} If you have no cédula and are registered or insured with the IESS "
        "by an identification code: the legal representative hands in a copy at the universal "
        "counter.",
        "foreigners",
    ),
    _requirement(
        "Pasaporte",
        "Passport",
        f"{FOREIGNERS_ES} Presente el original.",
        f"{FOREIGNERS_EN} Show the original.",
        "foreigners",
    ),
    _requirement(
        "Visa",
        "Visa",
        f"{FOREIGNERS_ES} Presente el original de la visa.",
        f"{FOREIGNERS_EN} Show the original visa.",
        "foreigners",
    ),
    _requirement(
        "Calificación Artesanal",
        "Artisan qualification",
        f"{ARTISANS_ES} Presente una copia simple del documento.",
        f"{ARTISANS_EN} Bring a plain copy of the document.",
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
        "requirements": [_CEDULA],
    },
    {
        "code": "REGISTRO_EMPLEADOR",
        "prefix": "RE",
        "name": _text("Registro de empleador", "Employer registration"),
        "requirements": [
            _CEDULA,
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
        "requirements": [_CEDULA],
    },
]

WEEKDAY_HOURS = [{"weekdays": [1, 2, 3, 4, 5], "opens": "08:00", "closes": "17:00"}]
_SUFFIXES = (("Centro", "Centre"), ("Norte", "North"), ("Sur", "South"))


def demo_catalog() -> dict[str, Any]:
    """The demo catalogue in the import format."""
    agencies: list[dict[str, Any]] = []
    all_codes = [p["code"] for p in PROCEDURES]
    for code, _province, capital in PROVINCES:
        count = 3 if code in _THREE_AGENCIES else 2
        for n in range(count):
            suffix_es, suffix_en = _SUFFIXES[n]
            # The first agency of each province offers every procedure, the others a subset,
            # so the kiosk's "procedures offered in this province" filter has work to do.
            offered = all_codes if n == 0 else all_codes[: 2 + (n % 2)]
            agencies.append(
                {
                    "id": int(code) * 10 + n + 1,
                    "name": _text(
                        f"Agencia de demostración {capital} {suffix_es}",
                        f"Demo agency {capital} {suffix_en}",
                    ),
                    "province_code": code,
                    "address": _text(
                        f"Calle Ficticia {100 + n}, {capital} (dirección de demostración)",
                        f"{100 + n} Ficticia Street, {capital} (demo address)",
                    ),
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
