"""Run the benchmarks: each times the project's code and a baseline, interleaved, and prints
the ratio of medians (see bench/README.md)."""

from __future__ import annotations

import io
import statistics
import sys
import time
from collections.abc import Callable

Bench = tuple[str, Callable[[], object], Callable[[], object]]


def _slip() -> Bench:
    import qrcode
    from reportlab.lib.units import mm
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

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

    return "slip", ours, baseline


def _token() -> Bench:
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

    return "token", ours, baseline


BENCHES: dict[str, Callable[[], Bench]] = {"slip": _slip, "token": _token}


def measure(ours: Callable[[], object], baseline: Callable[[], object], rounds: int) -> str:
    ours()
    baseline()  # warm caches and lazy imports before timing
    a: list[float] = []
    b: list[float] = []
    for _ in range(rounds):
        for fn, out in ((ours, a), (baseline, b)):
            t0 = time.perf_counter()
            fn()
            out.append(time.perf_counter() - t0)
    ma, mb = statistics.median(a), statistics.median(b)
    return f"ours {ma * 1e3:8.2f} ms  baseline {mb * 1e3:8.2f} ms  ratio {ma / mb:6.2f}"


def main(argv: list[str]) -> int:
    names = argv or list(BENCHES)
    for name in names:
        label, ours, baseline = BENCHES[name]()
        rounds = 30 if name == "slip" else 300
        print(f"{label:6s} {measure(ours, baseline, rounds)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
