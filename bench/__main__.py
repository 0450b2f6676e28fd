"""python -m bench [--quick] [--json FILE] [names...]: run the benchmarks, print one table.

Every figure is a ratio against a baseline run beside it in the same run, or a latency of the
kiosk's own work measured in-process (bench/README.md). Exits 0 whatever the figures say: the
table marks each against its target.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench import micro, start

NAMES = ("start", "screens", "stall", "slip", "token", "soak", "service")
KIOSK_PARTS = ("screens", "stall", "soak")
ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Plan:
    start_rounds: int
    screens: int  # bookings timed
    soak: tuple[int, int]  # bookings in all at the two samples
    stall_delay_s: float
    quick: bool


FULL = Plan(start_rounds=15, screens=20, soak=(100, 1000), stall_delay_s=2.0, quick=False)
QUICK = Plan(start_rounds=5, screens=5, soak=(10, 30), stall_delay_s=2.0, quick=True)
#: Plumbing only (tests/test_bench_smoke.py): every part runs once, the figures mean little.
TINY = Plan(start_rounds=1, screens=1, soak=(0, 1), stall_delay_s=0.2, quick=True)


def run_kiosk_parts(parts: list[str], plan: Plan) -> dict[str, Any]:
    """screens, stall and soak in one kiosk process of their own (bench/kiosk_bench.py)."""
    cmd = [sys.executable, "-m", "bench.kiosk_bench"]
    if "screens" in parts:
        cmd += ["--screens", str(plan.screens)]
    if "soak" in parts:
        # The warm-up and the screens' bookings come first: the soak counts from there.
        done = 1 + (plan.screens if "screens" in parts else 0)
        cmd += ["--soak", str(done + plan.soak[0]), str(done + plan.soak[1])]
    if "stall" in parts:
        cmd += ["--stall-delay", str(plan.stall_delay_s)]
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, env=env, check=False)
    for line in proc.stdout.splitlines():
        if line.startswith("BENCH-RESULT "):
            result: dict[str, Any] = json.loads(line.removeprefix("BENCH-RESULT "))
            return result
    tail = (proc.stderr.strip() or proc.stdout.strip()).splitlines()[-5:]
    raise RuntimeError(f"the kiosk benchmark failed (exit {proc.returncode}): " + " | ".join(tail))


def run_service(quick: bool) -> list[dict[str, Any]] | None:
    """The service benchmark (bench/service.py, its own module); None if it is not there."""
    try:
        from bench import service
    except ImportError:
        return None
    rows: list[dict[str, Any]] = service.run(quick)
    return rows


def collect(names: list[str], plan: Plan) -> dict[str, Any]:
    out: dict[str, Any] = {"quick": plan.quick, "load_1min_before": os.getloadavg()[0]}
    errors: dict[str, str] = {}
    started = time.monotonic()
    parts = [n for n in KIOSK_PARTS if n in names]

    def attempt(name: str, fn: Any) -> Any:
        try:
            return fn()
        except Exception as exc:  # one broken benchmark must not hide the others' figures
            errors[name] = f"{type(exc).__name__}: {exc}"
            return None

    if "slip" in names:
        slip = attempt("slip", lambda: micro.slip(plan.quick))
        if slip is not None:
            out["slip"] = slip
            out["slip_ratio"] = slip["pdf"]["ratio"]
            out["escpos_ms"] = slip["escpos_image"]["ours_ms"]
    if "token" in names:
        token = attempt("token", lambda: micro.token(plan.quick))
        if token is not None:
            out["token"] = token
            out["token_ratio"] = token["ratio"]
    if "start" in names:
        st = attempt("start", lambda: start.run(plan.quick, plan.start_rounds))
        if st is not None:
            out["start"] = st
            out["start_ratio"] = st["ratio"]
    if parts:
        kiosk = attempt(",".join(parts), lambda: run_kiosk_parts(parts, plan))
        if kiosk is not None:
            _kiosk_figures(out, kiosk)
    if "service" in names:
        rows = attempt("service", lambda: run_service(plan.quick))
        out["service"] = rows if rows is not None else "not run"
    out["load_1min_after"] = os.getloadavg()[0]
    out["seconds"] = round(time.monotonic() - started, 1)
    if errors:
        out.setdefault("errors", {}).update(errors)
    return out


def _kiosk_figures(out: dict[str, Any], kiosk: dict[str, Any]) -> None:
    if "screens" in kiosk:
        out["screens"] = kiosk["screens"]
        out["screen_p95_ms"] = max(s["p95_ms"] for s in kiosk["screens"].values())
        out["screen_median_ms"] = max(s["median_ms"] for s in kiosk["screens"].values())
        out["screen_cpu_p95_ms"] = max(s["cpu_p95_ms"] for s in kiosk["screens"].values())
    if "stall" in kiosk:
        out["stall"] = kiosk["stall"]
        out["stall_max_ms"] = kiosk["stall"]["max_gap_ms"]
        out["stall_max_cpu_ms"] = kiosk["stall"]["max_gap_cpu_ms"]
    if "soak_stuck" in kiosk:
        out.setdefault("errors", {})["soak"] = kiosk["soak_stuck"]
    if len(kiosk.get("soak", [])) == 2:
        first, last = kiosk["soak"][0], kiosk["soak"][-1]
        out["soak"] = kiosk["soak"]
        out["soak_rss_growth_mb"] = round(last["rss_mb"] - first["rss_mb"], 2)
        out["soak_qobject_growth"] = last["tree"] - first["tree"]


def table(res: dict[str, Any]) -> str:
    rows: list[tuple[str, str, str, str]] = []

    def add(name: str, figure: str, target: str, met: bool | None) -> None:
        rows.append((name, figure, target, "" if met is None else ("met" if met else "NOT met")))

    if "start" in res:
        s = res["start"]
        add(
            "start",
            f"{s['ratio']:.2f}×  ({s['kiosk_ms']:.0f} ms vs bare window {s['bare_ms']:.0f} ms)",
            "≤ 1.5×",
            s["ratio"] <= 1.5,
        )
    if "screens" in res:
        worst = max(res["screens"].items(), key=lambda kv: kv[1]["p95_ms"])
        add(
            "screens",
            f"p95 {res['screen_p95_ms']:.1f} ms (worst: {worst[0]}), "
            f"median ≤ {res['screen_median_ms']:.1f} ms; UI-thread CPU p95"
            f" {res['screen_cpu_p95_ms']:.1f} ms",
            "p95 < 50 ms",
            res["screen_p95_ms"] < 50,
        )
        for label, v in res["screens"].items():
            add(
                f"  {label}",
                f"median {v['median_ms']:.1f} ms, p95 {v['p95_ms']:.1f} ms"
                f" (CPU {v['cpu_median_ms']:.1f}, {v['cpu_p95_ms']:.1f})",
                "",
                None,
            )
    if "stall" in res:
        st = res["stall"]
        add(
            "stall",
            f"largest gap {st['max_gap_ms']:.1f} ms of a 10 ms timer, calls {st['delay_s']} s"
            f" (with the driver's looks: {st['max_gap_with_driver_ms']:.1f} ms); the UI"
            f" thread's CPU in it {st['cpu_of_max_gap_ms']:.1f} ms, in any gap at most"
            f" {st['max_gap_cpu_ms']:.1f} ms",
            "< 50 ms",
            st["max_gap_ms"] < 50,
        )
    if "slip" in res:
        p = res["slip"]["pdf"]
        add(
            "slip",
            f"{p['ratio']:.2f}×  ({p['ours_ms']:.1f} ms vs bare page {p['baseline_ms']:.1f} ms)",
            "≤ 1.5×",
            p["ratio"] <= 1.5,
        )
        e, n = res["slip"]["escpos_image"], res["slip"]["escpos_native"]
        add("escpos", f"{e['ours_ms']:.1f} ms (QR image), {n['ours_ms']:.1f} ms (native)", "", None)
    if "token" in res:
        t = res["token"]
        add(
            "token",
            f"{t['ratio']:.2f}×  ({t['ours_ms']:.3f} vs {t['baseline_ms']:.3f} ms)",
            "",
            None,
        )
    if "soak_rss_growth_mb" in res:
        a, b = res["soak"][0], res["soak"][-1]
        add(
            "soak",
            f"{a['bookings']}→{b['bookings']} bookings: RSS {res['soak_rss_growth_mb']:+.1f} MB"
            f" ({a['rss_mb']:.0f}→{b['rss_mb']:.0f}), QObjects {a['tree']}→{b['tree']}",
            "< 5 MB, +0",
            res["soak_rss_growth_mb"] < 5 and res["soak_qobject_growth"] <= 0,
        )
    if "service" in res:
        svc = res["service"]
        if not isinstance(svc, list):
            add("service", "not run (bench/service.py missing)", "", None)
        else:
            for r in svc:
                add(
                    f"service {r.get('db')} p{r.get('processes')} c{r.get('clients')}",
                    f"{r.get('bookings_per_s', 0):.1f}/s ({r.get('ratio', 0):.2f}× bare"
                    f" {r.get('baseline_per_s', 0):.0f}/s) p50 {r.get('p50_ms', 0):.0f} ms"
                    f" p99 {r.get('p99_ms', 0):.0f} ms err {r.get('errors')}"
                    f" dbl {r.get('double_bookings')}",
                    "",
                    None,
                )
    for name, err in res.get("errors", {}).items():
        add(name, f"FAILED: {err[:200]}", "", None)  # whole in the JSON
    widths = [max(len(r[i]) for r in rows) if rows else 0 for i in range(4)]
    lines = [
        "  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)).rstrip() for r in rows
    ]
    lines.append(
        f"(1-minute load {res['load_1min_before']:.2f} before, {res['load_1min_after']:.2f}"
        f" after; {res['seconds']:.0f} s)"
    )
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer rounds: within 5 minutes")
    parser.add_argument("--tiny", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--json", type=Path, default=None, metavar="FILE")
    parser.add_argument("names", nargs="*", metavar="NAME", help=f"of {', '.join(NAMES)}")
    args = parser.parse_args(argv)
    unknown = [n for n in args.names if n not in NAMES]
    if unknown:
        parser.error(f"unknown benchmark {', '.join(unknown)} (choose from {', '.join(NAMES)})")
    names = list(args.names) or list(NAMES)
    plan = TINY if args.tiny else QUICK if args.quick else FULL
    result = collect(names, plan)
    print(table(result))
    if args.json is not None:
        args.json.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
