"""One whole kiosk for the in-process benchmarks: `turnos serve` on loopback (bench
profile), the real widgets on a kiosk-sized offscreen screen, and a citizen's finger.

Everything the tour and the end-to-end tests use (kiosk.app.assemble, kiosk.tour.citizen);
only the service client is wrapped, to note when the kiosk is waiting for the service, and a
loopback forwarder can hold each request (`DelayLink`) for the responsiveness benchmark.
"""

from __future__ import annotations

import asyncio
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.delay_link import DelayLink
from bench.profile import SERVICE_PROFILE, BenchCitizen

#: The agencies of Pichincha that offer CLAVE_PATRONAL in the demo catalogue: bookings go
#: round them so that a thousand still find free places within the service's booking days.
AGENCIES = ("171", "172", "173")
PATIENCE_MS = 60_000
#: Calls the kiosk makes on its own in the background, not on a citizen's tap.
BACKGROUND_CALLS = frozenset({"health", "heartbeat", "send_heartbeat", "catalog", "keys"})


class TimedClient:
    """The kiosk's service client, noting each call's span (monotonic, perf_counter)."""

    def __init__(self, client: Any) -> None:
        self._client = client
        self._lock = threading.Lock()
        self.spans: list[tuple[float, float]] = []

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._client, name)
        if not callable(value) or name.startswith("_") or name in BACKGROUND_CALLS:
            return value

        def timed(*args: Any, **kwargs: Any) -> Any:
            t0 = time.perf_counter()
            try:
                return value(*args, **kwargs)
            finally:
                t1 = time.perf_counter()
                with self._lock:
                    self.spans.append((t0, t1))

        return timed

    def waiting_within(self, start: float, end: float) -> tuple[float, float]:
        """(seconds of [start, end] the kiosk spent waiting for the service, the end of the
        last call that began in it)."""
        with self._lock:
            spans = sorted((max(a, start), min(b, end)) for a, b in self.spans if b > start)
            last_end = max((b for a, b in self.spans if a >= start and a <= end), default=start)
        total, cur_a, cur_b = 0.0, None, None
        for a, b in spans:
            if b <= a:
                continue
            if cur_b is None or a > cur_b:
                if cur_b is not None and cur_a is not None:
                    total += cur_b - cur_a
                cur_a, cur_b = a, b
            else:
                cur_b = max(cur_b, b)
        if cur_b is not None and cur_a is not None:
            total += cur_b - cur_a
        return total, last_end

    def forget(self) -> None:
        with self._lock:
            self.spans.clear()


class Codes:
    """Verification codes from the demo outbox, reading only the messages new since the last
    look (the outbox grows by two messages a booking; reading it whole each time is slow)."""

    def __init__(self, outbox: Path) -> None:
        self.outbox = outbox
        self._seen: set[str] = set()

    def latest(self, address: str, patience_s: float = 30.0) -> str:
        import email
        import email.policy

        from turnos.outbox import _CODE, text_of

        deadline = time.monotonic() + patience_s
        while True:
            found = None
            for path in sorted(self.outbox.glob("*.eml")):
                if path.name in self._seen:
                    continue
                msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
                if str(msg.get("To", "")).strip().lower() != address:
                    continue
                self._seen.add(path.name)
                match = _CODE.search(text_of(msg))
                if match and msg.get("X-Turnos-Kind") == "verification":
                    found = match.group(1)
            if found is not None:
                return found
            if time.monotonic() > deadline:
                raise LookupError("no verification code arrived")
            from kiosk.tour.citizen import pause

            pause(10)


class ServiceProcess:
    """`turnos serve --demo` in a process of its own on loopback, with the bench profile.

    The kiosk benchmarks keep the service out of the kiosk's process: in it (the embedded
    service of `kiosk demo`) its threads would hold the interpreter's lock while the kiosk's
    screen waits (the outbox worker drawing a confirmation email's QR stalled the screen for
    200 ms), and a kiosk in the field never shares its process with the service."""

    def __init__(self, data_dir: Path) -> None:
        import json
        import os
        import socket
        import subprocess
        import sys

        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = int(probe.getsockname()[1])
        # The profile's settings and nothing else of a TURNOS_* environment (a database URL
        # set for tests would point the bench's service at that database).
        env = {k: v for k, v in os.environ.items() if not k.startswith("TURNOS_")}
        env.update({f"TURNOS_{k.upper()}": str(v) for k, v in SERVICE_PROFILE.items()})
        data_dir.mkdir(parents=True, exist_ok=True)
        self._log = (data_dir / "service.log").open("wb")
        self._proc = subprocess.Popen(
            [
                *(sys.executable, "-m", "turnos", "serve", "--demo"),
                *("--data-dir", str(data_dir), "--port", str(port), "--no-access-log"),
            ],
            env=env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )
        self.url = f"http://127.0.0.1:{port}"
        self._wait_healthy()
        from turnos.bootstrap import CREDENTIALS_FILE

        self.credentials = json.loads((data_dir / CREDENTIALS_FILE).read_text())
        self.outbox = data_dir / "outbox"

    def _wait_healthy(self) -> None:
        import requests

        deadline = time.monotonic() + 60
        while True:
            if self._proc.poll() is not None:
                raise RuntimeError(f"turnos serve ended (exit {self._proc.returncode})")
            try:
                if requests.get(self.url + "/v1/health", timeout=1).ok:
                    return
            except requests.RequestException:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("turnos serve did not answer within 60 s")
            time.sleep(0.1)  # a process starting: nothing to wait on but its port

    def stop(self) -> None:
        self._proc.terminate()
        try:
            self._proc.wait(timeout=15)
        except Exception:
            self._proc.kill()
            self._proc.wait()
        self._log.close()


