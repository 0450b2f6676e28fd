"""Plain words for what went wrong: what happened + what to do, in the citizen's language.

Never a code, a status number or English on a Spanish screen. One QObject so that lupdate
finds every string in one translation context ("Messages").
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject

from kiosk.domain.contact import ContactProblem
from kiosk.domain.dates import written_date
from kiosk.domain.models import Language


class Messages(QObject):
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
            "not_registered": self.not_registered(),
            "contact_not_registered": self.contact_not_registered({}, "email"),
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
            # Without a Retry-After (the usual answers name the clock time).
            "citizen_quota": self.tr(
                "Ya tiene el máximo de turnos que se pueden reservar por ahora. Acérquese a una "
                "ventanilla o consulte en www.iess.gob.ec."
            ),
            "kiosk_budget": self.tr(
                "Este quiosco atendió muchas solicitudes seguidas. Use otro quiosco o acérquese "
                "a una ventanilla."
            ),
        }
        return texts.get(
            code, self.tr("No pudimos completar la operación. Intente de nuevo en un momento.")
        )

    def not_registered_heading(self) -> str:
        return self.tr("No encontramos su registro de empleador")

    def not_registered(self) -> str:
        """The procedure's own rule (the seed): the employer registration comes first."""
        return self.tr(
            "Previo a la solicitud de la clave de empleador, deberá haber realizado el trámite "
            "de registro de empleador. Revise el número, o haga ese registro en "
            "www.iess.gob.ec o en una ventanilla."
        )

    def contact_not_registered_heading(self, channel: str) -> str:
        if channel == "sms":
            return self.tr("Ese celular no es el registrado")
        return self.tr("Ese correo no es el registrado")

    def contact_not_registered(self, registered: dict[str, str], channel: str) -> str:
        """The code goes only to the registry's contact: which one it is (masked), what to do."""
        email, phone = registered.get("email"), registered.get("phone")
        if channel == "sms" and phone:
            what = self.tr(
                "El celular no es el registrado en el IESS ({masked}). Escriba ese número"
            ).replace("{masked}", phone)
        elif channel == "sms" and email:
            what = self.tr(
                "No hay un celular registrado en el IESS. Pida el código por correo, al "
                "registrado ({masked})"
            ).replace("{masked}", email)
        elif channel != "sms" and email:
            what = self.tr(
                "El correo no es el registrado en el IESS ({masked}). Escriba ese correo"
            ).replace("{masked}", email)
        elif phone:
            what = self.tr(
                "No hay un correo registrado en el IESS. Pida el código por mensaje de texto, "
                "al celular registrado ({masked})"
            ).replace("{masked}", phone)
        else:
            what = self.tr("Ese dato no es el registrado en el IESS. Escriba el registrado")
        return self.tr("{what}, o actualícelo en www.iess.gob.ec o en una ventanilla.").replace(
            "{what}", what
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

    def delivery_failed(self, channel: str) -> str:
        """The mail server or SMS gateway would not take the code: fix it, or the other way."""
        if channel == "sms":
            return self.tr(
                "No pudimos enviar el código a ese celular. Revise que esté bien escrito, o "
                "elija que se lo enviemos por correo."
            )
        return self.tr(
            "No pudimos enviar el código a ese correo. Revise que esté bien escrito, o elija "
            "que se lo enviemos por mensaje de texto."
        )

    def resend_failed(self, channel: str) -> str:
        """A new code could not be sent: the one already received still works, and the other
        way is one step back (the code screen has no channel to choose)."""
        if channel == "sms":
            return self.tr(
                "No pudimos enviar un código nuevo a su celular. Escriba el que ya recibió, o "
                "toque «Atrás» y elija que se lo enviemos por correo."
            )
        return self.tr(
            "No pudimos enviar un código nuevo a su correo. Escriba el que ya recibió, o toque "
            "«Atrás» y elija que se lo enviemos por mensaje de texto."
        )

    def kiosk_busy_heading(self) -> str:
        return self.tr("Este quiosco está muy ocupado")

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

    def citizen_quota(self, at: dt.datetime, language: Language, *, contact_phone: str) -> str:
        """The institution's cap per citizen: when the next booking is allowed, what to do now."""
        what = (
            self.tr(
                "Ya tiene el máximo de turnos que se pueden reservar por ahora. Podrá reservar "
                "otro a partir del {day} a las {time}."
            )
            .replace("{day}", written_date(at.date(), language))
            .replace("{time}", at.strftime("%H:%M"))
        )
        now = self.tr(
            "Si lo necesita antes, acérquese a una ventanilla, o consulte en www.iess.gob.ec o "
            "al {phone}."
        ).replace("{phone}", contact_phone)
        return f"{what} {now}"

    def kiosk_budget(self, clock: str) -> str:
        """This kiosk spent its budget of requests: the clock time, and where to go instead."""
        return self.tr(
            "Este quiosco atendió muchas solicitudes seguidas. Podrá continuar a las {time}; "
            "mientras tanto, use otro quiosco o acérquese a una ventanilla."
        ).replace("{time}", clock)

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
