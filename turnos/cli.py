"""`turnos`: serve the API and run operator tasks. Argument parsing only; work is elsewhere."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from turnos import logsetup
from turnos.context import AppContext, build_context
from turnos.settings import Settings


def _settings(args: argparse.Namespace, **extra: Any) -> Settings:
    values: dict[str, Any] = dict(extra)
    if getattr(args, "data_dir", None):
        values["data_dir"] = Path(args.data_dir)
    if getattr(args, "database_url", None):
        values["database_url"] = args.database_url
    if getattr(args, "demo", False):
        values["demo"] = True
    return Settings(**values)


class SchemaNotReadyError(Exception):
    """An operator command found a database that `turnos db upgrade` has not prepared."""


# Contexts a command opened: `main` closes their database pools when it ends, so a command run
# in-process (tests, embedding) leaves no PostgreSQL connection open behind it.
_opened: list[AppContext] = []


def _raw_ctx(args: argparse.Namespace) -> AppContext:
    ctx = build_context(_settings(args))
    _opened.append(ctx)
    return ctx


def _ctx(args: argparse.Namespace) -> AppContext:
    """The context of an operator command, on a database that is ready for it."""
    from turnos.migrate import is_current

    ctx = _raw_ctx(args)
    if not is_current(ctx.db):
        raise SchemaNotReadyError
    return ctx


def _delivering_ctx(args: argparse.Namespace) -> AppContext:
    """A context whose delivery is the one the service uses on this database: an explicit
    TURNOS_OUTBOX_DIR, else the outbox of a demo service on it (whether or not TURNOS_DEMO is
    set here), else SMTP and the SMS gateway from the settings."""
    from turnos.bootstrap import demo_outbox
    from turnos.services.delivery import Delivery

    ctx = _ctx(args)
    if ctx.settings.effective_outbox is None:
        outbox = demo_outbox(ctx)
        if outbox is not None:
            ctx.delivery = Delivery(ctx.settings.model_copy(update={"outbox_dir": outbox}))
    return ctx


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from turnos.app import create_app
    from turnos.bootstrap import prepare

    logsetup.configure(personal_data_filter=True)
    ctx = _raw_ctx(args)
    prepare(ctx, upgrade=not args.no_upgrade)
    # log_config=None: uvicorn's loggers propagate to the root handler and its filter instead of
    # getting handlers of their own that the filter would not see.
    options: dict[str, Any] = {
        "host": args.host,
        "port": args.port,
        "log_config": None,
        "access_log": not args.no_access_log,
    }
    if args.workers == 1:
        from turnos.services.outbox import start_worker

        worker = start_worker(ctx)  # delivers what was not handed over at once
        try:
            uvicorn.run(create_app(context=ctx), **options)
        finally:
            worker.stop()
        return 0
    # Worker processes build their own app (and pool) from the environment: hand them the
    # settings given on the command line there. Migrations and demo data ran once, above.
    ctx.db.dispose()
    os.environ.update(_settings_environment(ctx.settings))
    uvicorn.run(f"{__name__}:worker_app", factory=True, workers=args.workers, **options)
    return 0


def _settings_environment(settings: Settings) -> dict[str, str]:
    env = {"TURNOS_DATA_DIR": str(settings.data_dir.resolve())}
    if settings.database_url:
        env["TURNOS_DATABASE_URL"] = settings.database_url
    if settings.demo:
        env["TURNOS_DEMO"] = "1"
    return env


def worker_app() -> Any:
    """The app of one `serve --workers N` process (uvicorn's factory), logging like `serve`."""
    from turnos.app import create_app
    from turnos.services.outbox import start_worker
    from turnos.services.slots import load_holidays

    logsetup.configure(personal_data_filter=True)
    app = create_app()
    ctx = app.state.ctx
    load_holidays(dt.datetime.fromtimestamp(ctx.now(), dt.UTC).date())  # before any request
    start_worker(ctx)  # a daemon thread of this worker process
    return app


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    from turnos import migrate

    ctx = _raw_ctx(args)
    migrate.upgrade(ctx.db, ctx.sealer)
    with ctx.db.transaction() as session:
        ctx.signer.check_secret(session, ctx.now())  # a restore with another secret: say so now
    print("database is up to date")
    return 0


def cmd_tokens_issue(args: argparse.Namespace) -> int:
    from turnos import models
    from turnos.services import tokens

    ctx = _ctx(args)
    with ctx.db.transaction() as session:
        token_id, token = tokens.issue(
            session,
            tokens.Role(args.role),
            args.name,
            ctx.now(),
            args.agency,
            scope_agencies=args.agencies,
            scope_provinces=args.provinces,
        )
        row = session.get(models.ApiToken, token_id)
        assert row is not None
        scope = tokens.scope_json(row)
    issued: dict[str, Any] = {"id": token_id, "role": args.role, "token": token}
    if scope is not None:
        issued["scope"] = scope  # as stored: provinces two digits, no repeats
    print(json.dumps(issued))
    return 0


def cmd_tokens_revoke(args: argparse.Namespace) -> int:
    from turnos.services import tokens

    ctx = _ctx(args)
    with ctx.db.transaction() as session:
        done = tokens.revoke(session, args.id, ctx.now())
    print("revoked" if done else "no such active token")
    return 0 if done else 1


def cmd_catalog_import(args: argparse.Namespace) -> int:
    from turnos.services import catalog

    ctx = _ctx(args)
    data = json.loads(Path(args.file).read_text(encoding="utf-8"))
    with ctx.db.transaction() as session:
        provinces, procedures, agencies = catalog.import_catalog(session, data)
    print(f"imported {provinces} provinces, {procedures} procedures, {agencies} agencies")
    return 0


def cmd_citizens_import(args: argparse.Namespace) -> int:
    from turnos.services import citizens

    ctx = _ctx(args)
    with ctx.db.transaction() as session:
        count = citizens.import_citizens(session, ctx.hasher, Path(args.file), ctx.now())
    print(f"imported {count} citizens")
    return 0


def cmd_closures_add(args: argparse.Namespace) -> int:
    from turnos.services.maintenance import add_closure

    outcome = add_closure(
        _delivering_ctx(args),
        args.agency,
        dt.date.fromisoformat(args.from_date),
        dt.date.fromisoformat(args.to_date),
        args.reason,
    )
    print(
        f"closure {outcome.closure_id}: {outcome.cancelled} turns cancelled, "
        f"{outcome.notified} citizens notified, {outcome.not_notified} not notified"
    )
    return 0 if outcome.not_notified == 0 else 1


def cmd_keys_rotate(args: argparse.Namespace) -> int:
    ctx = _ctx(args)
    with ctx.db.transaction() as session:
        record = ctx.signer.rotate(session, ctx.now())
    print(f"new signing key {record.kid.hex()}")
    return 0


def cmd_kiosks(args: argparse.Namespace) -> int:
    from turnos.services.kiosks import list_kiosks
    from turnos.terminal import kiosk_table, safe_json_line

    ctx = _ctx(args)
    rows = list_kiosks(ctx)
    silent = sum(1 for row in rows if row["silent"])
    if args.json:
        print(safe_json_line({"kiosks": rows, "silent": silent}))
    else:
        print(kiosk_table(rows, ctx.now(), ctx.settings.kiosk_silent_after_s))
    return 1 if args.check and silent else 0


def cmd_purge(args: argparse.Namespace) -> int:
    from turnos.services.maintenance import purge

    outcome = purge(_ctx(args))
    print(
        f"purged {outcome.bookings} bookings, {outcome.verifications} verifications, "
        f"{outcome.sessions} sessions, {outcome.other} other rows"
    )
    return 0


def _id_list(value: str) -> list[int]:
    """The agencies a kiosk token is limited to: "171,172" -> [171, 172]."""
    try:
        ids = [int(part) for part in value.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError("expected agency ids separated by commas") from None
    if not ids or any(not 1 <= i < 2**31 for i in ids):
        raise argparse.ArgumentTypeError("expected agency ids separated by commas")
    return ids


def _code_list(value: str) -> list[str]:
    """The provinces (INEC codes) a kiosk token is limited to: "17,09" -> ["17", "09"]."""
    codes = [part.strip() for part in value.split(",") if part.strip()]
    if not codes:
        raise argparse.ArgumentTypeError("expected province codes separated by commas")
    return codes


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", help="data directory (default TURNOS_DATA_DIR)")
    common.add_argument("--database-url", help="SQLAlchemy URL (default TURNOS_DATABASE_URL)")
    parser = argparse.ArgumentParser(prog="turnos", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", parents=[common], help="run the HTTP API")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8080)
    serve.add_argument("--demo", action="store_true", help="demo catalogue, outbox, credentials")
    serve.add_argument("--no-upgrade", action="store_true", help="do not migrate at start")
    serve.add_argument("--no-access-log", action="store_true", help="no line per request")
    serve.add_argument(
        "--workers",
        type=_positive,
        default=1,
        help="processes on this machine, each with its own database pool (default 1)",
    )
    serve.set_defaults(func=cmd_serve)

    db = sub.add_parser("db", help="database schema").add_subparsers(dest="db", required=True)
    db.add_parser("upgrade", parents=[common]).set_defaults(func=cmd_db_upgrade)

    tok = sub.add_parser("tokens", help="bearer tokens").add_subparsers(dest="tok", required=True)
    issue = tok.add_parser("issue", parents=[common])
    issue.add_argument("role", choices=["kiosk", "staff", "operator"])
    issue.add_argument("--name", required=True)
    issue.add_argument("--agency", type=int, help="staff: the agency of this person")
    issue.add_argument(
        "--agencies",
        type=_id_list,
        metavar="ID,ID",
        help="kiosk: limit the token to these agencies (with --provinces: either)",
    )
    issue.add_argument(
        "--provinces",
        type=_code_list,
        metavar="CODE,CODE",
        help="kiosk: limit the token to the agencies of these provinces (INEC codes)",
    )
    issue.set_defaults(func=cmd_tokens_issue)
    revoke = tok.add_parser("revoke", parents=[common])
    revoke.add_argument("id", type=int)
    revoke.set_defaults(func=cmd_tokens_revoke)

    cat = sub.add_parser("catalog").add_subparsers(dest="cat", required=True)
    imp = cat.add_parser("import", parents=[common], help="load a catalogue JSON file")
    imp.add_argument("file")
    imp.set_defaults(func=cmd_catalog_import)

    cit = sub.add_parser("citizens").add_subparsers(dest="cit", required=True)
    cimp = cit.add_parser(
        "import",
        parents=[common],
        help="CSV id_type,id_number,name[,registered,email,mobile] (docs/security.md)",
    )
    cimp.add_argument("file")
    cimp.set_defaults(func=cmd_citizens_import)

    clo = sub.add_parser("closures").add_subparsers(dest="clo", required=True)
    add = clo.add_parser("add", parents=[common])
    add.add_argument("--agency", type=int, required=True)
    add.add_argument("--from", dest="from_date", required=True)
    add.add_argument("--to", dest="to_date", required=True)
    add.add_argument("--reason", required=True)
    add.set_defaults(func=cmd_closures_add)

    keys = sub.add_parser("keys").add_subparsers(dest="keys", required=True)
    keys.add_parser("rotate", parents=[common]).set_defaults(func=cmd_keys_rotate)
    kio = sub.add_parser(
        "kiosks",
        parents=[common],
        help="every kiosk's last heartbeat; the silent ones first",
        description=(
            "Every kiosk token with its last heartbeat (version, printer, paper, last error), "
            "its budgets refused in the last hour and its scope. A kiosk in service (not "
            "revoked) that never reported, or not for more than TURNOS_KIOSK_SILENT_AFTER_S "
            "seconds (default 300), is silent and listed first."
        ),
    )
    kio.add_argument(
        "--json",
        action="store_true",
        help='one JSON document {"kiosks": [...], "silent": N} for monitoring (times in epoch s)',
    )
    kio.add_argument(
        "--check",
        action="store_true",
        help=(
            "exit with status 1 when a kiosk in service is silent, else 0: a probe for cron "
            "or monitoring (with --json or the table)"
        ),
    )
    kio.set_defaults(func=cmd_kiosks)
    sub.add_parser("purge", parents=[common]).set_defaults(func=cmd_purge)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    logsetup.configure(personal_data_filter=False)
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except ValueError as exc:
        print(f"turnos: {exc}", file=sys.stderr)
        return 2
    except SchemaNotReadyError:
        print(
            "turnos: the database is not up to date; run `turnos db upgrade` first",
            file=sys.stderr,
        )
        return 2
    finally:
        while _opened:
            _opened.pop().db.dispose()


if __name__ == "__main__":
    sys.exit(main())
