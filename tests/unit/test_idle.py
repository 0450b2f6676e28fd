"""The idle policy and tracker, driven by a fake clock (no sleeping)."""

from __future__ import annotations

import pytest

from kiosk.domain.flow import Step
from kiosk.domain.idle import IdlePhase, IdlePolicy, IdleState, IdleTracker


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


POLICY = IdlePolicy.standard(default_s=60, code_step_s=180, warning_s=20)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def tracker_on(step: Step, clock: FakeClock) -> IdleTracker:
    tracker = IdleTracker(POLICY, clock)
    tracker.step_changed(step)
    return tracker


def test_timeouts_per_step() -> None:
    assert POLICY.timeout_for(Step.WELCOME) is None
    assert POLICY.timeout_for(Step.VERIFY_CODE) == 180
    for step in set(Step) - {Step.WELCOME, Step.VERIFY_CODE}:
        assert POLICY.timeout_for(step) == 60


def test_per_step_overrides_are_copied_and_read_only() -> None:
    overrides = {Step.DONE: 30}
    policy = IdlePolicy(60, overrides, 10)
    overrides[Step.DONE] = 5
    assert policy.timeout_for(Step.DONE) == 30
    with pytest.raises(TypeError):
        policy.per_step[Step.DONE] = 5  # type: ignore[index]


@pytest.mark.parametrize(
    ("default_s", "per_step", "warning_s"),
    [(20, {}, 20), (60, {Step.VERIFY_CODE: 10}, 20), (60, {}, 0)],
)
def test_warning_must_fit_inside_every_timeout(
    default_s: int, per_step: dict[Step, int], warning_s: int
) -> None:
    with pytest.raises(ValueError, match="warning_s"):
        IdlePolicy(default_s, per_step, warning_s)


def test_welcome_never_times_out(clock: FakeClock) -> None:
    tracker = tracker_on(Step.WELCOME, clock)
    clock.advance(10_000)
    assert tracker.state() == IdleState(IdlePhase.ACTIVE, None)
    assert tracker.next_change_in() is None


def test_active_then_warning_with_countdown_then_expired(clock: FakeClock) -> None:
    tracker = tracker_on(Step.PROVINCE, clock)
    assert tracker.state() == IdleState(IdlePhase.ACTIVE, 60)
    assert tracker.next_change_in() == 40
    clock.advance(39.5)
    assert tracker.state().phase is IdlePhase.ACTIVE
    clock.advance(0.5)
    assert tracker.state() == IdleState(IdlePhase.WARNING, 20)
    clock.advance(0.25)
    assert tracker.state() == IdleState(IdlePhase.WARNING, 20)  # rounded up, never shows 0
    assert tracker.next_change_in() == pytest.approx(0.75)
    clock.advance(19.5)
    assert tracker.state() == IdleState(IdlePhase.WARNING, 1)
    clock.advance(0.25)
    assert tracker.state() == IdleState(IdlePhase.EXPIRED, 0)
    assert tracker.next_change_in() is None


def test_touch_restarts_the_time_while_active(clock: FakeClock) -> None:
    tracker = tracker_on(Step.CONTACT, clock)
    clock.advance(35)
    tracker.touch()
    clock.advance(35)
    assert tracker.state() == IdleState(IdlePhase.ACTIVE, 25)


def test_touch_does_not_dismiss_the_warning_but_extend_does(clock: FakeClock) -> None:
    tracker = tracker_on(Step.SCHEDULE, clock)
    clock.advance(45)
    tracker.touch()
    assert tracker.state() == IdleState(IdlePhase.WARNING, 15)
    tracker.extend()  # "Sí, necesito más tiempo"
    assert tracker.state() == IdleState(IdlePhase.ACTIVE, 60)


def test_expired_is_final_until_the_step_changes(clock: FakeClock) -> None:
    tracker = tracker_on(Step.REVIEW, clock)
    clock.advance(61)
    tracker.touch()
    tracker.extend()
    assert tracker.state().phase is IdlePhase.EXPIRED
    tracker.step_changed(Step.WELCOME)  # the UI wiped the draft
    assert tracker.state() == IdleState(IdlePhase.ACTIVE, None)


def test_code_step_gets_longer(clock: FakeClock) -> None:
    tracker = tracker_on(Step.VERIFY_CODE, clock)
    clock.advance(150)
    assert tracker.state() == IdleState(IdlePhase.ACTIVE, 30)
    clock.advance(11)
    assert tracker.state() == IdleState(IdlePhase.WARNING, 19)


def test_a_new_step_starts_its_own_full_time(clock: FakeClock) -> None:
    tracker = tracker_on(Step.CONTACT, clock)
    clock.advance(50)
    tracker.step_changed(Step.VERIFY_CODE)
    assert tracker.step is Step.VERIFY_CODE
    assert tracker.state() == IdleState(IdlePhase.ACTIVE, 180)


def test_next_change_in_lands_exactly_on_each_change(clock: FakeClock) -> None:
    """What a single-shot UI timer would see: every second of the countdown, then expiry."""
    tracker = tracker_on(Step.AGENCY, clock)
    seen = []
    while (wait := tracker.next_change_in()) is not None:
        clock.advance(wait)
        seen.append(tracker.state())
    assert seen[0] == IdleState(IdlePhase.WARNING, 20)
    assert [s.seconds_left for s in seen] == [*range(20, 0, -1), 0]
    assert seen[-1].phase is IdlePhase.EXPIRED
