"""Ecuador's provinces and the cities that find them."""

from __future__ import annotations

from kiosk.domain.provinces import PROVINCES, cities_of
from turnos.demo_catalog import PROVINCES as CATALOG_PROVINCES


def test_all_24_provinces_by_their_inec_code() -> None:
    assert [p.code for p in PROVINCES] == [f"{n:02d}" for n in range(1, 25)]
    # The same names and capitals as the catalogue the service is seeded with.
    assert [(p.code, p.name, p.capital) for p in PROVINCES] == list(CATALOG_PROVINCES)


def test_each_province_has_its_capital_first_and_a_few_main_cities() -> None:
    for province in PROVINCES:
        cities = province.cities
        assert cities[0] == province.capital
        assert 1 <= len(cities) <= 4, province.name
        assert len(set(cities)) == len(cities), province.name


def test_a_city_names_one_province_only() -> None:
    # A city in two provinces would show both when a citizen types it: none is.
    seen: dict[str, str] = {}
    for province in PROVINCES:
        for city in province.cities:
            assert seen.setdefault(city, province.code) == province.code, city


def test_the_cities_citizens_name() -> None:
    expected = {
        "Quito": "17",
        "Guayaquil": "09",
        "Cuenca": "01",
        "Ambato": "18",
        "Santo Domingo": "23",
        "Manta": "13",
        "Portoviejo": "13",
        "Loja": "11",
        "Machala": "07",
        "Riobamba": "06",
        "Ibarra": "10",
        "Esmeraldas": "08",
        "Lago Agrio": "21",
        "El Coca": "22",
    }
    for city, code in expected.items():
        assert city in cities_of(code), city
    assert cities_of("99") == ()
