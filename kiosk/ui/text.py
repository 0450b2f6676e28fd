"""Small text helpers for what the screens show: marks, capitals, search folding."""

from __future__ import annotations

import unicodedata

#: a chosen item, an answer accepted; beside words, never alone
MARK_CHOSEN = "✓"
#: an item not chosen yet
MARK_OPEN = "○"


def first_upper(text: str) -> str:
    """Upper-case the first letter only (str.capitalize would lower "December")."""
    return text[:1].upper() + text[1:]


def fold(text: str) -> str:
    """Lower-case without accents, so "cañar" finds "Cañar" and "bolivar" finds "Bolívar"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))
