"""The citizen's screens, one per step, and a typed way to reach each of them.

The shell keeps views by step as the common base class; the handlers need each screen's own
methods (`IdentifyView.value()`, `ScheduleView.set_slots()`), so `Screens` hands them out with
their real type, checked once where they are looked up.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from kiosk.domain.flow import Step
from kiosk.ui.shell import KioskShell
from kiosk.ui.step_view import StepView
from kiosk.ui.theme import Theme
from kiosk.views.agency import AgencyView
from kiosk.views.code import CodeView
from kiosk.views.contact import ContactView
from kiosk.views.done import DoneView
from kiosk.views.existing import ExistingView
from kiosk.views.identify import IdentifyView
from kiosk.views.printing import PrintingView
from kiosk.views.procedure import ProcedureView
from kiosk.views.province import ProvinceView
from kiosk.views.review import ReviewView
from kiosk.views.schedule import ScheduleView
from kiosk.views.welcome import WelcomeView

V = TypeVar("V", bound=StepView)

#: What builds each step's view, in the order of the flow.
VIEW_MAKERS: tuple[Callable[[Theme], StepView], ...] = (
    WelcomeView,
    IdentifyView,
    ContactView,
    CodeView,
    ExistingView,
    ProvinceView,
    ProcedureView,
    AgencyView,
    ScheduleView,
    ReviewView,
    PrintingView,
    DoneView,
)


def build_views(theme: Theme) -> list[StepView]:
    """One view per step, in the order of the flow."""
    return [make(theme) for make in VIEW_MAKERS]


class Screens:
    """The shell's views, each with its own type."""

    def __init__(self, shell: KioskShell) -> None:
        self._shell = shell

    def __call__(self, step: Step) -> StepView:
        return self._shell.view(step)

    def _get(self, step: Step, cls: type[V]) -> V:
        view = self._shell.view(step)
        if not isinstance(view, cls):
            raise TypeError(f"the view of {step.value} is a {type(view).__name__}")
        return view

    @property
    def welcome(self) -> WelcomeView:
        return self._get(Step.WELCOME, WelcomeView)

    @property
    def identify(self) -> IdentifyView:
        return self._get(Step.IDENTIFY, IdentifyView)

    @property
    def contact(self) -> ContactView:
        return self._get(Step.CONTACT, ContactView)

    @property
    def code(self) -> CodeView:
        return self._get(Step.VERIFY_CODE, CodeView)

    @property
    def existing(self) -> ExistingView:
        return self._get(Step.EXISTING_TURN, ExistingView)

    @property
    def province(self) -> ProvinceView:
        return self._get(Step.PROVINCE, ProvinceView)

    @property
    def procedure(self) -> ProcedureView:
        return self._get(Step.PROCEDURE, ProcedureView)

    @property
    def agency(self) -> AgencyView:
        return self._get(Step.AGENCY, AgencyView)

    @property
    def schedule(self) -> ScheduleView:
        return self._get(Step.SCHEDULE, ScheduleView)

    @property
    def review(self) -> ReviewView:
        return self._get(Step.REVIEW, ReviewView)

    @property
    def printing(self) -> PrintingView:
        return self._get(Step.PRINT, PrintingView)

    @property
    def done(self) -> DoneView:
        return self._get(Step.DONE, DoneView)
