"""What the review, done and printer-fallback screens tell of a turn, and how.

The documents are this citizen's own (`Procedure.requirements_for` with the document they
identified with): a cédula holder is never told of the foreigners' alternatives, a passport
holder never told to bring a cédula. A requirement the kiosk cannot decide (qualified artisans)
is said as a condition. Marks are plain bullets: a "☐" looked like something to tap.

Agency names and addresses are shown as the catalogue writes them in Spanish, in either
language: they are proper names, and "100 Ficticia Street" is no street anyone can find.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QScroller,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.contact import mask_email
from kiosk.domain.flow import Draft
from kiosk.domain.models import (
    Agency,
    Audience,
    Booking,
    Catalog,
    Confirmation,
    Language,
    Requirement,
)
from kiosk.ui.date_words import DateWords
from kiosk.ui.labels import MessageLabel, label
from kiosk.ui.layout import discard
from kiosk.ui.text import first_upper

if TYPE_CHECKING:
    from kiosk.ui.theme import Theme

BULLET = "•"  # a list mark: nothing to tick, nothing to tap


# -- the facts ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TurnFacts:
    """A booked turn as the done and printer-fallback screens tell it."""

    booking: Booking
    token: str
    agency: Agency | None
    requirements: tuple[Requirement, ...]  # this citizen's documents, conditional ones last
    masked_email: str | None = None  # where the confirmation also went, masked

    def __repr__(self) -> str:  # the token and the address stay out of logs
        return f"TurnFacts(booking={self.booking.id!r})"

    def local_start(self) -> dt.datetime:
        """The start in the agency's own zone (Galápagos is an hour behind the mainland)."""
        if self.agency is None:
            return self.booking.start
        return self.booking.start.astimezone(ZoneInfo(self.agency.time_zone))


def turn_facts(
    confirmation: Confirmation,
    catalog: Catalog | None,
    document_type: str | None,
    email: str | None,
) -> TurnFacts:
    """The facts of `confirmation` for a citizen who identified with `document_type`
    (`IdType` values; None: unknown) and gave `email` (None: no email)."""
    booking = confirmation.booking
    agency = catalog.agency(booking.agency_id) if catalog else None
    procedure = catalog.procedure(booking.procedure_code) if catalog else None
    needed = procedure.requirements_for(document_type) if procedure else ()
    return TurnFacts(
        booking, confirmation.token, agency, needed, mask_email(email) if email else None
    )


def draft_facts(draft: Draft, catalog: Catalog | None) -> TurnFacts | None:
    """The facts of the draft's confirmation (a new booking or a reprint), if there is one.

    A reprint names no address: its confirmation went out when it was booked, perhaps to
    another one."""
    if draft.confirmation is None:
        return None
    document_type = draft.document.type.value if draft.document else None
    email = None if draft.confirmation in draft.existing else draft.email
    return turn_facts(draft.confirmation, catalog, document_type, email)


def message(kind: str) -> MessageLabel:
    """A message that takes its room only when shown: for these screens, where it is set
    with the rest of the screen and nothing is typed under it."""
    return MessageLabel(kind, reserve_chars=0)


def agency_name(agency: Agency) -> str:
    return agency.name.es  # a proper name: never translated


def agency_address(agency: Agency) -> str:
    return agency.address.es  # an address: never translated


