"""`kiosk staff verify`: check one slip without the window, for scripts and technicians.

With `--keys FILE` nothing touches the network and nothing is checked in: the signature and
the expiry always, the agency and the day only when asked. Without it, the keys the counter
keeps on disk, refreshed first from the configured service when it answers.

Exit status: 0 genuine and valid; 1 forged, damaged, or no QR found; 2 genuine but expired, or
not for that agency or day; 3 bad usage (or no keys to check with).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any, TextIO
from zoneinfo import ZoneInfo

from kiosk.domain.token import PREFIX, KeySet, KeySetError
from kiosk.staff.verdict import Answer, OfflineVerdict, judge
from kiosk.staff.wedge import normalise

VALID, FORGED, NOT_HERE, USAGE = 0, 1, 2, 3
ZONE = ZoneInfo("America/Guayaquil")

EPILOG = """\
SOURCE is the slip's text as a scanner reads it (it starts with TRN1:), an image or PDF file
of the slip or of the confirmation email, or - to read the text (or an image) from standard
input. The text holds spaces and characters a shell treats specially ($ % * + / :): quote it
with single quotes, which it never contains:
    kiosk staff verify 'TRN1:6BFOXN*TS0BI$ZD...'
or pipe it: scanner-tool | kiosk staff verify -

exit status: 0 valid; 1 forged, damaged or no QR found; 2 genuine but expired, or not for
that agency or day; 3 bad usage."""


class UsageError(Exception):
    """Bad usage, said in one line (exit 3)."""


def add_verify_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = EPILOG
    parser.add_argument("source", metavar="TOKEN|IMAGE|PDF|-")
    parser.add_argument(
        "--keys",
        type=Path,
        help="the service's keys (the JSON of GET /v1/keys, or the counter's kept file);"
        " with it nothing goes to the network",
    )
    parser.add_argument("--agency", type=int, help="also check the slip is for this agency")
    parser.add_argument(
        "--date", type=dt.date.fromisoformat, help="also check the turn is on this day (YYYY-MM-DD)"
    )
    parser.add_argument("--json", action="store_true", help="print the reason and the claims")


def run_verify(args: argparse.Namespace, stdin: Any = None, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    try:
        token = _token(args.source, stdin if stdin is not None else sys.stdin)
        if token is None:
            return _say(out, args.json, FORGED, "no_qr", "no QR code found", None)
        keys = _keys_from(args.keys) if args.keys else _kept_keys(args)
    except UsageError as exc:
        print(f"kiosk staff verify: {exc}", file=sys.stderr)
        return USAGE
    now = int(dt.datetime.now(dt.UTC).timestamp())
    verdict = judge(token, keys, now, ZONE, agency_id=args.agency, today=args.date)
    return _report(out, args.json, verdict)


def _token(source: str, stdin: Any) -> str | None:
    """The token in `source`: its text, a file's QR, or standard input's text or image."""
    if source == "-":
        data: bytes = stdin.buffer.read() if hasattr(stdin, "buffer") else stdin.read().encode()
        try:
            text = data.decode("utf-8").strip()
        except UnicodeDecodeError:
            text = ""
        if _looks_like_token(text):
            return normalise(text)
        return _from_image(lambda d: d.decode_bytes(data, "stdin"))
    if _looks_like_token(source):
        return normalise(source)
    path = Path(source)
    if not path.is_file():
        raise UsageError("SOURCE is neither a slip's text (TRN1:...) nor a file that exists")
    return _from_image(lambda d: d.decode_file(path))


def _looks_like_token(text: str) -> bool:
    return normalise(text).startswith(PREFIX)


def _from_image(read: Any) -> str | None:
    from kiosk.staff import decode  # zxing-cpp and pypdfium2 load only for files

    try:
        texts = read(decode)
    except decode.DecodeError as exc:
        if exc.reason is decode.DecodeProblem.NO_QR:
            return None
        raise UsageError(str(exc)) from None
    found = decode.find_token(texts)
    return normalise(found) if found is not None else None


def _keys_from(path: Path) -> KeySet:
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
        jwks = stored.get("jwks", stored) if isinstance(stored, dict) else stored
        return KeySet.from_jwks(jwks)
    except OSError as exc:
        raise UsageError(f"--keys: cannot read the file ({exc.strerror})") from None
    except (ValueError, KeySetError, AttributeError) as exc:
        raise UsageError(f"--keys: not a key set ({exc})") from None


def _kept_keys(args: argparse.Namespace) -> KeySet:
    """The counter's kept keys, refreshed from the service first when it is configured."""
    import time

    from kiosk.backend.errors import BackendError
    from kiosk.config import ConfigError, load_settings
    from kiosk.staff.api import StaffClient
    from kiosk.staff.keystore import KeyStore
    from kiosk.staff.paths import keys_file

    try:
        settings = load_settings(args.config)
    except ConfigError as exc:
        raise UsageError(f"configuration error: {exc}") from None
    store = KeyStore(keys_file(settings.staff), time.time)
    if settings.service.url and settings.staff.token:
        with StaffClient(settings.service.url, settings.staff.token, timeout_s=5) as client:
            try:
                store.replace(client.keys())
            except (BackendError, KeySetError) as exc:
                print(f"kiosk staff verify: using the kept keys ({exc})", file=sys.stderr)
    if not len(store.keys):
        raise UsageError("no keys to check with: give --keys FILE or configure the service")
    return store.keys


def _claims_json(verdict: OfflineVerdict) -> dict[str, Any] | None:
    c = verdict.claims
    if c is None:
        return None
    return {
        "issuer": c.issuer,
        "turn_code": c.turn_code,
        "agency_id": c.agency_id,
        "procedure": c.procedure_code,
        "turn_start": dt.datetime.fromtimestamp(c.turn_start, ZONE).isoformat(),
        "expires_at": dt.datetime.fromtimestamp(c.expires_at, ZONE).isoformat(),
        "masked_id": c.masked_id,
    }


def _report(out: TextIO, as_json: bool, verdict: OfflineVerdict) -> int:
    if verdict.claims is None:
        problem = verdict.problem.value if verdict.problem else "malformed"
        return _say(out, as_json, FORGED, problem, "forged or damaged", None)
    claims = _claims_json(verdict)
    if verdict.expired:
        return _say(out, as_json, NOT_HERE, "expired", "genuine but expired", claims)
    if verdict.answer is Answer.WRONG_AGENCY:
        return _say(out, as_json, NOT_HERE, "wrong_agency", "genuine, another agency", claims)
    if verdict.answer is Answer.WRONG_DAY:
        return _say(out, as_json, NOT_HERE, "wrong_day", "genuine, another day", claims)
    return _say(out, as_json, VALID, "valid", "valid", claims)


def _say(out: TextIO, as_json: bool, status: int, reason: str, words: str, claims: Any) -> int:
    if as_json:
        result = {VALID: "valid", FORGED: "forged", NOT_HERE: "not_here"}[status]
        print(json.dumps({"result": result, "reason": reason, "claims": claims}), file=out)
    elif claims is None:
        print(f"{words} ({reason})", file=out)
    else:
        print(
            f"{words}: turn {claims['turn_code']}, agency {claims['agency_id']}, "
            f"{claims['turn_start']}, procedure {claims['procedure']}, id {claims['masked_id']}",
            file=out,
        )
    return status
