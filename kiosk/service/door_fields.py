"""Staff at a desk (or the organiser) on the door fields of issue 15: a card reported lost,
a card handed out, an attention note. Each is a record of its own, signed and synced like a
badge replacement, so every door learns it; a door or pickup kiosk may not make them
(docs/trust.md: other kiosks would refuse its records)."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, replace

from kiosk.domain.attendee import Attendee
from kiosk.domain.cards import clean_note, normal_uid
from kiosk.domain.trust import STAFF_KINDS
from kiosk.service.desk import StaffDesk
from kiosk.service.pickup import MAX_REASON, PickupError, StaffNeeded
from kiosk.store import attendees, door_records, settings, trust_state
from kiosk.store.db import write
from kiosk.store.door_records import AttentionNote, CardAssignment, CardLoss


@dataclass(frozen=True)
class CardLost:
    holder: Attendee | None  # who held it; None if no attendee here did
    uid: str


def card_uid(text: str) -> str:
    """A UID as typed by a reader or a person, in its normal form; PickupError if none."""
    uid = normal_uid(text)
    if uid is None:
        raise PickupError(
            f"{text.strip()[:40]!r} is not a card UID (4 to 32 hex or decimal digits)"
        )
    return uid


class StaffRecords(StaffDesk):
    """The three staff records, behind the staff PIN."""

    def _allowed(self, pin: str | None) -> StaffNeeded | None:
        mine = trust_state.enrolments(self.db).get(settings.kiosk_id(self.db))
        if mine is not None and not all(mine.allows(kind) for kind in STAFF_KINDS):
            role = "un-enrolled" if mine.revoked else f"a {mine.role.value}"
            raise PickupError(
                f"this kiosk is {role}: cards and notes are set at a desk or by the organiser"
            )
        staff = self._staff(pin)
        if staff is not True:
            return staff if isinstance(staff, StaffNeeded) else StaffNeeded("bad_pin")
        return None

    def _now(self) -> str:
        return self.clock().astimezone(dt.UTC).isoformat()

    def report_card_lost(
        self, text: str, *, pin: str | None, reason: str
    ) -> CardLost | StaffNeeded:
        """Refuse card `text` at every door from now on (here at once, elsewhere after
        sync); its holder lets go of it, so a new card can be handed out."""
        uid = card_uid(text)
        refused = self._allowed(pin)
        if refused is not None:
            return refused
        reason = " ".join(reason.split())[:MAX_REASON]
        if not reason:
            return StaffNeeded("reason_required")
        holder = attendees.find_by_card_uid(self.db, uid)
        if holder is None:
            if door_records.lost_card(self.db, uid) is not None:
                raise PickupError(f"card {uid} was reported lost already")
            raise PickupError(f"no attendee holds card {uid}")
        with write(self.db):
            door_records.report_lost(
                self.db,
                CardLoss(uuid.uuid4().hex, self.kiosk_id, holder.id, uid, self._now(), reason),
            )
        return CardLost(holder, uid)

    def assign_card(
        self, attendee: Attendee, text: str, *, pin: str | None
    ) -> Attendee | StaffNeeded:
        """Hand card `text` to `attendee` (any card they held before stops identifying
        them). Refused for a card reported lost or held by someone else."""
        uid = card_uid(text)
        refused = self._allowed(pin)
        if refused is not None:
            return refused
        if door_records.lost_card(self.db, uid) is not None:
            raise PickupError(f"card {uid} was reported lost: it cannot be handed out again")
        holder = attendees.find_by_card_uid(self.db, uid)
        if holder is not None and holder.id != attendee.id:
            raise PickupError(f"card {uid} belongs to {holder.id}; report it lost first")
        if attendees.find_by_ticket_code(self.db, uid) is not None:
            raise PickupError(f"{uid} is a ticket code here: a scan must name one person")
        with write(self.db):
            door_records.assign(
                self.db,
                CardAssignment(uuid.uuid4().hex, self.kiosk_id, attendee.id, uid, self._now()),
            )
        return replace(attendee, card_uid=uid)

    def set_note(self, attendee: Attendee, text: str, *, pin: str | None) -> Attendee | StaffNeeded:
        """Give `attendee` an attention note for door staff ("" clears it)."""
        try:
            note = clean_note(text)
        except ValueError as exc:
            raise PickupError(str(exc)) from None
        refused = self._allowed(pin)
        if refused is not None:
            return refused
        with write(self.db):
            door_records.set_note(
                self.db,
                AttentionNote(uuid.uuid4().hex, self.kiosk_id, attendee.id, self._now(), note),
            )
        return replace(attendee, note=note)
