"""The words `kiosk provision` and `kiosk doctor` say to a technician at a terminal.

Spanish first, English with `--lang en`. These are not kiosk screens, so not Qt's translation
system: one table, each entry (Spanish, English), filled in with `str.format`. Plain words;
commands to type are given whole. Never a token, a PIN or anything personal: no entry has a
place for one.
"""

from __future__ import annotations

LANGS = ("es", "en")

WORDS: dict[str, tuple[str, str]] = {
    # -- shared ---------------------------------------------------------------------------------
    "mark.ok": ("[ OK  ]", "[ OK ]"),
    "mark.fail": ("[FALLA]", "[FAIL]"),
    "fix": ("Qué hacer", "What to do"),
    "note": ("Nota", "Note"),
    "yes.short": ("S", "Y"),
    "title.config": ("Configuración", "Settings"),
    "title.version": ("Versión", "Version"),
    "title.service": ("Servicio de turnos", "Turn service"),
    "title.token": ("Token del kiosco", "Kiosk token"),
    "title.api_version": ("Versión de la API", "API version"),
    "title.clock": ("Reloj", "Clock"),
    "title.timezone": ("Zona horaria", "Time zone"),
    "title.printer": ("Impresora", "Printer"),
    "title.paper": ("Papel", "Paper"),
    "title.display": ("Pantalla", "Display"),
    "title.touch": ("Táctil", "Touch input"),
    "title.fonts": ("Tipos de letra", "Fonts"),
    "title.translations": ("Traducciones", "Translations"),
    "title.disk": ("Espacio en disco", "Disk space"),
    "title.reach_band": ("Franja de alcance", "Reach band"),
    "title.agency": ("Agencia", "Agency"),
    "title.kiosk_id": ("Nombre del kiosco", "Kiosk name"),
    "title.screen": ("Medidas de la pantalla", "Screen size"),
    "title.pin": ("PIN de mantenimiento", "Maintenance PIN"),
    "unchecked.service": (
        "sin comprobar: el servicio no respondió",
        "not checked: the service did not answer",
    ),
    "unchecked.service.fix": (
        "arregle primero la conexión con el servicio (línea «Servicio de turnos»)",
        "first fix the connection to the service (the “Turn service” line)",
    ),
    "unchecked.no_service": (
        "sin comprobar: no hay servicio configurado",
        "not checked: no service is configured",
    ),
    "unchecked.token": (
        "sin comprobar: el token no fue aceptado",
        "not checked: the token was not accepted",
    ),
    "unchecked.token.fix": (
        "arregle primero el token (línea «Token del kiosco»)",
        "first fix the token (the “Kiosk token” line)",
    ),
    "unchecked.config": (
        "sin comprobar: la configuración no es válida",
        "not checked: the settings are not valid",
    ),
    "unchecked.config.fix": (
        "arregle primero la configuración (línea «Configuración»)",
        "first fix the settings (the “Settings” line)",
    ),
    # -- doctor ---------------------------------------------------------------------------------
    "doctor.head": (
        "kiosk doctor — kiosco versión {version}",
        "kiosk doctor — kiosk version {version}",
    ),
    "doctor.summary.ok": (
        "Todo correcto: el kiosco está listo.",
        "All checks passed: the kiosk is ready.",
    ),
    "doctor.summary.bad": (
        "{count} comprobación(es) con falla: haga lo indicado y vuelva a ejecutar kiosk doctor.",
        "{count} check(s) failed: do what each says and run kiosk doctor again.",
    ),
    "config.ok": ("válida: {files}", "valid: {files}"),
    "config.none": (
        "sin archivo de configuración: valores de demostración",
        "no settings file: the demo's values",
    ),
    "config.fix": (
        "corrija esa clave en el archivo indicado (todas las claves se explican en "
        "kiosk.example.toml) o vuelva a ejecutar kiosk provision",
        "correct that key in the file named (every key is explained in kiosk.example.toml) "
        "or run kiosk provision again",
    ),
    "version.ok": (
        "kiosk {kiosk}, Python {python}, PySide6 {qt}",
        "kiosk {kiosk}, Python {python}, PySide6 {qt}",
    ),
    "version.no_qt": ("PySide6 (Qt) no está instalado", "PySide6 (Qt) is not installed"),
    "version.no_qt.fix": (
        "reinstale el kiosco: pip install 'turnero-kiosk[kiosk]' (o el paquete Debian)",
        "reinstall the kiosk: pip install 'turnero-kiosk[kiosk]' (or the Debian package)",
    ),
    "version.bad_qt": (
        "PySide6 {qt} tiene un error que cierra el kiosco tras horas de uso",
        "PySide6 {qt} has a bug that stops the kiosk after hours of use",
    ),
    "version.bad_qt.fix": (
        "instale otra versión: pip install 'PySide6-Essentials!=6.12.0'",
        "install another version: pip install 'PySide6-Essentials!=6.12.0'",
    ),
    "service.none": (
        "no hay servicio configurado (service.url): el kiosco arrancaría la demostración",
        "no service configured (service.url): the kiosk would start the demo",
    ),
    "service.none.fix": (
        "ejecute kiosk provision (dirección del servicio y token del kiosco)",
        "run kiosk provision (the service's address and the kiosk token)",
    ),
    "service.ok": (
        "responde en {url} (servicio {version})",
        "answers at {url} (service {version})",
    ),
    "service.connect": ("no se puede conectar con {url}", "cannot connect to {url}"),
    "service.connect.fix": (
        "revise que la dirección esté bien escrita, el cable de red y que el servicio esté en "
        "marcha (desde esta máquina: curl {url}/v1/health)",
        "check the address is spelt right, the network cable, and that the service is running "
        "(from this machine: curl {url}/v1/health)",
    ),
    "service.timeout": ("{url} no respondió a tiempo", "{url} did not answer in time"),
    "service.timeout.fix": (
        "revise la red (ping al servidor) y que un cortafuegos no bloquee el puerto",
        "check the network (ping the server) and that no firewall blocks the port",
    ),
    "service.server_error": (
        "el servicio respondió con un error (HTTP {status})",
        "the service answered with an error (HTTP {status})",
    ),
    "service.server_error.fix": (
        "avise al operador del servicio y vuelva a probar en unos minutos",
        "tell the service's operator and try again in a few minutes",
    ),
    "service.not_turnos": (
        "{url} responde, pero no como el servicio de turnos",
        "{url} answers, but not as the turn service",
    ),
    "service.not_turnos.fix": (
        "revise la dirección: la del servicio, sin /v1 ni otra ruta al final",
        "check the address: the service's, without /v1 or another path at the end",
    ),
    "api.ok": (
        "API {theirs} (este kiosco usa la {ours})",
        "API {theirs} (this kiosk speaks {ours})",
    ),
    "api.incompatible": (
        "el servicio usa la API {theirs}; este kiosco necesita la {ours}",
        "the service speaks API {theirs}; this kiosk needs {ours}",
    ),
    "api.incompatible.fix": (
        "actualice el kiosco, o use la dirección de un servicio compatible",
        "update the kiosk, or use the address of a compatible service",
    ),
    "token.ok": (
        "aceptado, es de un kiosco; sirve {count} agencia(s)",
        "accepted, a kiosk's; serves {count} agency(ies)",
    ),
    "token.missing": ("no hay token (service.kiosk_token)", "no token (service.kiosk_token)"),
    "token.missing.fix": (
        "ejecute kiosk provision con el token que le dio el operador",
        "run kiosk provision with the token the operator gave you",
    ),
    "token.unknown": (
        "el servicio no reconoce el token (mal copiado o revocado)",
        "the service does not know the token (mistyped or revoked)",
    ),
    "token.unknown.fix": (
        "cópielo de nuevo sin espacios, o pida al operador uno nuevo "
        "(turnos tokens issue kiosk --name NOMBRE)",
        "copy it again without spaces, or ask the operator for a new one "
        "(turnos tokens issue kiosk --name NAME)",
    ),
    "token.not_kiosk": (
        "el token es válido pero no es de un kiosco (es de personal o de operador)",
        "the token is valid but not a kiosk's (it is a staff or operator token)",
    ),
    "token.not_kiosk.fix": (
        "pida al operador un token de kiosco: turnos tokens issue kiosk --name NOMBRE",
        "ask the operator for a kiosk token: turnos tokens issue kiosk --name NAME",
    ),
    "token.rate_limited": (
        "el servicio pide esperar (demasiadas solicitudes de este token)",
        "the service asks to wait (too many requests with this token)",
    ),
    "token.rate_limited.fix": ("vuelva a probar en un minuto", "try again in a minute"),
    "token.error": (
        "el servicio no pudo comprobar el token (HTTP {status})",
        "the service could not check the token (HTTP {status})",
    ),
    "token.error.fix": (
        "vuelva a probar en unos minutos; si sigue, avise al operador",
        "try again in a few minutes; if it goes on, tell the operator",
    ),
    "clock.ok": (
        "{seconds} s de diferencia con el servicio",
        "{seconds} s apart from the service",
    ),
    "clock.ahead": (
        "el reloj de este kiosco va {seconds} s adelantado respecto del servicio",
        "this kiosk's clock is {seconds} s ahead of the service's",
    ),
    "clock.behind": (
        "el reloj de este kiosco va {seconds} s atrasado respecto del servicio",
        "this kiosk's clock is {seconds} s behind the service's",
    ),
    "clock.fix": (
        "active la hora por red: sudo timedatectl set-ntp true (o instale chrony); "
        "la red debe dejar pasar NTP (UDP 123)",
        "turn on network time: sudo timedatectl set-ntp true (or install chrony); "
        "the network must let NTP through (UDP 123)",
    ),
    "clock.no_date": ("el servicio no dijo su hora", "the service did not give its time"),
    "clock.no_date.fix": (
        "compare la hora a mano: date -u, frente a un reloj fiable",
        "compare the time by hand: date -u, against a reliable clock",
    ),
    "tz.ok": ("{zone} (de {source})", "{zone} (from {source})"),
    "tz.wrong": ("la zona es {zone}; debe ser {wanted}", "the zone is {zone}; it must be {wanted}"),
    "tz.unknown": (
        "no se pudo saber la zona horaria del sistema",
        "the system's time zone could not be read",
    ),
    "tz.fix": (
        "sudo timedatectl set-timezone {zone} (sin timedatectl: "
        "sudo ln -sf /usr/share/zoneinfo/{zone} /etc/localtime y "
        "echo {zone} | sudo tee /etc/timezone)",
        "sudo timedatectl set-timezone {zone} (without timedatectl: "
        "sudo ln -sf /usr/share/zoneinfo/{zone} /etc/localtime and "
        "echo {zone} | sudo tee /etc/timezone)",
    ),
    "display.not_expected": (
        "sin pantalla (esperado: --no-display)",
        "no display (expected: --no-display)",
    ),
    "display.offscreen": (
        "Qt está configurado sin pantalla (QT_QPA_PLATFORM={value})",
        "Qt is set to run without a screen (QT_QPA_PLATFORM={value})",
    ),
    "display.fix_qt": (
        "quite QT_QPA_PLATFORM del entorno del kiosco; si esta máquina no lleva pantalla, "
        "use kiosk doctor --no-display",
        "remove QT_QPA_PLATFORM from the kiosk's environment; if this machine has no screen, "
        "use kiosk doctor --no-display",
    ),
    "display.wayland": ("sesión gráfica Wayland ({name})", "Wayland session ({name})"),
    "display.x11": ("sesión gráfica X11 ({name})", "X11 session ({name})"),
    "display.drm": (
        "monitor conectado: {outputs}",
        "monitor connected: {outputs}",
    ),
    "display.none": (
        "no se encontró ninguna pantalla conectada",
        "no connected display was found",
    ),
    "display.fix": (
        "conecte y encienda la pantalla y revise el cable de video (HDMI o DisplayPort); "
        "si esta máquina no lleva pantalla, use kiosk doctor --no-display",
        "connect and switch on the display and check the video cable (HDMI or DisplayPort); "
        "if this machine has no screen, use kiosk doctor --no-display",
    ),
    "touch.not_expected": (
        "sin táctil (esperado: --no-display)",
        "no touch input (expected: --no-display)",
    ),
    "touch.none": ("no se encontró una pantalla táctil", "no touchscreen was found"),
    "touch.fix": (
        "conecte el cable USB del táctil de la pantalla (aparte del de video) y compruebe con: "
        "grep -i -A4 touch /proc/bus/input/devices",
        "connect the display's touch USB cable (besides the video one) and check with: "
        "grep -i -A4 touch /proc/bus/input/devices",
    ),
    "qt.failed": ("Qt no pudo arrancar: {error}", "Qt could not start: {error}"),
    "qt.fix": (
        "instale las bibliotecas de Qt: sudo apt-get install --no-install-recommends "
        "libglib2.0-0 libdbus-1-3 libxkbcommon0 libfontconfig1 libfreetype6 libegl1 libgl1",
        "install Qt's libraries: sudo apt-get install --no-install-recommends "
        "libglib2.0-0 libdbus-1-3 libxkbcommon0 libfontconfig1 libfreetype6 libegl1 libgl1",
    ),
    "fonts.ok": ("{family} cargada ({files})", "{family} loaded ({files})"),
    "fonts.fix": (
        "reinstale el kiosco: faltan los tipos de letra que trae (kiosk/resources/fonts)",
        "reinstall the kiosk: its bundled fonts are missing (kiosk/resources/fonts)",
    ),
    "translations.ok": ("{files} cargan", "{files} load"),
    "translations.missing": ("falta {file}", "{file} is missing"),
    "translations.unreadable": ("{file} no carga", "{file} does not load"),
    "translations.fix": (
        "reinstale el kiosco; en una copia del repositorio: scripts/build-translations",
        "reinstall the kiosk; in a clone of the repository: scripts/build-translations",
    ),
    "disk.ok": ("{free} libres ({path})", "{free} free ({path})"),
    "disk.low": (
        "solo {free} libres en {path}; hacen falta {need}",
        "only {free} free on {path}; {need} are needed",
    ),
    "disk.unknown": ("no se pudo medir el espacio libre", "the free space could not be measured"),
    "disk.fix": (
        "libere espacio: sudo journalctl --vacuum-size=200M, y borre archivos viejos de {path}",
        "free some space: sudo journalctl --vacuum-size=200M, and delete old files in {path}",
    ),
    "band.ok": (
        "en modo de alcance bajo quedan {room} mm de pantalla al alcance (probado con {tested} mm)",
        "in low-reach mode {room} mm of screen are within reach (tested with {tested} mm)",
    ),
    "band.whole": (
        "toda la pantalla ({height} mm) está entre 380 y 1220 mm del piso",
        "the whole screen ({height} mm) is between 380 and 1220 mm above the floor",
    ),
    "band.outside": (
        "la pantalla queda fuera de la franja de 380 a 1220 mm del piso",
        "the screen lies outside the band of 380 to 1220 mm above the floor",
    ),
    "band.too_low": (
        "el borde inferior está a {edge} mm del piso: por debajo de 380 mm una persona en silla "
        "de ruedas no alcanza los botones, y en modo de alcance bajo quedarían {room} mm de "
        "pantalla al alcance; las pantallas están probadas con {tested} mm",
        "the lower edge is {edge} mm above the floor: below 380 mm a wheelchair user cannot "
        "reach the buttons, and in low-reach mode {room} mm of screen would be within reach; "
        "the screens are tested with {tested} mm",
    ),
    "band.squeezed": (
        "en modo de alcance bajo quedarían {room} mm de pantalla para los botones; las "
        "pantallas están probadas con {tested} mm",
        "in low-reach mode {room} mm of screen would be left for the buttons; the screens are "
        "tested with {tested} mm",
    ),
    "band.fix_panel": (
        "ninguna altura de montaje deja {tested} mm de esta pantalla entre 380 y 1220 mm del "
        "piso: use una pantalla más pequeña o gírela",
        "no mounting height leaves {tested} mm of this screen between 380 and 1220 mm above "
        "the floor: use a smaller screen or turn it",
    ),
    "band.fix": (
        "monte la pantalla con su borde inferior (de la imagen) entre {low} y {high} mm del "
        "piso, mida y vuelva a ejecutar kiosk provision --bottom-edge-mm MM",
        "mount the screen with the picture's lower edge between {low} and {high} mm above the "
        "floor, measure, and run kiosk provision --bottom-edge-mm MM again",
    ),
    # -- printer --------------------------------------------------------------------------------
    "printer.ok": ("lista ({backend} {where})", "ready ({backend} {where})"),
    "printer.ok_file": (
        "archivos PDF en {where} (no imprime en papel: solo para demostración)",
        "PDF files in {where} (prints no paper: for the demo only)",
    ),
    "printer.paper_low": (
        "el papel se está acabando: tenga un rollo a mano",
        "paper is running low: keep a roll at hand",
    ),
    "printer.answers_but": (
        "responde ({backend} {where}), pero: {said}",
        "answers ({backend} {where}), but: {said}",
    ),
    "printer.rejecting": (
        "la cola {queue} no acepta trabajos",
        "the queue {queue} does not accept jobs",
    ),
    "printer.rejecting.fix": ("sudo cupsaccept {queue}", "sudo cupsaccept {queue}"),
    "printer.paper_out": ("sin papel", "out of paper"),
    "printer.paper_out.fix": (
        "cargue un rollo de papel nuevo y cierre bien la tapa",
        "load a new roll of paper and close the cover firmly",
    ),
    "printer.cover_open": ("la tapa está abierta", "the cover is open"),
    "printer.cover_open.fix": (
        "cierre bien la tapa de la impresora",
        "close the printer's cover firmly",
    ),
    "printer.queue_stopped": ("la cola {where} está detenida", "the queue {where} is stopped"),
    "printer.queue_stopped.fix": (
        "revise la impresora y luego: sudo cupsenable {where}",
        "check the printer, then: sudo cupsenable {where}",
    ),
    "printer.offline": (
        "la impresora {where} no contesta (apagada o fuera de línea)",
        "the printer {where} does not answer (off or offline)",
    ),
    "printer.offline.fix": (
        "encienda la impresora y revise su cable (red o USB)",
        "switch the printer on and check its cable (network or USB)",
    ),
    "printer.offline.cups": ("CUPS no responde", "CUPS does not answer"),
    "printer.offline.cups.fix": (
        "arranque CUPS: sudo systemctl start cups (instálelo si falta: sudo apt-get install cups)",
        "start CUPS: sudo systemctl start cups (install it if missing: sudo apt-get install cups)",
    ),
    "printer.not_found.cups": (
        "no existe la cola {where} en CUPS (colas que hay: {queues})",
        "there is no CUPS queue {where} (queues there are: {queues})",
    ),
    "printer.not_found.cups.fix": (
        "corrija el nombre de la cola, o créela: sudo lpadmin -p {where} -E -v URI -m MODELO",
        "correct the queue's name, or create it: sudo lpadmin -p {where} -E -v URI -m MODEL",
    ),
    "printer.no_queues": ("ninguna", "none"),
    "printer.not_found.escpos": (
        "la impresora no responde en {where}",
        "the printer does not answer at {where}",
    ),
    "printer.not_found.escpos.fix": (
        "compruebe que esté encendida y con cable de red, y su dirección IP (imprima su hoja "
        "de configuración: mantenga FEED al encenderla); el puerto suele ser 9100",
        "check it is on and cabled, and its IP address (print its configuration sheet: hold "
        "FEED while switching it on); the port is usually 9100",
    ),
    "printer.not_found.file": ("no existe la carpeta {where}", "the folder {where} does not exist"),
    "printer.not_found.file.fix": (
        "créela: sudo mkdir -p {where}",
        "create it: sudo mkdir -p {where}",
    ),
    "printer.error.cups": (
        "la cola {where} da un error: {detail}",
        "the queue {where} reports an error: {detail}",
    ),
    "printer.error.cups.fix": (
        "revise la impresora (luces, atasco de papel) y el estado de la cola: lpstat -p {where} -l",
        "check the printer (lights, paper jam) and the queue's state: lpstat -p {where} -l",
    ),
    "printer.error.escpos": (
        "la impresora da un error: {detail}",
        "the printer reports an error: {detail}",
    ),
    "printer.error.escpos.fix": (
        "revise la impresora (luces, atasco de papel), apáguela y vuelva a encenderla",
        "check the printer (lights, paper jam), switch it off and on again",
    ),
    "printer.error.file": ("no se puede escribir en {where}", "cannot write to {where}"),
    "printer.error.file.fix": (
        "dé permiso de escritura al usuario del kiosco en {where}",
        "give the kiosk's user write permission on {where}",
    ),
    "printer.not_configured": (
        "impresora sin configurar: {detail}",
        "printer not set up: {detail}",
    ),
    "printer.not_configured.fix": (
        "ejecute kiosk provision --printer-backend cups|escpos con su cola o dirección",
        "run kiosk provision --printer-backend cups|escpos with its queue or address",
    ),
    "paper.not_roll": (
        "{paper} no es papel en rollo; una impresora ESC/POS solo imprime en rollo",
        "{paper} is not roll paper; an ESC/POS printer prints on rolls only",
    ),
    "paper.not_roll.fix": ("use --paper 80mm o 58mm", "use --paper 80mm or 58mm"),
    "agency.missing": (
        "la agencia {missing} no está entre las que sirve este token ({served})",
        "agency {missing} is not among those this token serves ({served})",
    ),
    "agency.missing.fix": (
        "revise el número de la agencia, o pida al operador un token para ella "
        "(turnos tokens issue kiosk --name NOMBRE --agencies ID)",
        "check the agency's number, or ask the operator for a token for it "
        "(turnos tokens issue kiosk --name NAME --agencies ID)",
    ),
    "agency.none_served": ("ninguna", "none"),
    "agency.more": (" y {count} más", " and {count} more"),
    "agency.wider": (
        "este token sirve además otras {count} agencias; uno limitado a esta es más seguro "
        "(turnos tokens issue kiosk --name NOMBRE --agencies {agencies})",
        "this token also serves {count} other agencies; one limited to this one is safer "
        "(turnos tokens issue kiosk --name NAME --agencies {agencies})",
    ),
    # -- provision ------------------------------------------------------------------------------
    "provision.head": (
        "kiosk provision — ajustes de este kiosco en {target}",
        "kiosk provision — this kiosk's settings in {target}",
    ),
    "provision.not_writable": (
        "No se puede escribir {target}: ejecútelo como administrador (sudo kiosk provision ...)",
        "Cannot write {target}: run it as an administrator (sudo kiosk provision ...)",
    ),
    "provision.bad_flag": ("--{flag}: {why}", "--{flag}: {why}"),
    "provision.missing": (
        "Faltan datos y no hay terminal para preguntarlos: {flags}",
        "Values are missing and there is no terminal to ask for them: {flags}",
    ),
    "provision.token_flags": (
        "--kiosk-token (o --kiosk-token-file)",
        "--kiosk-token (or --kiosk-token-file)",
    ),
    "provision.kept": (
        "Se conservan del archivo actual: {flags}",
        "Kept from the current file: {flags}",
    ),
    "provision.checking": ("Comprobando…", "Checking…"),
    "provision.fix_now": ("¿Corregir ahora los datos con falla?", "Correct the failed values now?"),
    "provision.not_written": (
        "No se escribió nada. Corrija lo indicado y vuelva a ejecutar kiosk provision "
        "(o use --force para escribir de todos modos).",
        "Nothing was written. Correct what is shown and run kiosk provision again "
        "(or use --force to write anyway).",
    ),
    "provision.forced": (
        "--force: se escribe aunque fallaron: {checks}",
        "--force: writing although these failed: {checks}",
    ),
    "provision.write_failed": ("No se pudo escribir: {why}", "Could not write: {why}"),
    "provision.written": (
        "Escrito: {target} (permisos 0640, grupo {group}). Reinicie el kiosco para usarlo.",
        "Written: {target} (mode 0640, group {group}). Restart the kiosk to use it.",
    ),
    "provision.dropped": (
        "el archivo anterior tenía claves que kiosk provision no maneja y no se conservaron: "
        "{keys}; póngalas en otro archivo de kiosk.d (por ejemplo 60-local.toml)",
        "the previous file had keys kiosk provision does not manage, not kept: {keys}; put "
        "them in another file in kiosk.d (e.g. 60-local.toml)",
    ),
    "provision.no_main": (
        "no existe {main}: el kiosco lee kiosk.d/ solo junto a su archivo de ajustes; "
        "instale el paquete (lo trae) o cree ese archivo, y arranque el kiosco con "
        "KIOSK_CONFIG={main}",
        "{main} does not exist: the kiosk reads kiosk.d/ only beside its settings file; install "
        "the package (it has one) or create that file, and start the kiosk with "
        "KIOSK_CONFIG={main}",
    ),
    "provision.elsewhere": (
        "el kiosco lee los archivos de {folder}, no este: use --dropin en esa carpeta",
        "the kiosk reads the files in {folder}, not this one: use --dropin in that folder",
    ),
    "provision.next": (
        "Después, compruebe todo el kiosco con: kiosk doctor",
        "Then check the whole kiosk with: kiosk doctor",
    ),
    "provision.cancelled": (
        "Cancelado: no se escribió nada.",
        "QuestionsEndedError: nothing was written.",
    ),
    "screen.ok": (
        '{diagonal}", {width} × {height} ({orientation}), borde inferior a {edge} mm del piso',
        '{diagonal}", {width} × {height} ({orientation}), lower edge {edge} mm above the floor',
    ),
    "screen.portrait": ("vertical", "portrait"),
    "screen.landscape": ("horizontal", "landscape"),
    "pin.ok": ("se guarda solo su huella (hash)", "only its hash is kept"),
    "pin.mismatch": ("Los dos PIN no coinciden; otra vez.", "The two PINs differ; once more."),
    "ask.keep": ("Enter: el actual", "Enter: the current one"),
    "ask.service-url": (
        "Dirección del servicio de turnos (p. ej. https://turnos.ejemplo.ec)",
        "Turn service address (e.g. https://turnos.example.ec)",
    ),
    "ask.kiosk-token": ("Token del kiosco (no se muestra)", "Kiosk token (not shown)"),
    "ask.agency": (
        "Número de la agencia de este kiosco (varias: 171,172)",
        "Number of this kiosk's agency (several: 171,172)",
    ),
    "ask.kiosk-id": (
        "Nombre del kiosco (p. ej. KIOSCO-QUITO-01)",
        "Kiosk name (e.g. KIOSK-QUITO-01)",
    ),
    "ask.printer-backend": ("Tipo de impresora", "Printer kind"),
    "ask.printer-queue": ("Nombre de la cola de CUPS", "CUPS queue name"),
    "ask.escpos-host": ("Dirección IP de la impresora", "Printer's IP address"),
    "ask.escpos-port": ("Puerto de la impresora", "Printer's port"),
    "ask.printer-output-dir": ("Carpeta de los PDF", "Folder for the PDFs"),
    "ask.paper": ("Papel", "Paper"),
    "ask.screen-diagonal": ("Diagonal de la pantalla en pulgadas", "Screen diagonal in inches"),
    "ask.screen-width": (
        "Ancho de la pantalla en píxeles, tal como está montada",
        "Screen width in pixels, as mounted",
    ),
    "ask.screen-height": ("Alto de la pantalla en píxeles", "Screen height in pixels"),
    "ask.bottom-edge-mm": (
        "Altura del borde inferior de la imagen sobre el piso, en mm",
        "Height of the picture's lower edge above the floor, in mm",
    ),
    "ask.pin": (
        "PIN de mantenimiento, 4 a 12 dígitos (no se muestra)",
        "Maintenance PIN, 4 to 12 digits (not shown)",
    ),
    "ask.pin-again": ("Repita el PIN", "The PIN again"),
    "bad.url": (
        "debe ser una dirección http:// o https://, p. ej. https://turnos.ejemplo.ec",
        "must be an http:// or https:// address, e.g. https://turnos.example.ec",
    ),
    "bad.token": (
        "el token está vacío o tiene espacios: cópielo entero, sin espacios",
        "the token is empty or has spaces: copy all of it, without spaces",
    ),
    "bad.token_file": ("no se pudo leer el archivo {file}", "could not read the file {file}"),
    "bad.agency": (
        "deben ser números de agencia, separados por comas (p. ej. 171,172)",
        "must be agency numbers, separated by commas (e.g. 171,172)",
    ),
    "bad.kiosk_id": (
        "solo letras, dígitos y . _ - (hasta 64), sin espacios",
        "only letters, digits and . _ - (up to 64), no spaces",
    ),
    "bad.choice": ("debe ser uno de: {choices}", "must be one of: {choices}"),
    "bad.queue": (
        "nombre de cola no válido: sin espacios ni / \\ # ' \"",
        "not a valid queue name: no spaces nor / \\ # ' \"",
    ),
    "bad.host": (
        "dirección no válida (p. ej. 192.168.1.50)",
        "not a valid address (e.g. 192.168.1.50)",
    ),
    "bad.port": (
        "debe ser un número entre {low} y {high}",
        "must be a number from {low} to {high}",
    ),
    "bad.folder": ("diga una carpeta", "name a folder"),
    "bad.diagonal": (
        "debe ser un número de pulgadas entre {low} y {high} (p. ej. 21.5)",
        "must be a number of inches from {low} to {high} (e.g. 21.5)",
    ),
    "bad.pixels": (
        "debe ser un número de píxeles entre {low} y {high}",
        "must be a number of pixels from {low} to {high}",
    ),
    "bad.edge": (
        "debe ser una altura en mm entre {low} y {high}",
        "must be a height in mm from {low} to {high}",
    ),
    "bad.dropin": (
        "el kiosco solo lee archivos *.toml cuyo nombre no empieza con un punto",
        "the kiosk reads only *.toml files whose name does not start with a dot",
    ),
    "bad.pin": ("el PIN debe tener de 4 a 12 dígitos", "the PIN must be 4 to 12 digits"),
    "bad.pin_demo": (
        "ese es el PIN de demostración, que todos conocen: elija otro",
        "that is the demo PIN, which everyone knows: choose another",
    ),
}


class Words:
    """`words("key", name=value)`: the entry in this language, filled in."""

    def __init__(self, lang: str = "es") -> None:
        self.lang = "en" if lang == "en" else "es"

    def __call__(self, key: str, **values: object) -> str:
        spanish, english = WORDS[key]
        return (english if self.lang == "en" else spanish).format(**values)
