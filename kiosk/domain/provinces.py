"""Ecuador's 24 provinces by INEC code, with their capital and main cities, for the search.

A citizen looking for where to be attended often types a city ("quito", "guayaquil") rather than
the province (Pichincha, Guayas). The catalogue names the provinces; this table adds the cities
that find them (the search ignores case and accents: the kiosk's keyboard has no "á", and
"tulcan" must find Tulcán).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ProvinceCities:
    code: str  # INEC code, two digits
    name: str
    capital: str
    #: other cities a citizen may name, most populous first (the capital is not repeated)
    others: tuple[str, ...] = ()

    @property
    def cities(self) -> tuple[str, ...]:
        """The capital first, then the other main cities."""
        return (self.capital, *self.others)


PROVINCES: tuple[ProvinceCities, ...] = (
    ProvinceCities("01", "Azuay", "Cuenca", ("Gualaceo", "Paute")),
    ProvinceCities("02", "Bolívar", "Guaranda", ("San Miguel", "Caluma")),
    ProvinceCities("03", "Cañar", "Azogues", ("La Troncal", "Cañar")),
    ProvinceCities("04", "Carchi", "Tulcán", ("San Gabriel", "El Ángel")),
    ProvinceCities("05", "Cotopaxi", "Latacunga", ("La Maná", "Salcedo", "Pujilí")),
    ProvinceCities("06", "Chimborazo", "Riobamba", ("Alausí", "Guano")),
    ProvinceCities("07", "El Oro", "Machala", ("Pasaje", "Santa Rosa", "Huaquillas")),
    ProvinceCities("08", "Esmeraldas", "Esmeraldas", ("Quinindé", "Atacames")),
    ProvinceCities("09", "Guayas", "Guayaquil", ("Durán", "Milagro", "Daule")),
    ProvinceCities("10", "Imbabura", "Ibarra", ("Otavalo", "Cotacachi", "Atuntaqui")),
    ProvinceCities("11", "Loja", "Loja", ("Catamayo", "Cariamanga")),
    ProvinceCities("12", "Los Ríos", "Babahoyo", ("Quevedo", "Ventanas", "Vinces")),
    ProvinceCities("13", "Manabí", "Portoviejo", ("Manta", "Chone", "El Carmen")),
    ProvinceCities("14", "Morona Santiago", "Macas", ("Sucúa", "Gualaquiza")),
    ProvinceCities("15", "Napo", "Tena", ("Archidona", "El Chaco")),
    ProvinceCities("16", "Pastaza", "Puyo", ("Mera",)),
    ProvinceCities("17", "Pichincha", "Quito", ("Sangolquí", "Cayambe", "Machachi")),
    ProvinceCities("18", "Tungurahua", "Ambato", ("Baños de Agua Santa", "Pelileo")),
    ProvinceCities("19", "Zamora Chinchipe", "Zamora", ("Yantzaza",)),
    ProvinceCities(
        "20", "Galápagos", "Puerto Baquerizo Moreno", ("Puerto Ayora", "Puerto Villamil")
    ),
    # Nueva Loja is still called Lago Agrio by most; El Coca is Puerto Francisco de Orellana.
    ProvinceCities("21", "Sucumbíos", "Nueva Loja", ("Lago Agrio", "Shushufindi")),
    ProvinceCities(
        "22", "Orellana", "Puerto Francisco de Orellana", ("El Coca", "La Joya de los Sachas")
    ),
    ProvinceCities("23", "Santo Domingo de los Tsáchilas", "Santo Domingo", ("La Concordia",)),
    ProvinceCities("24", "Santa Elena", "Santa Elena", ("La Libertad", "Salinas")),
)

_BY_CODE = {p.code: p for p in PROVINCES}


def cities_of(code: str) -> tuple[str, ...]:
    """The capital and main cities of the province with INEC `code` (none for an unknown one)."""
    found = _BY_CODE.get(code)
    return found.cities if found is not None else ()
