"""What the technician's maintenance panel does: show the service and the printer, print a
test slip, restart the kiosk's start-up checks, leave.

The test slip goes through the same path as a citizen's (`PrintStation.print`), so a test
print that works says a citizen's slip will print too. Every call is bounded and off the UI
thread; a failure is shown to the technician and logged, never raised at a citizen.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from kiosk import __version__
from kiosk.controller import KioskController
from kiosk.ui.maintenance import MaintenanceInfo, MaintenancePanel

log = logging.getLogger(__name__)


def wire_maintenance(
    panel: MaintenancePanel,
    controller: KioskController,
    *,
    service_url: str,
    leave: Callable[[], None],
    restart_process: Callable[[], None] | None = None,
) -> None:
    """`restart_process`, when given, is what "Reiniciar" does (end the process for its
    supervisor to start again: kiosk.service); without it the start-up checks run again here."""
    station, options = controller.station, controller.options

    async def refresh() -> None:
        try:
            health = await controller.caller.background(controller.client.health)
            service = f"OK · API {health.api_version} · {health.version}"
        except Exception as exc:  # any failure is worth showing the technician
            log.info("maintenance: service check failed: %s", type(exc).__name__)
            service = type(exc).__name__
        status = await station.ask()
        printer_text = "OK" if status.ready else f"{status.problem}: {status.detail}"
        if status.paper_low:
            printer_text += " · paper low"
        panel.set_info(
            MaintenanceInfo(
                service_url=service_url,
                service_status=service,
                printer_status=printer_text,
                kiosk_id=options.kiosk_id,
                version=__version__,
            )
        )

    async def test_print() -> None:
        # The sample slip's QR encoder loads when the technician prints, not at start.
        from kiosk.printing.sample import sample_slip

        data = sample_slip(
            options.default_language,
            kiosk_id=options.kiosk_id,
            contact_phone=options.contact_phone,
            institution=options.institution,
        )
        if not await station.print(data):  # logged by the station; the panel shows the state
            log.warning("maintenance: the test slip did not print")
        await refresh()

    def restart() -> None:
        panel.dismiss()
        if restart_process is not None:
            log.info("maintenance: restarting the kiosk process")
            restart_process()
            return
        controller.wipe()
        controller.catalog = None
        controller.start()

    panel.refresh_requested.connect(lambda: controller.spawn(refresh(), "maintenance refresh"))
    panel.test_print_requested.connect(
        lambda: controller.spawn(test_print(), "maintenance test print")
    )
    panel.restart_requested.connect(restart)
    panel.exit_requested.connect(leave)
