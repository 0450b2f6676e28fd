"""Refusals said again in the new language when the citizen switches it while one shows.

A refusal is words (`Words`): either text already in the shown language, or a function that
writes it in the current one. The latter is kept while its text shows beside the field of a
step; after a language switch it is written again, unless the citizen has moved on (the text
shown there is no longer the one said). A notice over the screen needs none of this: it covers
the language button until «Entendido».
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kiosk.domain.flow import Step

Words = str | Callable[[], str]


def said(words: Words) -> str:
    """The text of `words` in the current language."""
    return words() if callable(words) else words


class LiveWords:
    def __init__(self) -> None:
        self._errors: dict[Step, tuple[str, Callable[[], str]]] = {}

    def show(self, step: Step, words: Words, put: Callable[[str], None]) -> None:
        """Say `words` beside the field of `step` through `put` (the view's `set_error`, or
        another way of its own), and keep them to say again after a language switch."""
        shown = said(words)
        put(shown)
        if callable(words) and shown:
            self._errors[step] = (shown, words)
        else:
            self._errors.pop(step, None)

    def retell(self, view_of: Callable[[Step], Any]) -> None:
        """Say again, in the language now set, what still shows."""
        for step, (shown, words) in list(self._errors.items()):
            view = view_of(step)
            label = getattr(view, "error", None)
            if label is None or label.text() != shown:
                del self._errors[step]  # the citizen moved on: nothing to say again
                continue
            again = words()
            view.set_error(again)
            self._errors[step] = (again, words)

    def forget(self) -> None:
        """The visit ended: nothing is said again."""
        self._errors.clear()
