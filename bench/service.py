"""The service benchmark: bookings per second and p50/p99 latency of `turnos serve` under 10, 50
and 200 concurrent clients on loopback, SQLite and PostgreSQL, one and several processes, beside
two baselines under the same uvicorn settings and load (`bench.service_baselines`): a bare
endpoint answering small JSON (the ceiling) and a bare booking (one transaction).

    .venv/bin/python -m bench.service [--quick] [--json FILE]

A booking is POST /v1/holds then POST /v1/bookings (what a kiosk does to book a slot), timed
together. The load is the declared bench profile `BENCH_PROFILE`: its own kiosk tokens (one per
client, issued with `turnos tokens issue kiosk`) with budgets raised by settings, distinct
citizens (valid cédulas) and email addresses, sessions prepared before the timed phase. After
each run, double bookings are counted in the database. PostgreSQL: a database of its own,
`bench_service` on TURNOS_BENCH_PG (default postgresql+psycopg://postgres@127.0.0.1:5432).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import multiprocessing
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

import requests

ROOT = Path(__file__).resolve().parent.parent
PG_SERVER = os.environ.get("TURNOS_BENCH_PG", "postgresql+psycopg://postgres@127.0.0.1:5432")
PG_DB = "bench_service"

#: The bench profile: limits a country's worth of kiosks booking flat out would need, set
#: through the service's settings (never switched off in code). The per-citizen and per-contact
#: limits stay as shipped: every booking has a citizen and an email of its own.
BENCH_PROFILE = {
    "TURNOS_RATE_PER_MINUTE": "60000",
    "TURNOS_RATE_BURST": "1000",
    "TURNOS_KIOSK_BOOKINGS_PER_HOUR": "360000",
    "TURNOS_KIOSK_BOOKINGS_BURST": "1000",
    "TURNOS_KIOSK_EMAIL_SENDS_PER_HOUR": "360000",
    "TURNOS_KIOSK_EMAIL_SENDS_BURST": "1000",
    "TURNOS_KIOSK_LOOKUPS_PER_HOUR": "360000",
    "TURNOS_KIOSK_LOOKUPS_BURST": "1000",
}
LOAD_PROCESSES = 2
# Sessions prepared per run: enough for this rate over the whole timed phase.
EXPECTED_PER_S = {"sqlite": 40, "postgresql": 40}
BASELINE_SLOTS, BASELINE_CAPACITY = 20_000, 3


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def cedula(n: int) -> str:
    """A valid cédula (province 01-24, third digit 0-5, check digit), distinct for each n."""
    body = f"{n % 24 + 1:02d}{n % 6}{n % 1_000_000:06d}"
    total = 0
    for i, ch in enumerate(body):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return body + str((10 - total % 10) % 10)


def _pg_admin(sql: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(f"{PG_SERVER}/postgres", isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(sql))
    engine.dispose()


def fresh_database(db: str, data_dir: Path) -> str | None:
    """The database URL of a new, empty database for one run (None: SQLite in data_dir)."""
    if db == "sqlite":
        return None
    _pg_admin(f"DROP DATABASE IF EXISTS {PG_DB} WITH (FORCE)")
    _pg_admin(f"CREATE DATABASE {PG_DB}")
    return f"{PG_SERVER}/{PG_DB}"


def _env(data_dir: Path, url: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TURNOS_")}
    env.update(BENCH_PROFILE)
    env["TURNOS_DATA_DIR"] = str(data_dir)
    env["PYTHONPATH"] = str(ROOT)
    if url:
        env["TURNOS_DATABASE_URL"] = url
    return env


@contextlib.contextmanager
def server(argv: list[str], env: dict[str, str], port: int, log: Path, health: str) -> Any:
    with log.open("ab") as out:
        proc = subprocess.Popen(
            argv,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            cwd=env.get("PYTHONPATH", str(ROOT)),
        )
    try:
        deadline = time.monotonic() + 90
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"server exited: {log.read_text()[-1500:]}")
            try:
                if requests.get(f"http://127.0.0.1:{port}{health}", timeout=1).ok:
                    break
            except requests.RequestException:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("server did not start")
            time.sleep(0.1)
        yield proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def issue_tokens(data_dir: Path, url: str | None, count: int) -> list[str]:
    """Kiosk tokens of the bench profile, through `turnos tokens issue kiosk`."""
    from turnos import cli

    tokens = []
    base = ["--data-dir", str(data_dir)] + (["--database-url", url] if url else [])
    for i in range(count):
        out = io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
            code = cli.main(["tokens", "issue", "kiosk", "--name", f"BENCH-{i:03d}", *base])
        if code != 0:
            raise RuntimeError("turnos tokens issue failed")
        tokens.append(json.loads(out.getvalue())["token"])
    return tokens


def free_places(port: int, token: str, wanted: int) -> list[str]:
    """Slot ids of the demo catalogue, one entry per free place, from tomorrow on."""
    import datetime as dt

    auth = {"Authorization": f"Bearer {token}"}
    base = f"http://127.0.0.1:{port}/v1"
    http = requests.Session()
    catalog = http.get(f"{base}/catalog", headers=auth, timeout=30).json()
    places: list[str] = []
    day = dt.date.today()
    pairs = [(a["id"], p) for a in catalog["agencies"] for p in a["procedures"]]
    while len(places) < wanted:
        day += dt.timedelta(days=1)
        for agency, procedure in pairs:
            code = procedure if isinstance(procedure, str) else procedure["code"]
            params = {"agency": agency, "procedure": code, "date": day.isoformat()}
            r = http.get(f"{base}/slots", headers=auth, params=params, timeout=30)
            for s in r.json().get("slots", []):
                places += [s["id"]] * s["free_places"]
            if len(places) >= wanted:
                break
    return places


def _tree_cpu_s(pid: int) -> float:
    """CPU seconds (user + system) of a process and its children (uvicorn's workers)."""
    tick = os.sysconf("SC_CLK_TCK")
    children: dict[int, list[int]] = {}
    stats: dict[int, list[str]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # gone meanwhile
        stats[int(entry.name)] = fields
        children.setdefault(int(fields[1]), []).append(int(entry.name))
    total, todo = 0.0, [pid]
    while todo:
        p = todo.pop()
        if p in stats:
            total += (int(stats[p][11]) + int(stats[p][12])) / tick
        todo += children.get(p, [])
    return total


def run_load(specs: list[dict[str, Any]], server_pid: int | None = None) -> dict[str, Any]:
    """Run load processes; returns ready counts, preparation errors and merged results, and the
    server's CPU time per completed operation over the timed phase (robust on a busy machine)."""
    from bench import service_load

    mp = multiprocessing.get_context("spawn")
    pipes, procs = [], []
    for spec in specs:
        parent, child = mp.Pipe()
        proc = mp.Process(target=service_load.main, args=(child, spec))
        proc.start()
        pipes.append(parent)
        procs.append(proc)
    ready = [p.recv() for p in pipes]
    start = time.time() + 1.0
    if os.environ.get("BENCH_SERVICE_MARK"):  # for a profiler: the timed phase starts now
        Path(os.environ["BENCH_SERVICE_MARK"]).write_text(f"{start}\n")
    for p in pipes:
        p.send(start)
    duration = specs[0]["duration"]
    cpu = 0.0
    if server_pid is not None:
        time.sleep(max(0.0, start - time.time()))
        cpu = -_tree_cpu_s(server_pid)
        time.sleep(max(0.0, start + duration - time.time()))
        cpu += _tree_cpu_s(server_pid)
    results = [p.recv() for p in pipes]
    for proc in procs:
        proc.join(timeout=30)
    done = [d for r in results for d in r["done"]]
    in_window = [lat for at, lat in done if at <= start + duration]
    if any(r["left"] == 0 for r in results) and specs[0]["kind"] == "turnos" and done:
        # The sessions ran out before the deadline: the run lasted until the last booking.
        duration = min(duration, max(at for at, _ in done) - start)
    errors: Counter[str] = Counter()
    for r in results:
        errors.update(r["errors"])
    prep: Counter[str] = Counter()
    for r in ready:
        prep.update(r["prep_errors"])
    lat = sorted(in_window)
    # The rate of the second half: by then every client has been served a few times, so the
    # ramp (each client's first answer comes after one full latency) does not count.
    steady = [at for at, _ in done if start + duration / 2 <= at <= start + duration]
    return {
        "per_s": len(steady) / (duration / 2) if duration > 0 else 0.0,
        "p50_ms": statistics.median(lat) if lat else None,
        "p99_ms": lat[min(len(lat) - 1, int(len(lat) * 0.99))] if lat else None,
        "count": len(lat),
        "errors": dict(errors),
        "refused": sum(r["refused"] for r in results),
        "sessions": sum(r["ready"] for r in ready),
        "prep_errors": dict(prep),
        "seconds": round(duration, 2),
        "server_cpu_ms_per_op": round(cpu * 1000 / len(lat), 2) if lat and cpu else None,
    }


def _split(clients: int) -> list[int]:
    n = min(LOAD_PROCESSES, clients)
    return [clients // n + (1 if i < clients % n else 0) for i in range(n)]


def count_double_bookings(url: str | None, data_dir: Path) -> dict[str, int]:
    """Slots over capacity and citizens with two active turns of one procedure, in the DB."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url or f"sqlite:///{data_dir / 'turnos.db'}")
    with engine.connect() as conn:
        over = conn.execute(
            text(
                "SELECT count(*) FROM slots s WHERE s.taken > s.capacity OR s.capacity < "
                "(SELECT count(*) FROM bookings b WHERE b.slot_id = s.id AND b.state = 'active')"
            )
        ).scalar_one()
        twice = conn.execute(
            text(
                "SELECT count(*) FROM (SELECT citizen_key, procedure_code FROM bookings "
                "WHERE state = 'active' GROUP BY citizen_key, procedure_code "
                "HAVING count(*) > 1) t"
            )
        ).scalar_one()
        made = conn.execute(text("SELECT count(*) FROM bookings")).scalar_one()
        # Confirmations the outbox worker had not yet made and sent when the server stopped:
        # their CPU is not in cpu_ms_per_booking (a later start sends them).
        unsent = conn.execute(
            text("SELECT count(*) FROM outbox WHERE kind = 'booking' AND state = 'pending'")
        ).scalar_one()
    engine.dispose()
    return {
        "slots_over_capacity": int(over),
        "citizen_twice": int(twice),
        "bookings": int(made),
        "confirmations_unsent": int(unsent),
    }


def run_turnos(
    db: str, processes: int, clients: int, duration: float, work: Path
) -> dict[str, Any]:
    data_dir = work / f"turnos-{db}-{processes}-{clients}"
    data_dir.mkdir(parents=True)
    url = fresh_database(db, data_dir)
    env = _env(data_dir, url)
    # Another checkout's turnos (e.g. `git archive` of an older commit), to compare commits.
    env["PYTHONPATH"] = os.environ.get("BENCH_SERVICE_TURNOS_ROOT", str(ROOT))
    port = free_port()
    argv = [sys.executable, "-m", "turnos", "serve", "--demo", "--data-dir", str(data_dir)]
    argv += ["--port", str(port), "--workers", str(processes), "--no-access-log"]
    sessions = max(2 * clients, min(int(EXPECTED_PER_S[db] * duration * 1.2), 40 * clients))
    with server(argv, env, port, data_dir / "serve.log", "/v1/health") as proc:
        tokens = issue_tokens(data_dir, url, clients)
        places = free_places(port, tokens[0], sessions * 2)
        citizens = [
            {"cedula": cedula(i), "email": f"bench{i}@example.com", "token": tokens[i % clients]}
            for i in range(sessions)
        ]
        split = _split(clients)
        specs = [
            {
                "kind": "turnos",
                "host": "127.0.0.1",
                "port": port,
                "clients": n,
                "duration": duration,
                "citizens": citizens[p :: len(split)],
                "outbox": str(data_dir / "outbox"),
                "places": places,
                "offset": p * len(places) // len(split),
            }
            for p, n in enumerate(split)
        ]
        result = run_load(specs, proc.pid)
        time.sleep(1.0)  # in-flight requests past the deadline settle
    result["double"] = count_double_bookings(url, data_dir)
    return result


def run_baseline(
    kind: str, db: str, processes: int, clients: int, duration: float, work: Path
) -> dict[str, Any]:
    data_dir = work / f"baseline-{kind}-{db}-{processes}-{clients}"
    data_dir.mkdir(parents=True)
    url = fresh_database(db, data_dir) if kind == "book" else None
    env = _env(data_dir, url)
    module = [sys.executable, "-m", "bench.service_baselines"]
    if kind == "book":
        setup = ["--setup", "--slots", str(BASELINE_SLOTS), "--capacity", str(BASELINE_CAPACITY)]
        subprocess.run([*module, *setup], env=env, cwd=ROOT, check=True)
    port = free_port()
    argv = [*module, "--port", str(port), "--workers", str(processes)]
    places = [str(i) for i in range(BASELINE_SLOTS) for _ in range(BASELINE_CAPACITY)]
    with server(argv, env, port, data_dir / "serve.log", "/ceiling") as proc:
        split = _split(clients)
        specs = [
            {
                "kind": kind,
                "host": "127.0.0.1",
                "port": port,
                "clients": n,
                "duration": duration,
                "places": [int(x) for x in places] if kind == "book" else [],
                "offset": p * len(places) // len(split),
            }
            for p, n in enumerate(split)
        ]
        result = run_load(specs, proc.pid)
    if kind == "book":
        over = subprocess.run(
            [
                sys.executable,
                "-c",
                "import bench.service_baselines as b; print(b.double_bookings())",
            ],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        result["double"] = int(over.stdout.strip())
    return result


def configurations(quick: bool) -> list[tuple[str, int, int]]:
    if quick:
        return [("postgresql", 2, 200), ("sqlite", 1, 200)]
    runs = [("sqlite", 1, c) for c in (10, 50, 200)]
    runs += [("postgresql", p, c) for p in (1, 2) for c in (10, 50, 200)]
    return runs


def _ms(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def run(quick: bool) -> list[dict[str, Any]]:
    duration = 12.0 if quick else 20.0
    rows = []
    work = Path(tempfile.mkdtemp(prefix="bench-service-"))
    try:
        for db, processes, clients in configurations(quick):
            ceiling = run_baseline("ceiling", db, processes, clients, duration, work)
            bare = run_baseline("book", db, processes, clients, duration, work)
            ours = run_turnos(db, processes, clients, duration, work)
            double = ours["double"]
            row = {
                "db": db,
                "processes": processes,
                "clients": clients,
                "bookings_per_s": round(ours["per_s"], 1),
                "p50_ms": _ms(ours["p50_ms"]),
                "p99_ms": _ms(ours["p99_ms"]),
                "baseline_per_s": round(bare["per_s"], 1),
                "ratio": round(ours["per_s"] / bare["per_s"], 3) if bare["per_s"] else None,
                "errors": sum(ours["errors"].values()),
                "double_bookings": double["slots_over_capacity"] + double["citizen_twice"],
                "ceiling_per_s": round(ceiling["per_s"], 1),
                "cpu_ms_per_booking": ours["server_cpu_ms_per_op"],
                "baseline_cpu_ms_per_booking": bare["server_cpu_ms_per_op"],
                "cpu_ratio": (
                    round(bare["server_cpu_ms_per_op"] / ours["server_cpu_ms_per_op"], 3)
                    if ours["server_cpu_ms_per_op"] and bare["server_cpu_ms_per_op"]
                    else None
                ),
                "baseline_p50_ms": _ms(bare["p50_ms"]),
                "baseline_p99_ms": _ms(bare["p99_ms"]),
                "baseline_errors": sum(bare["errors"].values()),
                "baseline_double_bookings": bare.get("double", 0),
                "error_kinds": ours["errors"],
                "refused_full_slot": ours["refused"],
                "bookings_made": double["bookings"],
                "confirmations_unsent": double["confirmations_unsent"],
                "sessions_prepared": ours["sessions"],
                "prep_errors": ours["prep_errors"],
                "seconds": ours["seconds"],
                "load_avg_1min": round(os.getloadavg()[0], 2),
            }
            rows.append(row)
            print(_line(row), file=sys.stderr, flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return rows


def _line(r: dict[str, Any]) -> str:
    return (
        f"{r['db']:<10} {r['processes']}p {r['clients']:>3}c  {r['bookings_per_s']:>7}/s  "
        f"p50 {r['p50_ms']} p99 {r['p99_ms']} ms  bare {r['baseline_per_s']}/s "
        f"ratio {r['ratio']}  ceiling {r['ceiling_per_s']}/s  errors {r['errors']} "
        f"double {r['double_bookings']}  load {r['load_avg_1min']}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench.service")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--json", metavar="FILE")
    args = parser.parse_args(argv)
    rows = run(args.quick)
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=2))
    for row in rows:
        print(_line(row))
    return 0


if __name__ == "__main__":
    sys.exit(main())
