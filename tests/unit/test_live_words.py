"""Refusals written again in the language the citizen switches to, while they still show."""

from __future__ import annotations

from dataclasses import dataclass, field

from kiosk.booking.live_words import LiveWords
from kiosk.domain.flow import Step


@dataclass
class Label:
    shown: str = ""

    def text(self) -> str:
        return self.shown


@dataclass
class View:
    error: Label = field(default_factory=Label)

    def set_error(self, text: str | None) -> None:
        self.error.shown = text or ""


class Language:
    """Stands for the installed translator: what `tr()` would give now."""

    def __init__(self) -> None:
        self.code = "es"

    def words(self, es: str, en: str) -> str:
        return en if self.code == "en" else es


def test_a_refusal_showing_is_written_again_after_a_switch() -> None:
    language, view, live = Language(), View(), LiveWords()
    views = {Step.IDENTIFY: view}

    def words() -> str:
        return language.words("No pudimos consultar.", "We could not look it up.")

    live.show(Step.IDENTIFY, words, view.set_error)
    language.code = "en"
    live.retell(views.__getitem__)
    assert view.error.text() == "We could not look it up."
    language.code = "es"
    live.retell(views.__getitem__)
    assert view.error.text() == "No pudimos consultar."


def test_nothing_is_said_again_once_the_citizen_moved_on() -> None:
    language, view, live = Language(), View(), LiveWords()
    views = {Step.SCHEDULE: view}

    def words() -> str:
        return language.words("Esa hora ya no está libre.", "That time is no longer free.")

    live.show(Step.SCHEDULE, words, view.set_error)
    view.set_error(None)  # the citizen chose another hour
    language.code = "en"
    live.retell(views.__getitem__)
    assert view.error.text() == ""
    view.set_error("Otra cosa")  # and a later error of another kind is left alone
    live.retell(views.__getitem__)
    assert view.error.text() == "Otra cosa"


def test_plain_text_and_a_wiped_visit_are_not_said_again() -> None:
    language, view, live = Language(), View(), LiveWords()
    views = {Step.REVIEW: view}
    live.show(Step.REVIEW, "Texto fijo", view.set_error)
    language.code = "en"
    live.retell(views.__getitem__)
    assert view.error.text() == "Texto fijo"

    def words() -> str:
        return language.words("uno", "one")

    live.show(Step.REVIEW, words, view.set_error)
    live.forget()
    language.code = "es"
    live.retell(views.__getitem__)
    assert view.error.text() == "one"
