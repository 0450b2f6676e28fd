"""The program the start benchmark times (python -m bench.start_child bare|kiosk ARGS...).

Both ways run through this same small module, so its own cost is on both sides. Each prints
"painted" on stdout when its first window has been painted with the event loop running, and
ends at once (the parent times the whole process from its start to that line).

- bare: a QApplication and an empty QWidget shown: what Python and PySide6 cost.
- kiosk: `kiosk ARGS` (kiosk.cli), the welcome screen's first paint once the window is shown.
"""

from __future__ import annotations

import os
import sys
from typing import Any


def _report_first_paint(widget: Any) -> None:
    from PySide6.QtCore import QEvent, QObject

    class FirstPaint(QObject):
        def eventFilter(self, obj: Any, event: Any) -> bool:
            if obj is widget and event.type() == QEvent.Type.Paint:
                # After this paint returns the loop is ready for a tap; end right there.
                from PySide6.QtCore import QTimer

                QTimer.singleShot(0, _painted)
            return False

    widget._bench_first_paint = FirstPaint(widget)
    widget.installEventFilter(widget._bench_first_paint)


def _painted() -> None:
    sys.stdout.write("painted\n")
    sys.stdout.flush()
    os._exit(0)  # the kiosk refuses to close by design; the measurement is taken


def bare() -> int:
    from PySide6.QtWidgets import QApplication, QWidget

    app = QApplication(sys.argv[:1])
    window = QWidget()
    window.resize(1080, 1920)
    _report_first_paint(window)
    window.show()
    return app.exec()


def kiosk(args: list[str]) -> int:
    import kiosk.app

    assemble = kiosk.app.assemble

    def assemble_and_watch(*a: Any, **kw: Any) -> Any:
        made = assemble(*a, **kw)
        _report_first_paint(made.shell.views()[0])  # the welcome screen
        return made

    kiosk.app.assemble = assemble_and_watch
    from kiosk.cli import main

    return main(args)


if __name__ == "__main__":
    which, rest = sys.argv[1], sys.argv[2:]
    sys.exit(bare() if which == "bare" else kiosk(rest))
