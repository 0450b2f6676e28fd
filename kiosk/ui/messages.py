"""Plain words for what went wrong: what happened + what to do, in the citizen's language.

Never a code, a status number or English on a Spanish screen. One QObject so that lupdate
finds every string in one translation context ("Messages").
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from kiosk.domain.contact import ContactProblem
from kiosk.domain.ids import IdProblem, IdType


class Messages(QObject):
    def id_problem(self, problem: IdProblem, id_type: IdType) -> str:
        if id_type is not IdType.CEDULA:
            if problem is IdProblem.EMPTY:
                return self.tr("Escriba el número de su documento.")
            return self.tr("El número del documento no es válido. Revíselo y corríjalo.")
        texts = {
            IdProblem.EMPTY: self.tr("Escriba su número de cédula."),
            IdProblem.TOO_SHORT: self.tr("Faltan dígitos. La cédula tiene 10 dígitos."),
            IdProblem.TOO_LONG: self.tr("Sobran dígitos. La cédula tiene 10 dígitos."),
            IdProblem.NOT_DIGITS: self.tr("La cédula solo lleva números. Revise los 10 dígitos."),
            IdProblem.BAD_CHARACTERS: self.tr(
                "La cédula solo lleva números. Revise los 10 dígitos."
            ),
        }
        return texts.get(
            problem, self.tr("El número de cédula no es válido. Revise los 10 dígitos.")
        )

    def contact_problem(self, field: str, problem: ContactProblem) -> str:
        if field == "email":
            if problem is ContactProblem.EMPTY:
                return self.tr("Escriba su correo electrónico.")
            return self.tr(
                "El correo electrónico no es válido. Revíselo, por ejemplo: nombre@gmail.com."
            )
        if problem is ContactProblem.EMPTY:
            return self.tr("Escriba su número de celular.")
        if problem is ContactProblem.PHONE_NOT_MOBILE:
            return self.tr("Escriba un número de celular de Ecuador, que empiece con 09.")
        return self.tr("El número de celular no es válido. Tiene 10 dígitos y empieza con 09.")

    def service_error(self, code: str) -> str:
        texts = {
            "invalid_id": self.tr("El número de documento no es válido. Revíselo y corríjalo."),
            "citizen_not_found": self.tr(
                "No encontramos ese número en el IESS. Revíselo o acérquese a una ventanilla."
            ),
            "invalid_contact": self.tr(
                "El correo o el celular no son válidos. Revíselos y corríjalos."
            ),
            "code_invalid": self.tr("El código no es correcto. Revíselo y escríbalo de nuevo."),
            "code_expired": self.tr(
                "El código ya venció. Toque «Enviar un código nuevo» y escriba el que le llegue."
            ),
            "too_many_attempts": self.code_exhausted(),
            "rate_limited": self.tr(
                "Hubo demasiados intentos. Espere un momento y vuelva a probar."
            ),
            "slot_unavailable": self.tr("Esa hora ya no está disponible. Elija otra hora."),
            "hold_expired": self.tr("El tiempo para confirmar terminó. Elija la hora otra vez."),
            "already_booked": self.tr(
                "Usted ya tiene un turno para ese trámite. Revise sus turnos o elija otro trámite."
            ),
            "unauthorized": self.tr("Su sesión terminó. Toque «Empezar de nuevo»."),
            "forbidden": self.tr("Su sesión terminó. Toque «Empezar de nuevo»."),
        }
        return texts.get(
            code, self.tr("No pudimos completar la operación. Intente de nuevo en un momento.")
        )

    def code_exhausted(self) -> str:
        return self.tr(
            "El código se escribió mal varias veces y ya no sirve. Toque «Enviar un código "
            "nuevo» y escriba el que le llegue."
        )

    def code_refused(self, code: str, attempts_left: int | None) -> str:
        if code == "code_invalid" and attempts_left == 0:
            return self.code_exhausted()
        return self.service_error(code)

    def contact_heading(self) -> str:
        return self.tr("No pudimos enviar el código")

    def limit_heading(self) -> str:
        return self.tr("Por ahora no podemos enviar otro código")

    def limit_reached(self, clock: str, *, at_code_step: bool, contact_phone: str) -> str:
        """A send limit: what happened, the clock time to try again, what to do now."""
        what = self.tr("Ya enviamos varios códigos. Podrá pedir otro a las {time}.").replace(
            "{time}", clock
        )
        if at_code_step:
            now = self.tr(
                "Mientras tanto, escriba el último código que le llegó, o pida su turno en "
                "una ventanilla o al {phone}."
            )
        else:
            now = self.tr(
                "Si aún no lo ha probado, puede pedir el código por mensaje de texto. También "
                "puede pedir su turno en una ventanilla, en www.iess.gob.ec o al {phone}."
            )
        return f"{what} {now.replace('{phone}', contact_phone)}"

    def attempts_left(self, n: int) -> str:
        return self.tr("Le quedan %n intentos.", "", n)

    def printer_warning(self) -> str:
        return self.tr(
            "La impresora no funciona ahora. Podrá fotografiar el código QR en la pantalla "
            "y recibirá la confirmación por correo."
        )

    def no_agencies(self) -> str:
        return self.tr("No hay agencias para ese trámite en esta provincia. Elija otra provincia.")

    def busy_lookup(self) -> str:
        return self.tr("Buscando sus datos…")

    def busy_sending_code(self) -> str:
        return self.tr("Enviando el código…")

    def busy_checking_code(self) -> str:
        return self.tr("Verificando el código…")

    def busy_days(self) -> str:
        return self.tr("Buscando días disponibles…")

    def busy_slots(self) -> str:
        return self.tr("Buscando horarios disponibles…")

    def busy_hold(self) -> str:
        return self.tr("Reservando la hora…")

    def busy_booking(self) -> str:
        return self.tr("Confirmando su turno…")

    def busy_cancel(self) -> str:
        return self.tr("Cancelando el turno…")

    def busy_catalog(self) -> str:
        return self.tr("Cargando la información…")
