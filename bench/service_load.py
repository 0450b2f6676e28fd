"""The service benchmark's load generator: one process of simulated clients (asyncio).

`bench.service` starts several of these processes (multiprocessing, spawn) so the load never
shares the server's GIL. Each process first prepares its citizens' sessions (lookup, code by
email through the demo outbox, confirm) untimed, reports ready, waits for the common start,
then runs its clients until the deadline and sends back what it measured.

Kinds of load: `turnos` (a booking = POST /v1/holds then POST /v1/bookings with an
Idempotency-Key; a full slot's 409 moves on to the next slot), `ceiling` (GET of a bare
endpoint) and `book` (the bare booking endpoint of `bench.service_baselines`).
"""

from __future__ import annotations

import asyncio
import email
import email.policy
import os
import random
import time
import uuid
from collections import Counter
from multiprocessing.connection import Connection as Pipe
from pathlib import Path
from typing import Any

from bench.service_http import Connection

REQUEST_TIMEOUT_S = 30.0


class CodeBook:
    """Verification codes from the demo outbox, each file parsed once (email -> code)."""

    def __init__(self, outbox: Path) -> None:
        self.outbox = outbox
        self.codes: dict[str, str] = {}
        self._seen: set[str] = set()
        self._lock = asyncio.Lock()

    def _scan(self) -> None:
        from turnos.outbox import text_of

        for entry in os.scandir(self.outbox):
            if not entry.name.endswith(".eml") or entry.name in self._seen:
                continue
            self._seen.add(entry.name)
            raw = Path(entry.path).read_bytes()
            if b"X-Turnos-Kind: verification" not in raw[:2000]:
                continue
            msg = email.message_from_bytes(raw, policy=email.policy.default)
            text = text_of(msg)
            digits = [w for w in text.split() if len(w.strip(".:,")) == 6]
            for word in digits:
                word = word.strip(".:,")
                if word.isdigit():
                    self.codes[str(msg["To"]).strip().lower()] = word
                    break

    async def code_for(self, address: str) -> str:
        address = address.lower()
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if address in self.codes:
                return self.codes.pop(address)
            async with self._lock:
                if address not in self.codes:
                    await asyncio.to_thread(self._scan)
            if address not in self.codes:
                await asyncio.sleep(0.05)
        raise LookupError("no code arrived")


async def _prepare_one(
    conn: Connection, book: CodeBook, citizen: dict[str, str], errors: Counter[str]
) -> dict[str, str] | None:
    auth = {"Authorization": f"Bearer {citizen['token']}"}
    r = await conn.request(
        "POST", "/v1/citizens/lookup", auth, {"id_type": "cedula", "id_number": citizen["cedula"]}
    )
    if r.status != 200:
        errors[f"lookup {r.status}"] += 1
        return None
    ref = r.json()["citizen"]
    body = {"citizen": ref, "email": citizen["email"], "channel": "email", "language": "es"}
    r = await conn.request("POST", "/v1/verifications", auth, body)
    if r.status != 201:
        errors[f"verification {r.status}"] += 1
        return None
    vid = r.json()["id"]
    code = await book.code_for(citizen["email"])
    r = await conn.request("POST", f"/v1/verifications/{vid}/confirm", auth, {"code": code})
    if r.status != 200:
        errors[f"confirm {r.status}"] += 1
        return None
    return {"token": citizen["token"], "session": r.json()["session_token"]}


async def prepare(spec: dict[str, Any]) -> tuple[list[dict[str, str]], Counter[str]]:
    """Sessions for this process's citizens, with as many connections as clients."""
    pending = list(spec["citizens"])
    book = CodeBook(Path(spec["outbox"]))
    sessions: list[dict[str, str]] = []
    errors: Counter[str] = Counter()

    async def client() -> None:
        conn = Connection(spec["host"], spec["port"])
        while pending:
            citizen = pending.pop()
            try:
                made = await asyncio.wait_for(
                    _prepare_one(conn, book, citizen, errors), REQUEST_TIMEOUT_S * 3
                )
            except Exception as exc:  # counted, the preparation goes on
                errors[f"prepare {type(exc).__name__}"] += 1
                conn.close()
                continue
            if made is not None:
                sessions.append(made)
        conn.close()

    await asyncio.gather(*(client() for _ in range(max(1, min(spec["clients"], 64)))))
    return sessions, errors


