"""The counter window's look: its stylesheet and the colour pairs of answers and status.

A window for a desktop monitor read from a chair, not a kiosk's touchscreen: sizes in pixels
for a 1280×800 window or larger. Every text colour on its background passes WCAG AA (4.5:1;
`tests/staff/test_counter_look.py` measures each pair with kiosk.ui.theme.contrast_ratio).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from kiosk.ui.theme import FONT_FAMILY


class Tone(StrEnum):
    ACCEPT = "accept"
    CAUTION = "caution"
    REFUSE = "refuse"
    NOTICE = "notice"
    WAITING = "waiting"
    CHECKING = "checking"


@dataclass(frozen=True)
class Colours:
    band: str
    text: str


TONES: dict[Tone, Colours] = {
    Tone.ACCEPT: Colours("#1B6E2F", "#FFFFFF"),
    Tone.CAUTION: Colours("#FFC940", "#1A1A1A"),
    Tone.REFUSE: Colours("#B00020", "#FFFFFF"),
    Tone.NOTICE: Colours("#0B5394", "#FFFFFF"),
    Tone.WAITING: Colours("#FFFFFF", "#1A1A1A"),
    Tone.CHECKING: Colours("#E3ECF5", "#1A1A1A"),
}
FACT_BG, FACT_TEXT, FACT_LABEL = "#FFFFFF", "#1A1A1A", "#4A4A4A"

STATUS_TONES = {  # background, text: each pair over 4.5:1
    "online": ("#E3F1E7", "#14532D"),
    "offline": ("#FFC940", "#1A1A1A"),
    "refused": ("#B00020", "#FFFFFF"),
    "unknown": ("#E6E6E6", "#1A1A1A"),
}

STYLE = f"""
QWidget {{ font-family: "{FONT_FAMILY}"; font-size: 16px; color: #1A1A1A; }}
QWidget#staffWindow {{ background-color: #F7F7F5; }}
QFrame#header {{ background-color: #FFFFFF; border-bottom: 2px solid #6B6B6B; }}
QLabel#windowTitle {{ font-size: 22px; font-weight: bold; }}
QLabel#status {{ font-size: 17px; font-weight: bold; padding: 6px 16px; }}
QLabel[role="sectionTitle"] {{ font-size: 20px; font-weight: bold; }}
QLabel[role="muted"], QLabel[role="hint"] {{ color: #4A4A4A; font-size: 15px; }}
QLabel[role="error"] {{ color: #B00020; font-weight: bold; font-size: 15px; }}
QLabel[role="count"] {{ font-size: 28px; font-weight: bold; }}
QLabel[role="countLabel"] {{ font-size: 14px; color: #4A4A4A; }}
QLabel#resultHeadline {{ font-size: 40px; font-weight: bold; }}
QLabel#resultDetail {{ font-size: 21px; }}
QFrame#resultFacts {{ background-color: #FFFFFF; border: 2px solid #6B6B6B; border-top: none; }}
QLabel[role="factLabel"] {{ font-size: 16px; color: #4A4A4A; }}
QLabel#factProcedure, QLabel#factHour, QLabel#factName {{ font-size: 24px; font-weight: bold; }}
QLabel#factCode, QLabel#factId {{ font-size: 40px; font-weight: bold; letter-spacing: 2px; }}
QFrame#manual {{ background-color: #FFFFFF; border: 1px solid #6B6B6B; border-radius: 6px; }}
QPushButton {{
  min-height: 40px; padding: 0 14px; background-color: #FFFFFF; color: #1A1A1A;
  border: 2px solid #6B6B6B; border-radius: 6px;
}}
QPushButton:focus {{ border: 3px solid #0B5394; }}
QPushButton:pressed {{ background-color: #D6E4F2; }}
QPushButton:disabled {{ background-color: #E6E6E6; color: #4A4A4A; border-color: #BDBDBD; }}
QPushButton[role="primary"] {{
  background-color: #0B5394; color: #FFFFFF; font-weight: bold; border-color: #0B5394;
}}
QPushButton[role="primary"]:focus {{ border: 3px solid #1A1A1A; }}
QLineEdit {{
  min-height: 36px; padding: 0 8px; background-color: #FFFFFF;
  border: 2px solid #6B6B6B; border-radius: 6px;
}}
QLineEdit:focus {{ border: 2px solid #0B5394; }}
QComboBox {{ min-height: 36px; padding: 0 8px; }}
QTableView {{
  font-size: 15px; background-color: #FFFFFF; alternate-background-color: #F0F3F7;
  gridline-color: #D0D0D0; selection-background-color: #D6E4F2; selection-color: #1A1A1A;
}}
QHeaderView::section {{
  font-size: 14px; font-weight: bold; padding: 4px 6px; background-color: #E9ECEF;
  border: none; border-bottom: 1px solid #6B6B6B;
}}
"""
