"""The service secret keys every HMAC and seals contacts and signing keys: a set one must be
long enough, and a refused value is never repeated in the message."""

from __future__ import annotations

import secrets

import pytest
from pydantic import ValidationError

from turnos.settings import MIN_SECRET_CHARS, Settings


@pytest.mark.parametrize("value", ["", "   ", "corto-pero-no-vacio", "x" * (MIN_SECRET_CHARS - 1)])
def test_a_short_or_empty_secret_is_refused_without_repeating_it(value: str) -> None:
    with pytest.raises(ValidationError) as refused:
        Settings(secret=value)
    message = str(refused.value)
    assert "at least 32 characters" in message
    assert "token_hex" in message  # how to make a good one
    if value.strip():
        assert value not in message


def test_a_generated_secret_is_accepted() -> None:
    token = secrets.token_hex(32)
    settings = Settings(secret=token)
    assert settings.secret is not None
    assert settings.secret.get_secret_value() == token