class TurnWords(QObject):
    """The words the three screens share, through Qt's translations."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._dates = DateWords(self)

    def requirement_title(self, requirement: Requirement, lang: Language | str) -> str:
        """The title, with the condition first when only some citizens need it."""
        title = requirement.title.get(lang)
        if requirement.applies_to is Audience.QUALIFIED_ARTISANS:
            return self.tr("Si es artesano calificado: {title}").replace("{title}", title)
        return title

    def day(self, day: dt.date) -> str:
        return first_upper(self._dates.long_date(day))

    def when(self, start: dt.datetime) -> str:
        """ "Jueves 3 de diciembre de 2026, a las 09:00"."""
        return (
            self.tr("{date}, a las {time}")
            .replace("{date}", self.day(start.date()))
            .replace("{time}", start.strftime("%H:%M"))
        )

    def emailed(self, masked_email: str) -> str:
        return self.tr("También le enviamos la confirmación al correo {email}.").replace(
            "{email}", masked_email
        )


# -- the documents -----------------------------------------------------------------------------


class DocumentList(QWidget):
    """The documents to bring, one under the other after a plain bullet.

    With `details`, each requirement's detail (where the catalogue says "firmado a mano")
    follows its title in body-size text: visible, never behind a tap.
    """

    def __init__(self, theme: Theme, *, details: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._details = details
        self._words = TurnWords(self)
        self._requirements: tuple[Requirement, ...] = ()
        self._lang = Language.ES
        self._rows: list[QWidget] = []
        self.title_labels: list[QLabel] = []
        self.detail_labels: list[QLabel] = []
        self._column = QVBoxLayout(self)
        self._column.setContentsMargins(0, 0, 0, 0)
        self.refresh_theme(theme)

    def set_requirements(self, requirements: Sequence[Requirement], lang: Language | str) -> None:
        self._requirements = tuple(requirements)
        self._lang = Language(lang)
        self._render()

    def titles(self) -> list[str]:
        """The titles as shown (conditions included), in order."""
        return [t.text() for t in self.title_labels]

    def text(self) -> str:
        """Everything the list shows, one line per title or detail."""
        lines: list[str] = []
        for row in self._rows:
            lines += [w.text() for w in row.findChildren(QLabel) if w.text() != BULLET]
        return "\n".join(lines)

    def _render(self) -> None:
        for row in self._rows:
            discard(row)
        self._rows, self.title_labels, self.detail_labels = [], [], []
        for requirement in self._requirements:
            row = QWidget(self)
            grid = QGridLayout(row)
            grid.setContentsMargins(0, 0, 0, 0)
            grid.setHorizontalSpacing(self._column.spacing())
            grid.setVerticalSpacing(0)
            mark = label(BULLET, "value", wrap=False)
            mark.setAlignment(Qt.AlignmentFlag.AlignTop)
            grid.addWidget(mark, 0, 0, Qt.AlignmentFlag.AlignTop)
            title = label(self._words.requirement_title(requirement, self._lang), "value")
            grid.addWidget(title, 0, 1)
            self.title_labels.append(title)
            detail = requirement.detail.get(self._lang)
            if self._details and detail:
                words = label(detail)  # body size, body colour: a rule to read, not a footnote
                grid.addWidget(words, 1, 1)
                self.detail_labels.append(words)
            grid.setColumnStretch(1, 1)
            self._column.addWidget(row)
            row.show()
            self._rows.append(row)

    def refresh_theme(self, theme: Theme) -> None:
        self._column.setSpacing(theme.gap_px() * (2 if self._details else 1))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._render()
        super().changeEvent(event)


class CuedScroll(QWidget):
    """A finger-scrolled area that says so while more lies below.

    The cue ("▼ Deslice para ver más") lies over the area's bottom edge, so showing or hiding
    it moves nothing, and it lets touches through to the area; it goes once the end is in
    view. The area asks for the height of all its content and takes less only when the
    screen has no more room.
    """

    def __init__(self, content: QWidget, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.area = QScrollArea()
        self.area.setWidgetResizable(True)
        self.area.setFrameShape(QFrame.Shape.NoFrame)
        self.area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.area.setWidget(content)
        QScroller.grabGesture(
            self.area.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture
        )
        content.installEventFilter(self)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.area)
        self.cue = label("", None)
        self.cue.setObjectName("scrollCue")
        self.cue.setParent(self)
        self.cue.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.cue.hide()
        bar = self.area.verticalScrollBar()
        bar.rangeChanged.connect(lambda _lo, _hi: self._update_cue())
        bar.valueChanged.connect(lambda _v: self._update_cue())
        self.refresh_theme(theme)
        self.retranslate()

    def more_below(self) -> bool:
        bar = self.area.verticalScrollBar()
        return bar.value() < bar.maximum()

    def sizeHint(self) -> QSize:
        content = self.area.widget()
        assert content is not None
        hint = content.sizeHint()
        width = self.width() if self.width() > 1 else hint.width()
        height = content.heightForWidth(width) if content.hasHeightForWidth() else -1
        return QSize(hint.width(), height if height > 0 else hint.height())

    def minimumSizeHint(self) -> QSize:
        return QSize(0, 0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()  # the content changed: ask the screen for its new height
        return super().eventFilter(watched, event)

    def _update_cue(self) -> None:
        self.cue.setVisible(self.more_below())
        self._place_cue()

    def _place_cue(self) -> None:
        width = self.area.viewport().width()
        height = self.cue.heightForWidth(width)
        self.cue.setGeometry(0, self.area.height() - height, width, height)
        self.cue.raise_()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # the content's height follows the width
        self._update_cue()

    def refresh_theme(self, theme: Theme) -> None:
        c = theme.colors
        self.cue.setStyleSheet(
            f"background-color: {c.surface}; color: {c.fg}; font-weight: bold;"
            f" border-top: {theme.border_px()}px solid {c.outline};"
        )
        self._place_cue()

    def retranslate(self) -> None:
        self.cue.setText(self.tr("▼ Deslice para ver más"))
        self._place_cue()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


# -- the turn ----------------------------------------------------------------------------------


class BringList(CuedScroll):
    """ "Preséntese 10 minutos antes con:" and this citizen's documents by title, scrolling
    with its cue when long (the done screen and the printer fallback)."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, theme.gap_px(), 0)
        column.setSpacing(theme.gap_px())
        caption = label("", "value")
        documents = DocumentList(theme, details=False)
        column.addWidget(caption)
        column.addWidget(documents)
        column.addStretch(1)
        super().__init__(content, theme, parent)
        self.caption = caption
        self.documents = documents

    def show_documents(self, facts: TurnFacts | None, lang: Language | str) -> None:
        self.caption.setText(self.tr("Preséntese 10 minutos antes con:"))
        self.documents.set_requirements(facts.requirements if facts else (), lang)
        self.setVisible(bool(facts and facts.requirements))


