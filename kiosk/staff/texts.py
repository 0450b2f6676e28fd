"""The counter's words: each answer, each notice, the states of the day and the status line.

Source strings are Spanish (Ecuador), plain, for clerks; English comes from the catalogue
(kiosk/resources/translations, context "Staff"). Placeholders are filled after translation,
never f-strings inside a translatable text. Names come in from the caller: the procedure's and
the agency's from the catalogue, in the language on screen.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QObject

from kiosk.staff.outcome import Connection, Notice, Outcome
from kiosk.staff.verdict import Answer
from kiosk.ui.date_words import DateWords


def hhmm(moment: dt.datetime | None) -> str:
    return "" if moment is None else moment.strftime("%H:%M")


@dataclass(frozen=True)
class Said:
    """What the result panel shows in words: a headline, what it means, what to do."""

    headline: str
    detail: str


class Staff(QObject):
    """Every word of the counter window that depends on a state. Holds nothing: make one
    where words are needed (its translations follow the language installed at the time)."""

    # --- the answer -------------------------------------------------------------------------

    def outcome(self, outcome: Outcome, agency_name: str = "") -> Said:
        if outcome.notice is not None:
            return self.notice(outcome.notice)
        said = self._answer(outcome, agency_name)
        if outcome.offline and outcome.answer is not Answer.CHECKED_IN:
            said = Said(said.headline, said.detail + " " + self.tr("Verificado sin conexión."))
        return said

    def _answer(self, outcome: Outcome, agency_name: str) -> Said:
        answer = outcome.answer
        if answer is Answer.CHECKED_IN and outcome.queued:
            return Said(
                self.tr("Llegada registrada"),
                self.tr("Verificado sin conexión: se enviará al sistema cuando vuelva."),
            )
        if answer is Answer.CHECKED_IN:
            return Said(
                self.tr("Llegada registrada"),
                self.tr("Puede atender a la persona. Compare el documento."),
            )
        if answer is Answer.ALREADY_CHECKED_IN:
            at = hhmm(outcome.checked_in_at)
            headline = (
                self.tr("Ya registrado a las {time} (sin conexión)")
                if outcome.offline
                else self.tr("Ya registrado a las {time}")
            )
            return Said(
                headline.replace("{time}", at),
                self.tr("Este comprobante ya se usó. No lo registre otra vez."),
            )
        if answer is Answer.CANCELLED:
            return Said(
                self.tr("Turno cancelado"),
                self.tr("Este turno fue cancelado. La persona necesita un turno nuevo."),
            )
        if answer is Answer.WRONG_AGENCY:
            detail = (
                self.tr("El turno es para {agency}. Indique a la persona que acuda allá.")
                if agency_name
                else self.tr("El turno es para otra agencia.")
            )
            return Said(self.tr("Turno de otra agencia"), detail.replace("{agency}", agency_name))
        if answer is Answer.WRONG_DAY:
            day = DateWords().long_date(outcome.start.date()) if outcome.start else ""
            return Said(
                self.tr("Turno de otro día"),
                self.tr("El turno es para el {date}.").replace("{date}", day),
            )
        if answer is Answer.TOO_EARLY:
            return Said(
                self.tr("Todavía es temprano"),
                self.tr("Puede registrarse desde las {time}.").replace(
                    "{time}", hhmm(outcome.opens_at)
                ),
            )
        if answer is Answer.TOO_LATE:
            return Said(
                self.tr("Llegó tarde"),
                self.tr("El turno era a las {time}; el registro cerró a las {closed}.")
                .replace("{time}", hhmm(outcome.start))
                .replace("{closed}", hhmm(outcome.closes_at)),
            )
        if outcome.source == "manual":
            return Said(
                self.tr("No coincide"),
                self.tr(
                    "No hay un turno de hoy con ese código y ese número de documento. "
                    "Revise los dos."
                ),
            )
        return Said(
            self.tr("Falso o dañado"),
            self.tr(
                "El sistema no emitió este código, o está dañado. No registre la llegada; "
                "pruebe con el código del turno."
            ),
        )

    def notice(self, notice: Notice) -> Said:
        if notice is Notice.NOT_A_SLIP:
            return Said(
                self.tr("No es un comprobante de turno"),
                self.tr("El código leído no es el QR de un turno."),
            )
        if notice is Notice.NO_QR:
            return Said(
                self.tr("No se encontró un código QR"),
                self.tr("Abra una foto o un PDF donde se vea el QR completo."),
            )
        if notice is Notice.NOT_AN_IMAGE:
            return Said(
                self.tr("Archivo no admitido"),
                self.tr("Abra una foto (PNG, JPG) o un PDF del comprobante."),
            )
        if notice is Notice.UNREADABLE_FILE:
            return Said(
                self.tr("No se pudo leer el archivo"),
                self.tr("El archivo está dañado o no se puede abrir. Pruebe con otro."),
            )
        if notice is Notice.TOO_LARGE:
            return Said(
                self.tr("Archivo demasiado grande"),
                self.tr("Abra una foto más pequeña, o recorte el QR."),
            )
        if notice is Notice.NO_DECODER:
            return Said(
                self.tr("Este equipo no puede leer archivos"),
                self.tr("Falta el lector de QR en la instalación. Use el lector o el código."),
            )
        if notice is Notice.NEEDS_CONNECTION:
            return Said(
                self.tr("Se necesita conexión"),
                self.tr(
                    "El registro por código necesita el sistema. Escanee el QR, "
                    "o intente de nuevo en un momento."
                ),
            )
        if notice is Notice.CANNOT_VERIFY:
            return Said(
                self.tr("No se puede verificar ahora"),
                self.tr(
                    "Este código usa una clave nueva y no hay conexión para obtenerla. "
                    "Intente de nuevo cuando vuelva la conexión."
                ),
            )
        if notice is Notice.NOT_QUEUED:
            return Said(
                self.tr("No se pudo guardar la llegada"),
                self.tr(
                    "El comprobante es válido, pero sin conexión la llegada no se pudo guardar: "
                    "el disco está lleno. Atienda al ciudadano y avise a soporte técnico."
                ),
            )
        if notice is Notice.SERVICE_ERROR:
            return Said(
                self.tr("El sistema no aceptó la consulta"),
                self.tr("Intente de nuevo en un momento. Si se repite, avise al administrador."),
            )
        return Said(
            self.tr("El sistema no acepta este puesto"),
            self.tr("La credencial de este puesto no es válida. Avise al administrador."),
        )

    def waiting(self) -> Said:
        return Said(
            self.tr("Escanee el QR del comprobante"),
            self.tr("Use el lector, la cámara, un archivo o el código del turno."),
        )

    def checking(self) -> Said:
        return Said(self.tr("Verificando…"), self.tr("Consultando al sistema."))

    # --- the facts of a turn ----------------------------------------------------------------

    def fact_labels(self) -> tuple[str, str, str, str, str]:
        """Turn code, procedure, hour, name, id document."""
        return (
            self.tr("Turno"),
            self.tr("Trámite"),
            self.tr("Hora"),
            self.tr("Nombre"),
            self.tr("Documento"),
        )

    # --- the day ----------------------------------------------------------------------------

    def state(self, state: str, checked_in_at: dt.datetime | None) -> str:
        if state == "checked_in":
            return self.tr("Registrado {time}").replace("{time}", hhmm(checked_in_at))
        if state == "cancelled":
            return self.tr("Cancelado")
        if state == "missed":
            return self.tr("No se presentó")
        return self.tr("Por llegar")

    def count_labels(self) -> tuple[str, str, str, str, str]:
        """Total, waiting, checked in, no-show, cancelled."""
        return (
            self.tr("Total"),
            self.tr("Por llegar"),
            self.tr("Registrados"),
            self.tr("No se presentaron"),
            self.tr("Cancelados"),
        )

    def state_filters(self) -> tuple[str, str, str, str, str]:
        """The choices of the state filter, in the order of `count_labels`."""
        return (
            self.tr("Todos los estados"),
            self.tr("Por llegar"),
            self.tr("Registrados"),
            self.tr("No se presentaron"),
            self.tr("Cancelados"),
        )

    def columns(self) -> tuple[str, str, str, str, str]:
        return (
            self.tr("Hora"),
            self.tr("Turno"),
            self.tr("Estado"),
            self.tr("Nombre"),
            self.tr("Trámite"),
        )

    def day_updated(self, at: dt.datetime, online: bool) -> str:
        text = (
            self.tr("Lista actualizada a las {time}")
            if online
            else self.tr("Sin conexión: lista de las {time}")
        )
        return text.replace("{time}", hhmm(at))

    def no_day(self) -> str:
        return self.tr("Sin conexión: la lista llegará con la conexión")

    # --- the status line --------------------------------------------------------------------

    def connection(self, connection: Connection, today: dt.date) -> str:
        if connection.refused:
            head = self.tr("El sistema no acepta la credencial de este puesto")
        elif connection.online is None:
            head = self.tr("Conectando con el sistema…")
        elif connection.online:
            head = self.tr("En línea")
        else:
            head = self.tr("Sin conexión desde las {time}").replace(
                "{time}", hhmm(connection.offline_since)
            )
        parts = [head]
        if connection.waiting:
            parts.append(self.tr("%n registro por enviar", "", connection.waiting))
        fetched = connection.keys_fetched_at
        if fetched is None or not connection.keys_count:
            parts.append(self.tr("sin claves: no puede verificar sin conexión"))
        elif fetched.date() == today:
            parts.append(self.tr("claves de las {time}").replace("{time}", hhmm(fetched)))
        else:
            parts.append(
                self.tr("claves del {date} a las {time}")
                .replace("{date}", fetched.strftime("%d/%m"))
                .replace("{time}", hhmm(fetched))
            )
        return " · ".join(parts)
