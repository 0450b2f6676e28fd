"""Placing, sizing and re-styling widgets from the theme.

Everything is sized from the theme (millimetres → pixels) and coloured by the theme's stylesheet
through the dynamic property "role"; meaning never rests on colour alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QBoxLayout, QWidget

if TYPE_CHECKING:
    from kiosk.ui.theme import Theme


def is_landscape(theme: Theme) -> bool:
    """From the configured screen, not from a widget's size: a view inside the shell's scroll
    area could otherwise be laid out tall, then never be wide enough to flip."""
    return getattr(theme.geometry, "orientation", "portrait") == "landscape"


def split_layout(theme: Theme, parent: QWidget | None = None) -> QBoxLayout:
    """Panes side by side on a landscape screen, one under the other on a portrait one."""
    direction = (
        QBoxLayout.Direction.LeftToRight
        if is_landscape(theme)
        else QBoxLayout.Direction.TopToBottom
    )
    box = QBoxLayout(direction, parent)
    box.setContentsMargins(0, 0, 0, 0)
    box.setSpacing(theme.gap_px() * 3)
    return box


def set_role(widget: QWidget, role: str) -> None:
    """Set the stylesheet role and re-polish so the change shows at once."""
    widget.setProperty("role", role)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)


def set_min_height(widget: QWidget, px: int, extra_style: str = "") -> None:
    """A minimum height that survives the theme's stylesheet (whose min-height would win)."""
    widget.setStyleSheet(f"min-height: {px}px; {extra_style}")


def apply_theme(root: QWidget, theme: Theme) -> None:
    """Hand a new theme variant (large text, high contrast) to every child that sizes itself."""
    for child in root.findChildren(QWidget):
        if child is not root and hasattr(child, "refresh_theme"):
            child.refresh_theme(theme)


def discard(widget: QWidget) -> None:
    """Take a widget off the screen now; deleteLater alone leaves it painted until the loop
    turns, so a re-filled grid would show old and new buttons on top of each other."""
    widget.hide()
    widget.setParent(None)
    widget.deleteLater()
