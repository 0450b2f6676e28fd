"""The service in a background thread on a free loopback port: the demo's default and tests'.

service = start_embedded(tmp_path)          # demo data, SQLite in tmp_path
requests.get(service.url + "/v1/health")
service.stop()
"""

from __future__ import annotations

import json
import socket
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import uvicorn

from turnos.app import create_app
from turnos.bootstrap import CREDENTIALS_FILE, prepare
from turnos.clock import Clock
from turnos.context import AppContext, build_context
from turnos.services.outbox import OutboxWorker, start_worker
from turnos.settings import Settings

START_TIMEOUT_S = 30.0


@dataclass
class EmbeddedService:
    url: str
    credentials: dict[str, Any]
    outbox: Path
    context: AppContext
    _server: uvicorn.Server = field(repr=False)
    _thread: threading.Thread = field(repr=False)
    _outbox_worker: OutboxWorker = field(repr=False)

    @property
    def settings(self) -> Settings:
        return self.context.settings

    @property
    def database_url(self) -> str:
        return self.context.db.url

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=15)
        self._outbox_worker.stop()
        self.context.db.dispose()

    def __enter__(self) -> EmbeddedService:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop()


def start_embedded(
    data_dir: Path,
    *,
    demo: bool = True,
    database_url: str | None = None,
    clock: Clock | None = None,
    port: int = 0,
    **overrides: Any,
) -> EmbeddedService:
    """Migrate, seed (demo), and serve on 127.0.0.1:<port> (0: a free one) until `stop()`.

    `overrides` are Settings fields (e.g. `hold_ttl_s=5`, `smtp_host=...`). Started again on
    the same `data_dir` and `port`, it is the same service back after an outage.
    """
    data_dir = Path(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    settings = Settings(data_dir=data_dir, demo=demo, database_url=database_url, **overrides)
    ctx = build_context(settings, clock)
    try:
        prepare(ctx)
    except BaseException:
        ctx.db.dispose()  # e.g. another service secret: no pooled connection left behind
        raise
    app = create_app(context=ctx)

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", port))
    port = sock.getsockname()[1]
    config = uvicorn.Config(
        app, log_config=None, access_log=False, lifespan="off", timeout_graceful_shutdown=5
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(
        target=server.run, kwargs={"sockets": [sock]}, name=f"turnos-{port}", daemon=True
    )
    thread.start()
    deadline = time.monotonic() + START_TIMEOUT_S
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the embedded turn service did not start")
        time.sleep(0.01)  # polling a flag the server thread sets; no event is offered
    creds_path = data_dir / CREDENTIALS_FILE
    credentials = json.loads(creds_path.read_text()) if creds_path.exists() else {}
    outbox = settings.effective_outbox or data_dir / "outbox"
    worker = start_worker(ctx)  # messages not handed over at once (turnos.services.outbox)
    return EmbeddedService(
        f"http://127.0.0.1:{port}", credentials, outbox, ctx, server, thread, worker
    )
