"""`kiosk tour` from start to end: the embedded service, the kiosk, the walk, the summary."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import logging
import shutil
import tempfile
from pathlib import Path
from typing import Any

from kiosk.domain.models import Language
from kiosk.domain.screen import ScreenGeometry
from kiosk.tour.citizen import Citizen
from kiosk.tour.clock import ManualClock
from kiosk.tour.language import CitizenReading, require_catalogue, tour_settings_env
from kiosk.tour.link import LinkSwitch
from kiosk.tour.logfile import LogToFile
from kiosk.tour.offscreen import use_large_offscreen_screen
from kiosk.tour.walk import PATIENCE_MS, Camera, walk

log = logging.getLogger(__name__)

#: The kiosk's screen in each orientation (the tour's, and the UI tests').
PORTRAIT = ScreenGeometry(diagonal_in=21.5, width_px=1080, height_px=1920, bottom_edge_mm=800)
LANDSCAPE = ScreenGeometry(diagonal_in=21.5, width_px=1920, height_px=1080, bottom_edge_mm=900)


def run_tour(
    out: Path, orientation: str, lang: str, modes: list[str], translations: Path | None = None
) -> int:
    """Walk the tour into `out`; 0 only if the booking completed in `lang`.

    `translations` is the folder of compiled catalogues (default: the installed ones)."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    for old in (*out.glob("*.png"), out / "slip.pdf", out / "tour.log"):
        old.unlink(missing_ok=True)
    data_dir = Path(tempfile.mkdtemp(prefix="kiosk-tour-"))
    use_large_offscreen_screen(data_dir)
    with LogToFile(out / "tour.log"):
        try:
            summary = _tour(out, data_dir, orientation, Language(lang), modes, translations)
        finally:
            shutil.rmtree(data_dir, ignore_errors=True)
    print("\n".join(report_lines(out, summary)))
    return 0 if summary["completed"] else 1


def report_lines(out: Path, summary: dict[str, Any]) -> list[str]:
    """What the console shows at the end: where everything went, in a few plain lines."""
    shown = f"{summary['orientation']}, {summary['language']}"
    if summary["modes"]:
        shown += ", " + ", ".join(summary["modes"])
    lines = [
        f"kiosk tour: booking completed ({shown})"
        if summary["completed"]
        else f"kiosk tour: stopped before the end ({summary.get('stopped', 'see the log')})",
        f"  pictures: {out}/ ({len(summary['screens'])} screens, NN-name.png)",
    ]
    slip = out / "slip.pdf"
    lines.append(f"  slip:     {slip}" if slip.exists() else "  slip:     (none printed)")
    lines.append(f"  summary:  {out / 'summary.json'}")
    lines.append(f"  log:      {out / 'tour.log'}")
    if (out / "stuck.png").exists():
        lines.append(f"  stuck at: {out / 'stuck.png'}")
    return lines


def _low_reach_on(kiosk: Any, citizen: Citizen) -> None:
    """As a seated citizen does: a tap on the low-reach control (kiosk/ui/shell.py), which
    sits in the reachable band of every screen; on a shell without one, switched on directly."""
    button = getattr(kiosk.shell, "low_reach_button", None)
    if button is None:
        kiosk.shell.set_low_reach(True)
        return
    citizen.wait_until(button.isVisible, PATIENCE_MS, "the low-reach control")
    if not button.isChecked():
        citizen.tap(button)


