"""`kiosk tour` as a newcomer runs it: a quiet console that ends by saying where things went."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.tour import TOUR_CEDULA, TOUR_EMAIL, TOUR_PHONE
from tests.printing.raster import pdf_length_mm

pytestmark = pytest.mark.slow

KIOSK = Path(sys.executable).with_name("kiosk")


def test_tour_prints_where_things_went_and_logs_to_a_file(tmp_path: Path) -> None:
    out = tmp_path / "tour"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}  # as scripts/demo runs it
    env.pop("KIOSK_CONFIG", None)
    done = subprocess.run(
        [str(KIOSK), "tour", "--out", str(out)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stderr == ""  # no log lines, no Qt chatter: they are in tour.log
    lines = done.stdout.splitlines()
    assert lines[0] == "kiosk tour: booking completed (portrait, es)"
    assert any(line.split() == ["slip:", str(out / "slip.pdf")] for line in lines)
    assert any(line.split() == ["summary:", str(out / "summary.json")] for line in lines)
    assert any(line.split() == ["log:", str(out / "tour.log")] for line in lines)
    assert len(lines) == 5

    summary = json.loads((out / "summary.json").read_text())
    assert summary["completed"]
    names = [name.split("-", 1)[1].removesuffix(".png") for name in summary["screens"]]
    # The idle warning and the out-of-service screen are reached for real, on the way.
    assert names.index("done") < names.index("idle-warning") < names.index("out-of-service")
    assert names[-1] == "printer-fallback"
    for name in summary["screens"]:
        assert (out / name).read_bytes().startswith(b"\x89PNG")
    slip = (out / "slip.pdf").read_bytes()
    assert slip.startswith(b"%PDF")
    # The summary says how much paper the turn took, as measured from the PDF printed: a
    # cédula holder's slip on the default 80 mm roll.
    assert summary["slip_mm"] == pytest.approx(pdf_length_mm(slip), abs=0.05)
    assert 100.0 < summary["slip_mm"] <= 200.0

    log = (out / "tour.log").read_text()
    assert "printing failed" in log  # the staged printer failure, logged but not shown
    assert "reachable again" in log  # the kiosk came back by itself
    for secret in (TOUR_CEDULA, TOUR_EMAIL, TOUR_PHONE):
        assert secret not in log
