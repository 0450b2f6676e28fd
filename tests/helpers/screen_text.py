"""The words on a kiosk's window: every text its widgets hold, or only what a person sees."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QPlainTextEdit, QWidget

_TAG = re.compile(r"<[^>]+>")


def every_text(root: QWidget) -> list[str]:
    """Every text a widget under `root` holds: line edits (with placeholders), labels,
    buttons, plain-text boxes, and every tooltip."""
    texts: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if widget.toolTip():
            texts.append(widget.toolTip())
        if isinstance(widget, QLineEdit):
            texts += [widget.text(), widget.placeholderText()]
        elif isinstance(widget, (QLabel, QAbstractButton)):
            texts.append(widget.text())
        elif isinstance(widget, QPlainTextEdit):
            texts.append(widget.toPlainText())
    return texts


def seen_text(shell: Any) -> list[str]:
    """The texts a person sees on the kiosk's window (`KioskShell`): of shown widgets only,
    and only those of the overlay on top when one covers the screen (rich text as plain)."""
    covering = [overlay for overlay in shell.overlays() if overlay.isVisible()]
    root = covering[-1] if covering else shell
    texts: list[str] = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, QLineEdit):
            texts.append(widget.text() or widget.placeholderText())
        elif isinstance(widget, (QLabel, QAbstractButton)):
            texts.append(_TAG.sub(" ", widget.text()))
        elif isinstance(widget, QPlainTextEdit):
            texts.append(widget.toPlainText())
    return [text for text in texts if text.strip()]