class TurnBlock(QWidget):
    """The turn code (large), the day and hour in words, the agency and its address."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._words = TurnWords(self)
        self._facts: TurnFacts | None = None
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self.code_caption = label("", "help")
        self.code = label("", "code", wrap=False)
        self.when = label("", "value")
        self.agency = label("", "value")
        self.address = label("")
        for widget in (self.code_caption, self.code, self.when, self.agency, self.address):
            column.addWidget(widget)
        column.addStretch(1)
        self.refresh_theme(theme)
        self.retranslate()

    def show_facts(self, facts: TurnFacts | None) -> None:
        self._facts = facts
        self.retranslate()

    def refresh_theme(self, theme: Theme) -> None:
        layout = self.layout()
        assert layout is not None
        layout.setSpacing(theme.gap_px())
        # Larger than any text on the screen: the one thing the counter will ask for.
        self.code.setStyleSheet(f"font-size: {round(theme.font_px('title') * 1.6)}px;")

    def retranslate(self) -> None:
        self.code_caption.setText(self.tr("Su turno"))
        facts = self._facts
        if facts is None:
            for widget in (self.code, self.when, self.agency, self.address):
                widget.clear()
            return
        self.code.setText(facts.booking.code)
        self.when.setText(self._words.when(facts.local_start()))
        self.agency.setText(agency_name(facts.agency) if facts.agency else "")
        self.address.setText(agency_address(facts.agency) if facts.agency else "")
        self.agency.setVisible(facts.agency is not None)
        self.address.setVisible(facts.agency is not None)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
