"""When an unattended kiosk gives up on a citizen and wipes their data.

Pure and clock-injected: the UI arms one single-shot timer for `IdleTracker.next_change_in()`
and asks `state()` when it fires, so tests drive time with a fake clock instead of sleeping.

A step times out `timeout_for(step)` seconds after the last touch; the last `warning_s` of that
time show the "¿Necesita más tiempo?" overlay with a countdown. During the warning an ordinary
touch does not count (the overlay swallows it: a brushed screen must not hide the question);
only `extend()` ("Sí, necesito más tiempo") restarts the full time. EXPIRED is final until the
UI has wiped the draft and reported the new step.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType

from kiosk.domain.flow import Step


class IdlePhase(StrEnum):
    ACTIVE = "active"
    WARNING = "warning"
    EXPIRED = "expired"


@dataclass(frozen=True)
class IdleState:
    phase: IdlePhase
    seconds_left: int | None = None  # whole seconds, rounded up; None when it never times out


@dataclass(frozen=True)
class IdlePolicy:
    """Seconds of inactivity allowed per step."""

    default_s: int
    per_step: Mapping[Step, int] = field(default_factory=dict)
    warning_s: int = 20

    def __post_init__(self) -> None:
        object.__setattr__(self, "per_step", MappingProxyType(dict(self.per_step)))
        if self.warning_s <= 0:
            raise ValueError("warning_s must be positive")
        for step in Step:
            timeout = self.timeout_for(step)
            if timeout is not None and timeout <= self.warning_s:
                raise ValueError(f"timeout of step {step.value} must exceed warning_s")

    @classmethod
    def standard(
        cls, default_s: int = 60, code_step_s: int = 180, warning_s: int = 20
    ) -> IdlePolicy:
        """The kiosk's policy: the code step is longer (the citizen is reading their mail)."""
        return cls(default_s, {Step.VERIFY_CODE: code_step_s}, warning_s)

    def timeout_for(self, step: Step) -> int | None:
        """Seconds before the step times out; None for WELCOME, which holds nothing personal."""
        if step is Step.WELCOME:
            return None
        return self.per_step.get(step, self.default_s)


class IdleTracker:
    def __init__(self, policy: IdlePolicy, clock: Callable[[], float]) -> None:
        self._policy = policy
        self._clock = clock
        self._step = Step.WELCOME
        self._deadline: float | None = None

    @property
    def step(self) -> Step:
        return self._step

    def step_changed(self, step: Step) -> None:
        """A new screen: the full time of that step starts now."""
        self._step = step
        self._restart()

    def touch(self) -> None:
        """The citizen did something; ignored while the warning is shown or after expiry."""
        if self.state().phase is IdlePhase.ACTIVE:
            self._restart()

    def extend(self) -> None:
        """ "Sí, necesito más tiempo": the full time again. Too late once expired."""
        if self.state().phase is not IdlePhase.EXPIRED:
            self._restart()

    def state(self) -> IdleState:
        if self._deadline is None:
            return IdleState(IdlePhase.ACTIVE)
        left = self._deadline - self._clock()
        if left <= 0:
            return IdleState(IdlePhase.EXPIRED, 0)
        phase = IdlePhase.WARNING if left <= self._policy.warning_s else IdlePhase.ACTIVE
        return IdleState(phase, math.ceil(left))

    def next_change_in(self) -> float | None:
        """Seconds until the phase (or, in WARNING, the countdown's whole second) changes."""
        if self._deadline is None:
            return None
        left = self._deadline - self._clock()
        if left <= 0:
            return None
        if left > self._policy.warning_s:
            return left - self._policy.warning_s
        return left - math.floor(left) or 1.0

    def _restart(self) -> None:
        timeout = self._policy.timeout_for(self._step)
        self._deadline = None if timeout is None else self._clock() + timeout
