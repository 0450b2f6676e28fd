"""What the kiosk's settings tell the booking: who it is, its paper, its clocks."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.domain.models import Language
from kiosk.printing.paper import Paper


@dataclass(frozen=True)
class ControllerOptions:
    kiosk_id: str = "KIOSK-DEMO-01"
    contact_phone: str = "593 23945666"
    institution: str = ""
    paper: Paper = Paper.ROLL_80
    dpi: int = 203
    default_language: Language = Language.ES
    health_poll_s: float = 5.0  # longest wait between two health checks while out of service
    health_first_s: float = 0.5  # first wait; doubles up to health_poll_s
    heartbeat_s: float = 60.0
    #: the kiosk's own zone, for clock times on screen (a code's life, a limit's end)
    time_zone: str = "America/Guayaquil"
