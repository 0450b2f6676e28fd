"""Tools for the technician who installs a kiosk in the field, with nobody to call.

`kiosk provision` (provision.py) takes or asks for this kiosk's own values (service, token,
agency, printer, screen, PIN: fields.py), checks each against the live service and the
printer, and writes them as a settings drop-in, kiosk.d/50-provision.toml beside the packaged
kiosk.toml (dropin.py), only when every check passes. `kiosk doctor` (doctor.py) checks an
installed kiosk: one line per check, with what to do when it fails.

The checks live in small modules: service.py (the turn service, through `kiosk.backend`),
printer.py (the printer's status through `kiosk.printing`), system.py (time zone, display,
touch, disk, the reach band) and qt_probe.py (fonts and translations, loaded by Qt in a child
process); checks.py is one result and how results are shown. arguments.py is the command line
alone, so `kiosk --help` stays light. The words are for technicians at a terminal, not kiosk
screens: Spanish first, English with `--lang en` (words.py), never a token, a PIN or anything
personal.
"""
