"""In-process benchmarks of pure code: the slip (PDF and ESC/POS) and the confirmation token.

Each times the project's code and a baseline beside it, interleaved round by round, after one
warm-up call of each (caches, lazy imports), and reports the ratio of their medians.
"""

from __future__ import annotations

import io
import statistics
import time
from collections.abc import Callable
from typing import Any


def interleaved(
    ours: Callable[[], object], baseline: Callable[[], object] | None, rounds: int
) -> dict[str, float]:
    """Medians (ms) of `ours` and `baseline`, timed one after the other `rounds` times."""
    ours()
    if baseline is not None:
        baseline()
    a: list[float] = []
    b: list[float] = []
    for _ in range(rounds):
        for fn, out in ((ours, a), (baseline, b)):
            if fn is None:
                continue
            t0 = time.perf_counter()
            fn()
            out.append(time.perf_counter() - t0)
    result = {"ours_ms": round(statistics.median(a) * 1e3, 3)}
    if b:
        result["baseline_ms"] = round(statistics.median(b) * 1e3, 3)
        result["ratio"] = round(statistics.median(a) / statistics.median(b), 3)
    return result


def slip(quick: bool) -> dict[str, Any]:
    """Booking data to PDF bytes with the QR, against a bare reportlab page with the same QR
    image; and the same booking to ESC/POS bytes (no baseline: its time)."""
    import qrcode
    from reportlab.lib.units import mm
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    from kiosk.printing.content import build_content
    from kiosk.printing.escpos_job import QrMode, compose_escpos
    from kiosk.printing.paper import parse_paper
    from kiosk.printing.sample import sample_slip
    from kiosk.printing.slip import render_slip

    data = sample_slip()
    paper = parse_paper("80mm")

    def ours() -> object:
        return render_slip(data, paper)

    def baseline() -> object:
        buf = io.BytesIO()
        c = canvas.Canvas(buf, pagesize=(80 * mm, 150 * mm))
        c.drawString(5 * mm, 140 * mm, "Confirmacion del Turno")
        img = qrcode.make(data.token, error_correction=qrcode.constants.ERROR_CORRECT_Q)
        png = io.BytesIO()
        img.save(png)
        png.seek(0)
        c.drawImage(ImageReader(png), 10 * mm, 10 * mm, 60 * mm, 60 * mm)
        c.showPage()
        c.save()
        return buf.getvalue()

    def escpos_image() -> object:
        return compose_escpos(build_content(data), paper, qr_mode=QrMode.IMAGE)

    def escpos_native() -> object:
        return compose_escpos(build_content(data), paper, qr_mode=QrMode.NATIVE)

    rounds = 8 if quick else 30
    pdf = interleaved(ours, baseline, rounds)
    return {
        "pdf": pdf,
        "escpos_image": interleaved(escpos_image, None, rounds),
        "escpos_native": interleaved(escpos_native, None, rounds),
    }


def token(quick: bool) -> dict[str, Any]:
    """encode + verify of a confirmation token, against a raw Ed25519 sign + verify."""
    import cbor2
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from kiosk.domain.token import Claims, KeySet, PublicKey, encode, kid_for, verify

    key = Ed25519PrivateKey.generate()
    public = key.public_key()
    keys = KeySet((PublicKey(kid_for(public), public, None, None),))
    now = 1_800_000_000
    claims = Claims(
        issuer="turnos",
        issued_at=now,
        expires_at=now + 86_400,
        booking_id=bytes(range(8)),
        turn_code="CP-042",
        agency_id=901,
        procedure_code="CLAVE_PATRONAL",
        turn_start=now + 3_600,
        masked_id="17******90",
    )
    payload = cbor2.dumps({1: "turnos", 4: now + 86_400, 6: now}, canonical=True)

    def ours() -> object:
        return verify(encode(claims, key), keys, now)

    def baseline() -> object:
        public.verify(key.sign(payload), payload)
        return payload

    return interleaved(ours, baseline, 60 if quick else 300)