class Slots:
    """Places to book, one entry per free place, walked from this process's own offset."""

    def __init__(self, places: list[str], offset: int) -> None:
        self.places = places
        self.i = offset

    def next(self) -> str:
        place = self.places[self.i % len(self.places)]
        self.i += 1
        return place


async def _timed(
    spec: dict[str, Any], sessions: list[dict[str, str]], start: float
) -> dict[str, Any]:
    deadline = start + spec["duration"]
    done: list[tuple[float, float]] = []  # (wall time finished, latency ms)
    errors: Counter[str] = Counter()
    refused = 0
    slots = Slots(spec.get("places", []), spec.get("offset", 0))
    kind = spec["kind"]

    async def turnos_booking(conn: Connection, s: dict[str, str]) -> bool:
        nonlocal refused
        auth = {"Authorization": f"Bearer {s['token']}", "X-Citizen-Session": s["session"]}
        for _ in range(20):
            r = await conn.request("POST", "/v1/holds", auth, {"slot": slots.next()})
            if r.status == 409:
                refused += 1
                continue
            if r.status != 201:
                errors[f"hold {r.status}"] += 1
                return False
            key = {**auth, "Idempotency-Key": uuid.uuid4().hex}
            r = await conn.request("POST", "/v1/bookings", key, {"hold": r.json()["id"]})
            if r.status == 201:
                return True
            errors[f"booking {r.status}"] += 1
            return False
        errors["no free slot"] += 1
        return False

    async def bare_booking(conn: Connection) -> bool:
        nonlocal refused
        for _ in range(20):
            r = await conn.request("POST", "/book", None, {"slot": slots.next()})
            if r.status == 201:
                return True
            if r.status == 409:
                refused += 1
                continue
            errors[f"book {r.status}"] += 1
            return False
        errors["no free slot"] += 1
        return False

    async def ceiling(conn: Connection) -> bool:
        r = await conn.request("GET", "/ceiling")
        if r.status != 200:
            errors[f"ceiling {r.status}"] += 1
        return r.status == 200

    async def client() -> None:
        conn = Connection(spec["host"], spec["port"])
        await asyncio.sleep(max(0.0, start - time.time()))
        while time.time() < deadline:
            t0 = time.perf_counter()
            try:
                if kind == "turnos":
                    if not sessions:
                        break
                    job = turnos_booking(conn, sessions.pop())
                elif kind == "book":
                    job = bare_booking(conn)
                else:
                    job = ceiling(conn)
                ok = await asyncio.wait_for(job, REQUEST_TIMEOUT_S)
            except Exception as exc:  # a timeout or a dropped connection is an error, measured
                errors[type(exc).__name__] += 1
                conn.close()
                continue
            if ok:
                done.append((time.time(), (time.perf_counter() - t0) * 1000))
        conn.close()

    await asyncio.gather(*(client() for _ in range(spec["clients"])))
    return {"done": done, "errors": dict(errors), "refused": refused, "left": len(sessions)}


def main(pipe: Pipe, spec: dict[str, Any]) -> None:
    """A load process: prepare, say ready, wait for the start time, run, send the results."""
    random.seed(spec.get("offset", 0))
    sessions: list[dict[str, str]] = []
    prep_errors: Counter[str] = Counter()
    if spec["kind"] == "turnos":
        sessions, prep_errors = asyncio.run(prepare(spec))
    pipe.send({"ready": len(sessions), "prep_errors": dict(prep_errors)})
    start = pipe.recv()
    pipe.send(asyncio.run(_timed(spec, sessions, start)))
    pipe.close()