def _tour(
    out: Path,
    data_dir: Path,
    orientation: str,
    language: Language,
    modes: list[str],
    translations: Path | None,
) -> dict[str, Any]:
    import qasync

    from kiosk.app import application, assemble, client_for
    from kiosk.config import load_settings
    from kiosk.printing.file_printer import FilePrinter
    from turnos.embedded import start_embedded

    geometry = LANDSCAPE if orientation == "landscape" else PORTRAIT
    # A language other than Spanish and English is offered as any added one is: a line of
    # config (kiosk.languages), its catalogue checked when the settings load.
    settings = load_settings(environ=tour_settings_env(language))
    # The walk asks for a second code (existing-turn screen) well within a minute.
    service = start_embedded(data_dir, demo=True, resend_cooldown_s=0)
    link = LinkSwitch.to_url(service.url)
    link.connect()
    summary: dict[str, Any] = {
        "completed": False,
        "orientation": geometry.orientation,
        "language": language.value,
        "modes": sorted(set(modes)),
        "screens": [],
        "taps": 0,
        "key_presses": 0,
        "booking": None,
        "token": None,
        "keys": None,
        "slip_mm": None,  # length of the printed slip, read from its PDF
    }
    app = application()
    # The citizen turns Qt's loop itself (kiosk.tour.citizen), as the UI tests do: the asyncio
    # loop counts as running all along and its callbacks run on those turns.
    loop = qasync.QEventLoop(app, already_running=True)
    asyncio.set_event_loop(loop)
    kiosk = None
    citizen: Citizen | None = None
    camera: Camera | None = None
    clock = ManualClock()
    printer = FilePrinter(data_dir / "slips")
    try:
        client = client_for(settings, link.url, service.credentials["kiosk_token"])
        kiosk = assemble(
            settings,
            app,
            client,
            printer,
            geometry=geometry,
            clock=clock,
            health_first_s=0.2,
            translations=translations,
        )
        require_catalogue(kiosk.switcher, language)
        theme = kiosk.shell.theme.variant(
            high_contrast="high-contrast" in modes, large_text="large-text" in modes
        )
        kiosk.shell.set_theme(theme)
        kiosk.shell.resize(geometry.width_px, geometry.height_px)
        kiosk.shell.show()
        kiosk.controller.start()
        citizen = CitizenReading(kiosk, service.outbox, language, patience_ms=PATIENCE_MS)
        if "low-reach" in modes:
            _low_reach_on(kiosk, citizen)
        camera = Camera(kiosk.shell, out)
        if "speech" in modes:
            from kiosk.tour.speech_log import attach_speech_recorder

            camera.recorder = attach_speech_recorder(kiosk.shell, citizen)
        result = walk(kiosk, citizen, camera, language, clock=clock, link=link)
        keys = asyncio.ensure_future(kiosk.caller.background(client.keys))
        citizen.wait_until(keys.done, PATIENCE_MS, "the service's keys")
        summary["keys"] = keys.result()
        if printer.last_path is not None:  # the booking's slip (the reprint found no paper)
            from kiosk.printing.paper import slip_length_mm

            slip = printer.last_path.read_bytes()
            (out / "slip.pdf").write_bytes(slip)
            summary["slip_mm"] = slip_length_mm(slip)
        summary["booking"] = result["booking"]
        summary["token"] = result["token"]
        summary["completed"] = True
        log.info("tour completed")
    except Exception as exc:
        from kiosk.logsafe import mask_personal_data

        log.error("tour stopped: %s", exc, exc_info=True)
        summary["stopped"] = mask_personal_data(str(exc))
        if kiosk is not None and kiosk.shell.isVisible():
            # What the screen showed instead helps whoever reads the tour's output.
            kiosk.shell.grab().save(str(out / "stuck.png"))
    finally:
        if citizen is not None:
            summary["taps"] = citizen.taps
            summary["key_presses"] = citizen.key_presses
        if camera is not None:
            summary["screens"] = camera.screens
            if camera.recorder is not None:
                summary["spoken"] = camera.spoken  # per screen, what spoken guidance said
        summary["finished_at"] = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        (out / "summary.json").write_text(json.dumps(summary, indent=2, ensure_ascii=False))
        if kiosk is not None:
            kiosk.close()
        loop.stop()
        loop.close()  # before exit: the executor's threads would abort the process
        link.cut()
        service.stop()
    return summary
