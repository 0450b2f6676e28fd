"""A small employer registry loaded into an embedded service, as `turnos citizens import` would."""

from __future__ import annotations

from pathlib import Path

from turnos.embedded import EmbeddedService
from turnos.services.citizens import import_citizens


def load_registry(
    service: EmbeddedService,
    folder: Path,
    employer: tuple[str, str, str],
    not_employer: str,
) -> None:
    """Two entries: `employer` (cédula, email, mobile) registered with its contacts, and
    `not_employer`, known to the institution but not registered as employer."""
    cedula, email, mobile = employer
    csv = folder / "registry.csv"
    csv.write_text(
        "id_type,id_number,name,registered,email,mobile\n"
        f"cedula,{cedula},María Sánchez,true,{email},{mobile}\n"
        f"cedula,{not_employer},Pedro López,false,,\n"
    )
    with service.context.db.transaction() as session:
        import_citizens(session, service.context.hasher, csv, service.context.now())
