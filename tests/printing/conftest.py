"""Printing and pickup fixtures: a pickup service on the tiny event and fake badge outputs."""

from __future__ import annotations

import datetime as dt

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlite_utils import Database

from kiosk.domain.attendee import Attendee
from kiosk.domain.event import Event
from kiosk.service.desk import StaffDesk
from kiosk.service.pickup import PickupService

STAFF_PIN = "246802"


class FakeOutput:
    """A badge printer that remembers what it printed, or fails with `error`."""

    def __init__(self, error: str | None = None) -> None:
        self.error = error
        self.printed: list[tuple[str, str | None]] = []

    @property
    def name(self) -> str:
        return "fake"

    def print_badge(self, attendee: Attendee, code: str | None) -> str | None:
        if self.error is None:
            self.printed.append((attendee.id, code))
        return self.error


class Clock:
    """A hand-moved clock for throttling tests."""

    def __init__(self) -> None:
        self.now = dt.datetime(2026, 10, 14, 1, 0, tzinfo=dt.UTC)

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def pickup(
    db: Database, event: Event, signing_key: Ed25519PrivateKey, clock: Clock
) -> PickupService:
    return PickupService(
        db, event, signing_key=signing_key, verify_pin=lambda pin: pin == STAFF_PIN, clock=clock
    )


@pytest.fixture
def output() -> FakeOutput:
    return FakeOutput()


@pytest.fixture
def desk(db: Database, event: Event, signing_key: Ed25519PrivateKey, clock: Clock) -> StaffDesk:
    return StaffDesk(
        db, event, signing_key=signing_key, verify_pin=lambda pin: pin == STAFF_PIN, clock=clock
    )
