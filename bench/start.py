"""Start: process start to the welcome screen painted and ready for a tap, against a bare
PySide6 window shown by the same Python; the two programs started one after the other, in
turn, offscreen (bench/start_child.py).

The kiosk runs as `kiosk --config FILE run` against a turn service already started beside it
(the embedded demo service in this process, on loopback) with the file printer: its settings
are written for the run. The embedded demo service's own start (`kiosk demo`) is not counted:
a kiosk in the field talks to a service that is already up.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.profile import SERVICE_PROFILE

ROOT = Path(__file__).resolve().parent.parent
PYCACHE = Path(tempfile.gettempdir()) / "kiosk-bench-pycache"


def _settings(path: Path, url: str, token: str, slips: Path) -> None:
    path.write_text(
        "[service]\n"
        f'url = "{url}"\n'
        f'kiosk_token = "{token}"\n'
        "[printer]\n"
        'backend = "file"\n'
        f'output_dir = "{slips}"\n'
    )


def _time(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds from the process's start to its "painted" line, and the CPU seconds (user +
    system) it used in all: on a busy machine the second says more about our own work."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, cwd=ROOT, text=True
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - t0
    _pid, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    proc.stdout.close()
    if line.strip() != "painted":
        raise RuntimeError(f"{cmd[3]} did not report its first paint (exit {proc.returncode})")
    return elapsed, usage.ru_utime + usage.ru_stime


def run(quick: bool, rounds: int | None = None) -> dict[str, Any]:
    from kiosk.tour.offscreen import offscreen_platform
    from turnos.embedded import start_embedded

    rounds = rounds or (5 if quick else 15)
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-start-") as tmp:
        work = Path(tmp)
        service = start_embedded(work / "service", demo=True, **SERVICE_PROFILE)
        try:
            config = work / "kiosk.toml"
            _settings(config, service.url, service.credentials["kiosk_token"], work / "slips")
            env = dict(os.environ)
            env["QT_QPA_PLATFORM"] = offscreen_platform(work)
            env.pop("KIOSK_CONFIG", None)
            # As installed: compiled bytecode kept between runs (here in a folder of its own,
            # not beside the sources), written by the warm-up runs below.
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
            python = [sys.executable, "-m", "bench.start_child"]
            bare_cmd = [*python, "bare"]
            kiosk_cmd = [*python, "kiosk", "--config", str(config), "run"]
            _time(bare_cmd, env)  # warm the file cache for both
            _time(kiosk_cmd, env)
            ours: list[tuple[float, float]] = []
            base: list[tuple[float, float]] = []
            for _ in range(rounds):
                base.append(_time(bare_cmd, env))
                ours.append(_time(kiosk_cmd, env))
        finally:
            service.stop()

    def median_ratio(i: int) -> float:
        return round(statistics.median(a[i] / b[i] for a, b in zip(ours, base, strict=True)), 3)

    return {
        "kiosk_ms": round(statistics.median(a for a, _ in ours) * 1e3, 1),
        "bare_ms": round(statistics.median(b for b, _ in base) * 1e3, 1),
        "ratio": median_ratio(0),
        "kiosk_cpu_ms": round(statistics.median(c for _, c in ours) * 1e3, 1),
        "bare_cpu_ms": round(statistics.median(c for _, c in base) * 1e3, 1),
        "cpu_ratio": median_ratio(1),
        "rounds": rounds,
    }
