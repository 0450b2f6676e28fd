"""Logging of `turnos serve`: one root handler, personal data masked in every record.

`kiosk.logsafe` masks cédulas, emails, phones and codes in the text of each record. A request
line in uvicorn's access log arrives percent-encoded (`ana%40example.com`, `%2B593...`), which
no pattern recognises, so it is decoded first, by a filter on the access logger itself (logger
filters run before the record propagates to the root handler and its masking filter).
"""

from __future__ import annotations

import logging
from urllib.parse import unquote_plus

ACCESS_LOGGER = "uvicorn.access"
FORMAT = "%(asctime)s %(levelname)s %(name)s %(message)s"


class DecodedRequestLine(logging.Filter):
    """Percent-decode the request target of an access-log record so it can be masked."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        # uvicorn: (client address, method, path with query, HTTP version, status)
        if isinstance(args, tuple) and len(args) >= 3 and isinstance(args[2], str):
            record.args = (*args[:2], unquote_plus(args[2]), *args[3:])
        return True


def configure(*, personal_data_filter: bool = True) -> None:
    logging.basicConfig(level=logging.INFO, format=FORMAT)
    if not personal_data_filter:
        return
    from kiosk import logsafe

    access = logging.getLogger(ACCESS_LOGGER)
    if not any(isinstance(f, DecodedRequestLine) for f in access.filters):
        access.addFilter(DecodedRequestLine())
    # On the root logger and its handler: every record propagated from any logger (uvicorn's
    # access and error logs included) is masked before it is written.
    logsafe.install()
