"""The counter's desk: a slip's text, from any input, to the answer the clerk sees.

Every input (the scanner's burst, the webcam, a file, a dropped picture) ends in
`feed_token_text(text, source)`; the clerk's typed turn code and id in `check_in_by_code`.
A token is judged offline first (kiosk/staff/verdict.py), at once: a forged or damaged one is
answered with no network call; a key the counter does not know makes it fetch the service's
keys once, then judge again. A genuine one is checked in with the service in the background,
whose answer is authoritative. If the service cannot be reached, a slip the offline verdict
accepts is queued on disk (kiosk/staff/checkin_queue.py) and answered "checked in without
connection"; a slip already queued, "already checked in (without connection)".

In the background, every `refresh_s` (every `retry_s` while the service is away): the keys (kept
on disk for offline checks), the catalogue once (procedure and agency names), the queue flushed
when the service answers again, and the day's list. Blocking calls run on worker threads; the
desk itself lives on the UI thread (call it from there) and only emits signals. No widgets.

Nothing personal is logged: no token, no id number, no name.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
import importlib
import logging
from collections.abc import Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.backend.errors import ServiceError, ServiceUnavailable
from kiosk.domain.models import Catalog
from kiosk.domain.token import PREFIX, KeySetError, TokenProblem
from kiosk.staff.api import StaffClient
from kiosk.staff.checkin_queue import CheckinQueue, Queued, Sent
from kiosk.staff.keystore import KeyStore
from kiosk.staff.outcome import Connection, Day, Names, Notice, Outcome, from_claims, from_reply
from kiosk.staff.outcome import already as already_at
from kiosk.staff.verdict import Answer, OfflineVerdict, Window, judge

log = logging.getLogger(__name__)

T = TypeVar("T")


class CounterDesk(QObject):
    answered = Signal(object)  # Outcome
    checking = Signal(str)  # source: a genuine slip is being checked with the service
    connection_changed = Signal(object)  # Connection
    day_changed = Signal(object)  # Day
    catalog_changed = Signal()

    def __init__(
        self,
        client: StaffClient,
        keystore: KeyStore,
        queue: CheckinQueue,
        *,
        agency_id: int,
        window: Window | None = None,
        now: Callable[[], float],
        refresh_s: float = 60.0,
        retry_s: float | None = None,
        names_file: Path | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._client, self._keys, self._queue = client, keystore, queue
        self.agency_id = agency_id
        self.window = window or Window()
        self._now = now
        self._refresh_ms = int(refresh_s * 1000)
        self._retry_ms = int((retry_s if retry_s is not None else min(refresh_s, 10.0)) * 1000)
        self.catalog: Catalog | None = None
        self._names_file = names_file
        self.names = Names.load(names_file) if names_file is not None else Names()
        self.zone = ZoneInfo(self.names.zone)
        self.day: Day | None = None
        self._executor = ThreadPoolExecutor(max_workers=3, thread_name_prefix="staff")
        self._tasks: set[asyncio.Task[Any]] = set()
        self._scan_lock: asyncio.Lock | None = None
        self._syncing = False
        self._stopped = False
        self._connection = self._with_keys(Connection(waiting=len(queue)))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.request_sync)

    # --- state ------------------------------------------------------------------------------

    @property
    def connection(self) -> Connection:
        return self._connection

    @property
    def busy(self) -> bool:
        """Whether anything is still running (tests wait for it)."""
        return bool(self._tasks)

    def local(self, epoch_s: float) -> dt.datetime:
        return dt.datetime.fromtimestamp(epoch_s, self.zone)

    def today(self) -> dt.date:
        return self.local(self._now()).date()

    # --- life -------------------------------------------------------------------------------

    def start(self) -> None:
        self.connection_changed.emit(self._connection)
        self.request_sync()

    def stop(self) -> None:
        self._stopped = True
        self._timer.stop()
        for task in list(self._tasks):
            task.cancel()
        self._executor.shutdown(wait=False, cancel_futures=True)

    # --- inputs -----------------------------------------------------------------------------

    def feed_token_text(self, text: str, source: str) -> None:
        """A slip's text from any input: the scanner, the webcam, a file."""
        token = text.removesuffix("\n").removesuffix("\r")
        self._spawn(self._check_token(token, source))

    def feed_file(self, path: Path) -> None:
        """A picture or PDF of a slip, read off the UI thread."""
        self._spawn(self._decode(lambda decode: decode.decode_file(path)))

    def feed_bytes(self, data: bytes, name: str = "") -> None:
        self._spawn(self._decode(lambda decode: decode.decode_bytes(data, name)))

    def check_in_by_code(self, code: str, id_number: str) -> None:
        """A slip that will not scan: today's turn code and the citizen's id (online only)."""
        self._spawn(self._by_code(code.strip().upper(), id_number.strip()))

    def request_sync(self) -> None:
        if not self._syncing and not self._stopped:
            self._spawn(self.sync())

    # --- the token --------------------------------------------------------------------------

    def _judge(self, token: str) -> OfflineVerdict:
        now = self._now()
        return judge(
            token,
            self._keys.keys,
            int(now),
            self.zone,
            agency_id=self.agency_id,
            today=self.local(now).date(),
            window=self.window,
        )

    async def _check_token(self, token: str, source: str) -> None:
        if self._scan_lock is None:
            self._scan_lock = asyncio.Lock()
        async with self._scan_lock:
            if not token.startswith(PREFIX):
                self._answer(Outcome(source, notice=Notice.NOT_A_SLIP))
                return
            verdict = self._judge(token)
            if verdict.problem is TokenProblem.UNKNOWN_KEY:
                if self._connection.online is False or not await self._refresh_keys():
                    self._answer(Outcome(source, notice=Notice.CANNOT_VERIFY))
                    return
                verdict = self._judge(token)
            if verdict.claims is None:
                self._answer(Outcome(source, Answer.FORGED, problem=verdict.problem))
                return
            claims = verdict.claims
            offline = from_claims(source, verdict.answer, claims, self.zone, self.window)
            queued = self._queue.get(claims.booking_id)
            if queued is not None:
                self._answer(self._already_queued(offline, queued))
                return
            scanned_at = int(self._now())
            if self._connection.online is False:
                self._answer(self._decided_offline(verdict, offline, token, scanned_at))
                self.request_sync()  # perhaps it is back
                return
            self.checking.emit(source)
            try:
                reply = await self._call(self._client.check_in, token)
            except ServiceUnavailable:
                self._went_offline()
                self._answer(self._decided_offline(verdict, offline, token, scanned_at))
                return
            except ServiceError as exc:
                self._answer(Outcome(source, notice=self._refused(exc)))
                return
            self._answer(from_reply(reply, offline, self.zone, self.window))
            self._came_back()

    def _already_queued(self, offline: Outcome, queued: Queued) -> Outcome:
        return already_at(offline, self.local(queued.scanned_at))

    def _decided_offline(
        self, verdict: OfflineVerdict, offline: Outcome, token: str, scanned_at: int
    ) -> Outcome:
        claims = verdict.claims
        if verdict.answer is not Answer.CHECKED_IN or claims is None:
            return offline
        try:
            added = self._queue.add(claims.booking_id, token, scanned_at)
        except OSError:
            # A full or failing disk: the arrival is not recorded, and the clerk must know.
            return Outcome(offline.source, notice=Notice.NOT_QUEUED)
        if not added:
            queued = self._queue.get(claims.booking_id)
            if queued is not None:
                return self._already_queued(offline, queued)
        self._update(waiting=len(self._queue))
        return replace(offline, queued=True, checked_in_at=self.local(scanned_at))

    # --- by code ----------------------------------------------------------------------------

    async def _by_code(self, code: str, id_number: str) -> None:
        if self._connection.online is False:
            self._answer(Outcome("manual", notice=Notice.NEEDS_CONNECTION))
            self.request_sync()
            return
        self.checking.emit("manual")
        try:
            reply = await self._call(self._client.check_in_by_code, code, id_number)
        except ServiceUnavailable:
            self._went_offline()
            self._answer(Outcome("manual", notice=Notice.NEEDS_CONNECTION))
            return
        except ServiceError as exc:
            self._answer(Outcome("manual", notice=self._refused(exc)))
            return
        self._answer(from_reply(reply, Outcome("manual"), self.zone, self.window))
        self._came_back()

    # --- files ------------------------------------------------------------------------------

    async def _decode(self, read: Callable[[Any], list[str]]) -> None:
        try:
            decode = importlib.import_module("kiosk.staff.decode")
        except ImportError as exc:
            log.warning("pictures cannot be read here: %s", exc)
            self._answer(Outcome("file", notice=Notice.NO_DECODER))
            return
        try:
            texts = await self._call(read, decode)
        except decode.DecodeError as exc:
            log.info("no slip read from a file: %s", exc.reason)
            self._answer(Outcome("file", notice=Notice(str(exc.reason))))
            return
        token = decode.find_token(texts)
        if token is None:
            self._answer(Outcome("file", notice=Notice.NOT_A_SLIP))
            return
        await self._check_token(token, "file")

    # --- the background ---------------------------------------------------------------------

    async def sync(self) -> None:
        """Keys, the catalogue (once), the queue, the day's list; then the next in a while."""
        if self._syncing:
            return
        self._syncing = True
        self._timer.stop()
        try:
            if await self._refresh_keys():
                await self._load_catalog()
                await self.flush()
                await self.refresh_day()
        finally:
            self._syncing = False
            if not self._stopped:
                online = self._connection.online is not False
                self._timer.start(self._refresh_ms if online else self._retry_ms)

    async def _refresh_keys(self) -> bool:
        """Fetch and keep the service's keys; whether the service answered."""
        try:
            jwks = await self._call(self._client.keys)
            await self._call(self._keys.replace, jwks)
        except ServiceUnavailable:
            self._went_offline()
            return False
        except ServiceError as exc:
            self._refused(exc)
            return False
        except KeySetError as exc:
            log.warning("the service's key set was refused, the old one kept: %s", exc)
        self._update(online=True, offline_since=None)  # the keys are public: not `refused`
        return True

    async def _load_catalog(self) -> None:
        if self.catalog is not None:
            return
        try:
            catalog = await self._call(self._client.catalog)
        except (ServiceUnavailable, ServiceError) as exc:
            log.info("catalogue not loaded: %s", type(exc).__name__)
            return
        self.catalog, self.names = catalog, Names.of(catalog, self.agency_id)
        self.zone = ZoneInfo(self.names.zone)
        if self._names_file is not None:
            await self._call(self.names.save, self._names_file)
        self.catalog_changed.emit()

    async def flush(self) -> list[Sent]:
        """Send what waits (each once: the queue's contract); what was sent."""
        if not self._queue.pending():
            return []
        sent = await self._call(self._queue.flush, self._send_queued)
        self._update(waiting=len(self._queue))
        if sent:
            log.info("%d check-in(s) made without connection reached the service", len(sent))
        return sent

    def _send_queued(self, queued: Queued) -> str:
        try:
            return self._client.check_in(queued.token, queued.scanned_at).answer.value
        except ServiceError as exc:  # final: a refusal will not change on a second try
            log.warning("the service refused a check-in made without connection: %s", exc.code)
            return f"refused:{exc.code}"

    async def refresh_day(self) -> None:
        try:
            bookings = await self._call(self._client.agency_day, self.agency_id, self.today())
        except ServiceUnavailable:
            self._went_offline()
            return
        except ServiceError as exc:
            self._refused(exc)
            return
        self._update(refused=False)
        self.day = Day(tuple(bookings), self.local(self._now()))
        self.day_changed.emit(self.day)

    # --- connection -------------------------------------------------------------------------

    def _went_offline(self) -> None:
        if self._connection.online is not False:
            log.info("the turn service cannot be reached: working without connection")
            self._update(online=False, offline_since=self.local(self._now()))
            if not self._stopped and not self._syncing:
                self._timer.start(self._retry_ms)

    def _came_back(self) -> None:
        was_offline = self._connection.online is False
        self._update(online=True, offline_since=None, refused=False)
        if was_offline or self._queue.pending() or self.catalog is None:
            self.request_sync()
        else:
            self._spawn(self.refresh_day())

    def _refused(self, exc: ServiceError) -> Notice:
        """The service answered no: to this counter's token (401, 403), or to this call."""
        log.warning("the turn service refused the counter's call: %s", exc.code)
        if exc.status in (401, 403):
            self._update(online=True, offline_since=None, refused=True)
            return Notice.SERVICE_REFUSED
        return Notice.SERVICE_ERROR

    def _with_keys(self, connection: Connection) -> Connection:
        fetched = self._keys.fetched_at
        return replace(
            connection,
            keys_fetched_at=None if fetched is None else self.local(fetched),
            keys_count=len(self._keys.keys),
        )

    def _update(self, **changes: Any) -> None:
        updated = self._with_keys(replace(self._connection, **changes))
        if updated != self._connection:
            self._connection = updated
            self.connection_changed.emit(updated)

    # --- plumbing ---------------------------------------------------------------------------

    def _answer(self, outcome: Outcome) -> None:
        log.info(
            "slip answered: %s%s (%s)",
            outcome.answer or outcome.notice,
            " offline" if outcome.offline else "",
            outcome.source,
        )
        self.answered.emit(outcome)

    async def _call(self, fn: Callable[..., T], *args: Any) -> T:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, functools.partial(fn, *args))

    def _spawn(self, coro: Coroutine[Any, Any, None]) -> None:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._finished)

    def _finished(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        exc = None if task.cancelled() else task.exception()
        if exc is not None:
            log.error("counter task failed", exc_info=exc)
