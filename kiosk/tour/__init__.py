"""`kiosk tour`: walk a whole booking headless, as a citizen would, and photograph each screen.

Runs offscreen on the embedded demo service. Every step is a finger on the window at a place
read from a look at it (keys of the keypad and keyboard included), by the same citizen driver
the UI tests use (`citizen.py`), so the tour exercises the same code a finger does. The idle
warning comes from the idle clock moved forward (no real waiting), the out-of-service screen
from cutting the network link to the service (`link.py`) and the kiosk coming back by itself
when the link returns.

Writes DIR/NN-name.png per screen, DIR/slip.pdf, DIR/summary.json and DIR/tour.log (the log
goes there, masked, never to the console); prints where they went; exits 0 only if the booking
completed in the language asked for (the summary is written either way, with why it stopped).

Modules: `offscreen` (a kiosk-sized offscreen screen), `link` (the network link), `clock` (the
idle clock moved by hand), `citizen` (the driver), `language` (the language really shown),
`walk` (the scenario), `logfile` (the log to a file), `run` (all of it, and the summary).
Qt is imported lazily: the tour sets the platform up before the QApplication exists.
"""

from kiosk.tour.citizen import Citizen, CitizenStuckError, bring_into_view
from kiosk.tour.clock import ManualClock
from kiosk.tour.language import LanguageNotShownError
from kiosk.tour.link import LinkSwitch
from kiosk.tour.offscreen import offscreen_platform, use_large_offscreen_screen
from kiosk.tour.run import LANDSCAPE, PORTRAIT, report_lines, run_tour
from kiosk.tour.walk import TOUR_CEDULA, TOUR_EMAIL, TOUR_PHONE

__all__ = [
    "LANDSCAPE",
    "PORTRAIT",
    "TOUR_CEDULA",
    "TOUR_EMAIL",
    "TOUR_PHONE",
    "Citizen",
    "CitizenStuckError",
    "LanguageNotShownError",
    "LinkSwitch",
    "ManualClock",
    "bring_into_view",
    "offscreen_platform",
    "report_lines",
    "run_tour",
    "use_large_offscreen_screen",
]