class Rig:
    """Start with `Rig().start()`, book with `book()`, end with `close()`."""

    def __init__(self, *, in_process: bool = False) -> None:
        #: the embedded service in this process (as `kiosk demo`) instead of its own process
        self.in_process = in_process
        self.data_dir = Path(tempfile.mkdtemp(prefix="kiosk-bench-"))
        self.service: Any = None
        self.link: DelayLink | None = None
        self.kiosk: Any = None
        self.loop: Any = None
        self.client: TimedClient | None = None
        self.citizen: Any = None
        self.codes: Codes | None = None
        self.bookings = 0

    def start(self) -> Rig:
        from kiosk.tour.offscreen import use_large_offscreen_screen

        use_large_offscreen_screen(self.data_dir)
        import qasync

        from kiosk.app import application, assemble, client_for
        from kiosk.config import load_settings
        from kiosk.printing.file_printer import FilePrinter
        from kiosk.tour.citizen import Citizen
        from kiosk.tour.clock import ManualClock
        from kiosk.tour.run import PORTRAIT
        from turnos.embedded import start_embedded

        if self.in_process:
            self.service = start_embedded(self.data_dir / "service", demo=True, **SERVICE_PROFILE)
        else:
            self.service = ServiceProcess(self.data_dir / "service")
        self.link = DelayLink.to_url(self.service.url)
        self.link.connect()
        settings = load_settings(environ={})
        # Qt maps a catalogue file into memory: one rebuilt in place under a running kiosk
        # (scripts/build-translations in the same tree) ends it with SIGBUS. The bench reads
        # its own copy.
        from kiosk.ui.i18n import TRANSLATIONS_DIR

        translations = self.data_dir / "translations"
        shutil.copytree(TRANSLATIONS_DIR, translations, ignore=shutil.ignore_patterns("*.ts"))
        app = application()
        self.loop = qasync.QEventLoop(app, already_running=True)
        asyncio.set_event_loop(self.loop)
        token = self.service.credentials["kiosk_token"]
        self.client = TimedClient(client_for(settings, self.link.url, token))
        timed: Any = self.client  # a TurnosClient that notes the spans of its calls
        self.kiosk = assemble(
            settings,
            app,
            timed,
            FilePrinter(self.data_dir / "slips"),
            geometry=PORTRAIT,
            clock=ManualClock(),  # the idle policy never ends a booking the bench drives
            health_first_s=0.05,
            translations=translations,
        )
        self.kiosk.shell.resize(PORTRAIT.width_px, PORTRAIT.height_px)
        self.kiosk.shell.show()
        self.kiosk.controller.start()
        self.citizen = Citizen(self.kiosk, self.service.outbox, patience_ms=PATIENCE_MS)
        # The finger still goes where each control was seen, but without a picture of the
        # window each time: grabbing it paints every widget again (work of the test's eye,
        # not the kiosk's, and paints the screens benchmark would take for the kiosk's own).
        look = self.citizen.finger.look
        self.citizen.finger.look = lambda *, grab=False: look(grab=False)
        self.codes = Codes(self.service.outbox)
        self.citizen.wait_until(
            lambda: self.kiosk.controller.catalog is not None, PATIENCE_MS, "the catalogue"
        )
        return self

    def book(self, who: BenchCitizen, mark: Callable[[str], None] | None = None) -> None:
        """One whole booking by `who`, from the welcome screen back to it. `mark(label)` is
        called right before the tap that leads to each next screen."""
        from kiosk.domain.flow import Step

        c, shell = self.citizen, self.kiosk.shell
        step = mark or (lambda _label: None)
        assert self.codes is not None
        welcome = c.view(Step.WELCOME)
        c.wait_until(lambda: c.reachable(welcome.spanish), PATIENCE_MS, "the welcome screen")
        step("welcome→identify")
        c.tap(welcome.spanish)
        c.at(Step.IDENTIFY)
        c.type_keys(c.view(Step.IDENTIFY).keypad.key, who.cedula)
        step("identify→contact")
        c.next()
        c.at(Step.CONTACT)
        contact = c.view(Step.CONTACT)
        if contact.notice_shown():
            step("notice→form")
            c.next()
            c.wait_until(lambda: not contact.notice_shown(), what="the contact form")
        c.fill_contact(who.email, who.phone)
        step("contact→code")
        c.next()
        c.at(Step.VERIFY_CODE)
        c.type_code(self.codes.latest(who.email))
        step("code→province")
        c.next()
        c.at(Step.PROVINCE)
        button = c.find(Step.PROVINCE, "17")
        c.tap(button)
        c.wait_until(c.view(Step.PROVINCE).is_valid, what="the province chosen")
        step("province→procedure")
        c.next()
        c.pick(Step.PROCEDURE, "CLAVE_PATRONAL")
        step("procedure→agency")
        c.next()
        c.pick(Step.AGENCY, AGENCIES[self.bookings % len(AGENCIES)])
        step("agency→schedule")
        c.next()
        c.at(Step.SCHEDULE)
        step("day→hours")
        c.pick_day()
        c.pick_hour()
        step("schedule→review")
        c.next()
        c.at(Step.REVIEW)
        step("review→print")
        c.next()
        c.at(Step.DONE)
        step("done→welcome")
        c.tap(shell.next_button)  # "Terminar"
        c.at(Step.WELCOME)
        self.bookings += 1

    def close(self) -> None:
        try:
            if self.kiosk is not None:
                self.kiosk.close()
            if self.loop is not None:
                self.loop.stop()
                self.loop.close()  # before exit: the executor's threads would abort
            if self.link is not None:
                self.link.cut()
            if self.service is not None:
                self.service.stop()
        finally:
            shutil.rmtree(self.data_dir, ignore_errors=True)
