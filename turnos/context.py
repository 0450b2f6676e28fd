"""Everything a request needs, built once per app: settings, database, clock, secrets, delivery."""

from __future__ import annotations

from dataclasses import dataclass

from turnos.clock import Clock, SystemClock
from turnos.db import Database, PoolLimits
from turnos.private_files import secure_data_dir
from turnos.sealing import Sealer
from turnos.security import Hasher, load_secret
from turnos.services.delivery import Delivery
from turnos.settings import Settings
from turnos.signing import Signer

DAY_S = 86_400


@dataclass
class AppContext:
    settings: Settings
    db: Database
    clock: Clock
    hasher: Hasher
    delivery: Delivery
    signer: Signer
    sealer: Sealer  # contact data at rest (turnos.sealing)

    def now(self) -> int:
        return self.clock.now()


def build_context(settings: Settings, clock: Clock | None = None) -> AppContext:
    sqlite_file = settings.data_dir / "turnos.db" if settings.database_url is None else None
    secure_data_dir(settings, sqlite_file)
    hasher = Hasher(load_secret(settings))
    # The longest a token can live: the booking horizon with a day's margin, the rest of the
    # turn's day, and the grace after it.
    max_token_lifetime_s = (settings.booking_days + 2) * DAY_S + settings.token_grace_s
    return AppContext(
        settings=settings,
        db=Database(
            settings.effective_database_url,
            PoolLimits(settings.db_pool_size, settings.db_max_overflow, settings.db_pool_timeout_s),
        ),
        clock=clock or SystemClock(),
        hasher=hasher,
        delivery=Delivery(settings),
        signer=Signer(hasher.subkey("signing-keys"), settings.issuer, max_token_lifetime_s),
        sealer=Sealer(hasher.subkey("contact-seal")),
    )
