"""The benchmark runner's plumbing on its tiniest settings, so that the benchmarks do not rot.

No timing is asserted (these machines are shared and noisy): only that every part runs to the
end and reports its figures in the shape bench/README.md describes.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bench.__main__ import TINY, collect, table
from bench.profile import SERVICE_PROFILE, citizens
from kiosk.domain.ids import is_valid_cedula

ROOT = Path(__file__).resolve().parent.parent


def test_bench_profile_citizens_are_distinct_and_valid() -> None:
    people = [p for p, _ in zip(citizens(), range(500), strict=False)]
    assert all(is_valid_cedula(p.cedula) for p in people)
    assert len({p.cedula for p in people}) == len({p.email for p in people}) == 500
    assert len({p.phone for p in people}) == 500
    # The profile raises the kiosk's own budgets only: no citizen or contact limit in it.
    assert all(name.startswith(("kiosk_", "rate_")) for name in SERVICE_PROFILE)


def test_slip_and_token_report_ratios_in_the_table() -> None:
    result = collect(["slip", "token"], TINY)
    assert "errors" not in result, result.get("errors")
    assert result["slip_ratio"] > 0
    assert result["token_ratio"] > 0
    assert result["escpos_ms"] > 0
    text = table(result)
    assert "slip" in text
    assert "escpos" in text
    assert "token" in text


@pytest.mark.slow
def test_start_and_kiosk_parts_run_through_the_command(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "bench",
            "--tiny",
            "--json",
            str(out),
            "start",
            "screens",
            "stall",
            "soak",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    result = json.loads(out.read_text())
    assert "errors" not in result, result.get("errors")
    for key in (
        "start_ratio",
        "screen_p95_ms",
        "stall_max_ms",
        "soak_rss_growth_mb",
        "soak_qobject_growth",
    ):
        assert isinstance(result[key], int | float), key
    assert result["start"]["rounds"] == 1
    assert "identify→contact" in result["screens"]
    assert result["stall"]["ticks"] > 0
    assert [s["bookings"] for s in result["soak"]] == [2, 3]
    assert "start" in proc.stdout
    assert "soak" in proc.stdout


WELCOME_ONLY = """
import sys
import kiosk.app
from kiosk.app import application, assemble, client_for
from kiosk.config import load_settings
from kiosk.printing.factory import printer_from_settings
settings = load_settings(environ={"KIOSK_SERVICE__URL": "http://127.0.0.1:9"})
app = application()
kiosk = assemble(
    settings, app, client_for(settings, "http://127.0.0.1:9", None),
    printer_from_settings(settings.printer), fullscreen=True,
)
print(sorted(m for m in ("reportlab", "qrcode", "escpos") if m in sys.modules))
kiosk.close()
"""


def test_the_welcome_screen_is_built_without_reportlab_or_the_qr_encoder() -> None:
    """What the start benchmark found: the slip's libraries load after the first paint."""
    done = subprocess.run(
        [sys.executable, "-c", WELCOME_ONLY],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
        cwd=ROOT,
    )
    assert done.stdout.strip().splitlines()[-1] == "[]"
