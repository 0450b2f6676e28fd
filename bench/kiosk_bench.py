"""Screens, responsiveness and soak: whole bookings through the real widgets of one kiosk.

Run in a process of its own (the runner starts `python -m bench.kiosk_bench ...`): one
QApplication, one offscreen screen, `turnos serve` in another process on loopback
(bench/rig.py). Prints one JSON line.

- screens: for each tap that leads to another screen, the time from the tap (the finger's
  release reaching the application) to the first paint of that screen after the shell was told
  to show it, minus the time the kiosk spent waiting for the service in between (calls timed
  inside the client); and the UI thread's CPU time between the two. Our own work.
- stall: a 10 ms QTimer runs through a whole booking while every request waits 2 s on the
  way to the service (bench/delay_link.py); the largest gap between its ticks is how long the
  screen could not answer. The driver's own looks at the screen (a test device, not the kiosk)
  are taken out of each gap, and the loop turns after each tap, as between a person's taps.
- soak: RSS and live QObjects after N1 and N2 bookings, each by another citizen.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.profile import citizens
from bench.rig import Rig

TAP_LABELS_TARGET = {
    "welcome→identify": "identify",
    "identify→contact": "contact",
    "contact→code": "verify_code",
    "code→province": "province",
    "province→procedure": "procedure",
    "procedure→agency": "agency",
    "agency→schedule": "schedule",
    "day→hours": "hours",
    "schedule→review": "review",
    "review→print": "print",
    "done→welcome": "welcome",
}


def _watcher(rig: Rig) -> Any:
    """An application event filter noting taps and the paints of the screens."""
    from PySide6.QtCore import QEvent, QObject

    from kiosk.domain.flow import Step

    shell = rig.kiosk.shell
    targets: dict[int, str] = {id(shell.view(step)): step.value for step in Step}
    targets[id(shell.view(Step.SCHEDULE).hours)] = "hours"
    release, paint = QEvent.Type.MouseButtonRelease, QEvent.Type.Paint

    class Watch(QObject):
        def __init__(self) -> None:
            super().__init__(shell)
            self.recording = False
            self.taps: list[float] = []
            self.paints: list[tuple[float, str]] = []
            self.cpu: dict[float, float] = {}  # perf_counter -> the UI thread's CPU time
            self.shown: list[tuple[float, str]] = []  # when the shell was told to show a step

        def eventFilter(self, obj: Any, event: Any) -> bool:
            if self.recording:
                kind = event.type()
                if kind == release:
                    now = time.perf_counter()
                    if not self.taps or now - self.taps[-1] > 0.005:  # once, not per parent
                        self.taps.append(now)
                        self.cpu[now] = time.thread_time()
                elif kind == paint:
                    name = targets.get(id(obj))
                    if name is not None:
                        now = time.perf_counter()
                        self.paints.append((now, name))
                        self.cpu[now] = time.thread_time()
            return False

    watch = Watch()
    rig.kiosk.app.installEventFilter(watch)
    shown_before = shell.show_step

    def show_step(step: Any, *args: Any, **kwargs: Any) -> None:
        if watch.recording:
            watch.shown.append((time.perf_counter(), step.value))
        shown_before(step, *args, **kwargs)

    shell.show_step = show_step
    return watch


def _screen_times(
    rig: Rig, watch: Any, marks: list[tuple[float, str]]
) -> dict[str, tuple[float, float]]:
    """Own work (ms) per transition of one booking, from the taps and paints recorded: the
    time less the service's, and the UI thread's CPU time in between."""
    assert rig.client is not None
    out: dict[str, tuple[float, float]] = {}
    # A screen may paint just after the driver saw its step come, and the driver's next mark:
    # each window ends at the first tap after the next mark.
    ends = [next((t for t in watch.taps if t >= m), m) for m, _ in marks[1:]]
    ends.append(time.perf_counter())
    for (t_mark, label), t_next in zip(marks, ends, strict=True):
        target = TAP_LABELS_TARGET.get(label)
        if target is None:  # a change within a screen (the privacy notice closing)
            continue
        tap = next((t for t in watch.taps if t_mark <= t < t_next), None)
        if tap is None:
            continue
        # Not before the shell was told to show the screen (a paint of it before that, as the
        # screens slide, is not the screen shown).
        told = next((t for t, step in watch.shown if step == target and t >= tap), tap)
        shown = _first_paint(watch, target, told, t_next)
        # A paint while a call is still out (the screen under the busy veil) is not the next
        # screen: take the first paint after the calls begun since the tap have answered.
        while shown is not None:
            _waited, answered = rig.client.waiting_within(tap, shown)
            if answered <= shown:
                break
            shown = _first_paint(watch, target, answered, t_next)
        if shown is None:
            continue
        waited, _ = rig.client.waiting_within(tap, shown)
        out[label] = ((shown - tap - waited) * 1000, (watch.cpu[shown] - watch.cpu[tap]) * 1000)
        if target == "print":  # then, with no tap, the slip printed and the last screen
            done = _first_paint(watch, "done", shown, t_next)
            if done is not None:
                waited, _ = rig.client.waiting_within(shown, done)
                cpu = watch.cpu[done] - watch.cpu[shown]
                out["print→done"] = ((done - shown - waited) * 1000, cpu * 1000)
    return out


def _first_paint(watch: Any, target: str, after: float, before: float) -> float | None:
    return next((t for t, name in watch.paints if name == target and after <= t <= before), None)


def _rss_mb() -> float:
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


def _qobjects(rig: Rig) -> dict[str, int]:
    """Live QObjects: the trees of the application and of every top-level widget, and the
    Python wrappers of QObjects the garbage collector knows."""
    from PySide6.QtCore import QCoreApplication, QEvent, QObject
    from PySide6.QtWidgets import QApplication

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    app = rig.kiosk.app
    roots = [app, *QApplication.topLevelWidgets()]
    tree = sum(1 + len(r.findChildren(QObject)) for r in roots)
    wrappers = sum(1 for o in gc.get_objects() if isinstance(o, QObject))
    return {"tree": tree, "wrappers": wrappers, "widgets": len(QApplication.allWidgets())}


def _sample(rig: Rig) -> dict[str, Any]:
    counts = _qobjects(rig)
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)  # what is free goes back: RSS is what is held
    except OSError:
        pass
    return {"bookings": rig.bookings, "rss_mb": round(_rss_mb(), 2), **counts}


def _stall(rig: Rig, who: Any, delay_s: float) -> dict[str, Any]:
    from PySide6.QtCore import QTimer

    assert rig.link is not None
    ticks: list[float] = []
    looks: list[tuple[float, float]] = []
    finger = rig.citizen.finger
    plain_look = finger.look

    def timed_look(*args: Any, **kwargs: Any) -> Any:
        t0 = time.perf_counter()
        try:
            return plain_look(*args, **kwargs)
        finally:
            looks.append((t0, time.perf_counter()))

    plain_tap = finger.tap_at

    def tap_and_let_go(*args: Any, **kwargs: Any) -> Any:
        # The driver types a run of keys without turning the event loop between them, so a
        # whole word would count as one gap; a person's taps are a tenth of a second apart at
        # the least, and the loop turns in between.
        from PySide6.QtTest import QTest

        hit = plain_tap(*args, **kwargs)
        QTest.qWait(1)
        return hit

    timer = QTimer()
    timer.setInterval(10)
    cpu: list[float] = []

    def tick() -> None:
        ticks.append(time.perf_counter())
        cpu.append(time.thread_time())

    timer.timeout.connect(tick)
    rig.link.delay_s = delay_s
    finger.look = timed_look
    finger.tap_at = tap_and_let_go
    marks: list[tuple[float, str]] = []
    timer.start()
    try:
        rig.book(who, lambda label: marks.append((time.perf_counter(), label)))
    finally:
        timer.stop()
        finger.look = plain_look
        finger.tap_at = plain_tap
        rig.link.delay_s = 0.0
    raw: list[float] = []
    own: list[float] = []
    worst: list[tuple[float, str]] = []
    # The UI thread's CPU time in each gap: its own work, against a core it waited for.
    busy = [(y - x) * 1000 for x, y in itertools.pairwise(cpu)]
    for a, b in itertools.pairwise(ticks):
        gap = b - a
        driver = sum(max(0.0, min(b, y) - max(a, x)) for x, y in looks)
        raw.append(gap * 1000)
        own.append((gap - driver) * 1000)
        t_mark, after = next(((t, lb) for t, lb in reversed(marks) if t <= a), (a, "start"))
        worst.append((own[-1], f"{after} +{(a - t_mark) * 1000:.0f} ms"))
    worst.sort(reverse=True)
    return {
        "delay_s": delay_s,
        "ticks": len(ticks),
        "max_gap_ms": round(max(own), 1),
        "max_gap_with_driver_ms": round(max(raw), 1),
        "p99_gap_ms": round(_quantile(own, 0.99), 1),
        "max_gap_cpu_ms": round(max(busy), 1),
        "cpu_of_max_gap_ms": round(busy[own.index(max(own))], 1),
        "worst": [f"{ms:.0f} ms after {where}" for ms, where in worst[:4]],
    }


def _summary(values: list[tuple[float, float]]) -> dict[str, Any]:
    wall = [w for w, _ in values]
    cpu = [c for _, c in values]
    return {
        "n": len(values),
        "median_ms": round(statistics.median(wall), 1),
        "p95_ms": round(_quantile(wall, 0.95), 1),
        "cpu_median_ms": round(statistics.median(cpu), 1),
        "cpu_p95_ms": round(_quantile(cpu, 0.95), 1),
    }


def _quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def run(screens: int, soak: tuple[int, int] | None, stall_delay_s: float | None) -> dict[str, Any]:
    """`screens` bookings measured after one to warm up; the soak sampled after soak[0] and
    soak[1] bookings in all; one booking with `stall_delay_s` per request, last."""
    result: dict[str, Any] = {}
    people = citizens(start=int(time.time()) % 50_000)
    rig = Rig().start()
    try:
        rig.book(next(people))  # warm-up: first paints, lazy imports, caches
        if screens:
            watch = _watcher(rig)
            per_step: dict[str, list[tuple[float, float]]] = {}
            for _ in range(screens):
                marks: list[tuple[float, str]] = []

                def mark(label: str, marks: list[tuple[float, str]] = marks) -> None:
                    marks.append((time.perf_counter(), label))

                watch.taps.clear()
                watch.paints.clear()
                watch.shown.clear()
                watch.recording = True
                rig.book(next(people), mark)
                rig.citizen.wait_until(
                    lambda: any(n == "welcome" and t > watch.taps[-1] for t, n in watch.paints),
                    what="the welcome screen painted",
                )
                watch.recording = False
                for label, ms in _screen_times(rig, watch, marks).items():
                    per_step.setdefault(label, []).append(ms)
            result["screens"] = {label: _summary(v) for label, v in per_step.items()}
        if soak is not None:
            first, last = soak
            samples = []
            try:
                while rig.bookings < last:
                    if rig.bookings == first:
                        samples.append(_sample(rig))
                    rig.book(next(people))
                samples.append(_sample(rig))
            except Exception as exc:
                # Say where the citizen got stuck, with a picture of the screen, and keep the
                # samples taken so far.
                shot = Path(tempfile.gettempdir()) / "kiosk-bench-stuck.png"
                rig.kiosk.shell.grab().save(str(shot))
                result["soak_stuck"] = f"booking {rig.bookings + 1}: {exc} (screen: {shot})"
            result["soak"] = samples
        if stall_delay_s is not None:
            result["stall"] = _stall(rig, next(people), stall_delay_s)
        result["bookings"] = rig.bookings
    finally:
        rig.close()
    return result


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.kiosk_bench")
    parser.add_argument("--screens", type=int, default=0, help="bookings to time the screens")
    parser.add_argument("--soak", type=int, nargs=2, metavar=("N1", "N2"), default=None)
    parser.add_argument("--stall-delay", type=float, default=None, help="seconds per request")
    args = parser.parse_args(argv)
    soak = (args.soak[0], args.soak[1]) if args.soak else None
    result = run(args.screens, soak, args.stall_delay)
    print("BENCH-RESULT " + json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    import logging

    logging.disable(logging.WARNING)  # the kiosk's own log would interleave with the result
    sys.exit(main(sys.argv[1:]))
