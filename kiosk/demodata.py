"""Deterministic demo attendees and registrations for any event: multilingual, seeded, streaming."""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Iterator, Sequence
from typing import NamedTuple, TypeVar

from kiosk.demo_pools import COMPANIES as _COMPANIES
from kiosk.demo_pools import PERSONAL_DOMAINS as _PERSONAL_DOMAINS
from kiosk.demo_pools import POOLS as _POOLS
from kiosk.demo_pools import POSITIONS as _POSITIONS
from kiosk.domain.event import AttendeeType, Event, Registration, Session

T = TypeVar("T")


class AttendeeRow(NamedTuple):
    """One generated attendee; the fields of kiosk.domain.attendee.Attendee it fills."""

    id: str  # "A0000001"
    first_name: str  # given name
    last_name: str  # family name(s); CJK names are shown family-first by Attendee.name
    company: str  # may be "" (independent visitors)
    email: str  # ASCII, unique, on reserved domains (RFC 2606 / RFC 6761) only
    type: str  # an attendee type id of the event
    ticket_code: str  # 10 characters from _CODE_ALPHABET, unique
    position: str


class RegistrationRow(NamedTuple):
    attendee_id: str
    session_id: str
    kind: str  # "registered" (registration = required) or "invited" (registration = invitation)


class _Culture(NamedTuple):
    region: str  # which company, press, government and mail pools people of it draw from
    given: str
    family: str
    second_family: str  # "" or a pool of second surnames (Spanish naming)
    latin_from: str  # "": names as written; "pinyin": the romanised form of the pools
    position_lang: str  # job titles in this language, the rest in English
    position_share: float


_CULTURES: dict[str, _Culture] = {
    "zh": _Culture("cn", "zh_given", "zh_family", "", "", "zh", 0.6),
    "zh_latin": _Culture("intl", "zh_given", "zh_family", "", "pinyin", "en", 0.0),
    "es": _Culture("es", "es_given", "es_family", "es_family", "", "es", 0.4),
    "ca": _Culture("es", "ca_given", "ca_family", "ca_family", "", "es", 0.4),
    "de": _Culture("de", "de_given", "de_family", "", "", "de", 0.4),
    "en": _Culture("intl", "en_given", "en_family", "", "", "en", 0.0),
    "fr": _Culture("intl", "fr_given", "fr_family", "", "", "en", 0.0),
    "it": _Culture("intl", "it_given", "it_family", "", "", "en", 0.0),
    "ja": _Culture("intl", "ja_given", "ja_family", "", "", "en", 0.0),
    "ko": _Culture("intl", "ko_given", "ko_family", "", "", "en", 0.0),
    "ar": _Culture("intl", "ar_given", "ar_family", "", "", "en", 0.0),
}

# Culture shares per role (in _CULTURES order): a Shanghai expo, with guests from sister cities.
_CULTURE_SHARES: dict[str, tuple[float, ...]] = {
    "general": (62, 4, 7, 5, 6, 7, 2.5, 2, 2, 1.5, 1),
    "exhibitor": (70, 4, 5, 3, 7, 6, 1, 1, 1.5, 1, 0.5),
    "speaker": (45, 3, 12, 12, 8, 10, 3, 2, 2, 2, 1),
    "press": (55, 3, 10, 6, 8, 10, 3, 2, 1.5, 1, 0.5),
    "vip": (55, 0, 15, 15, 5, 5, 1, 1, 1, 0, 2),
    "staff": (75, 0, 8, 12, 2, 2, 0, 0, 0, 1, 0),
}

# Roles the generator knows by type id; shares of all attendees (5,000 -> ~75 speakers).
_ROLE_SHARES = {
    "visitor": 52.0,
    "delegate": 30.0,
    "exhibitor": 9.0,
    "speaker": 1.5,
    "press": 2.5,
    "vip": 2.0,
    "staff": 3.0,
}
_OTHER_TYPE_SHARE = 2.0

# Per-session registration behaviour per role: chance to register for workshops and the like,
# chance to be invited to each invitation-only session. Overbooked by 10% for no-shows.
_REGISTER_CHANCE = {"delegate": 0.35, "speaker": 0.10, "press": 0.05, "vip": 0.03}
_OTHER_REGISTER_CHANCE = 0.05
_INVITE_CHANCE = {"vip": 0.9, "speaker": 0.6, "press": 0.35}
_OVERBOOKING = 1.1

_NAME_BITS = 12  # resolution of name, type and culture tables (4096 slots)
_SMALL_BITS = 10  # resolution of company and position tables (1024 slots)

# Ticket codes: Crockford-like upper-case alphabet without I, O, 0 and 1 (no misreading).
_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
_CODE_BITS = 50  # 10 characters of 5 bits
_SUFFIX_FIRST_BLOCK = 10  # e-mail numbers 1..1024 for the first 1,024 attendees


# ------------------------------------------------------------------ tables


_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe"})
_LATIN_SPECIAL = str.maketrans({"ß": "ss", "ø": "o", "đ": "d", "ł": "l", "æ": "ae", "œ": "oe"})


def _ascii(text: str, german: bool = False) -> str:
    """Lower-case ASCII letters of a Latin-script name: 'Jürgen' -> 'jurgen' ('juergen' German)."""
    text = text.translate(_GERMAN if german else _LATIN_SPECIAL)
    text = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in text if "a" <= ch <= "z")


def _entries(spec: str, german: bool = False) -> list[tuple[str, str, float]]:
    """Parse 'display:ascii:weight,...' into (display, ascii, weight)."""
    out: list[tuple[str, str, float]] = []
    for item in spec.split(","):
        parts = [p.strip() for p in item.split(":")]
        display, rest = parts[0], parts[1:]
        weight = 1.0
        if rest and rest[-1].replace(".", "").isdigit() and len(rest) in (1, 2):
            weight = float(rest.pop())
        ascii_form = rest[0] if rest else _ascii(display, german)
        out.append((display, ascii_form, weight))
    return out


def _expand(weighted: Sequence[tuple[T, float]], bits: int) -> tuple[T, ...]:
    """A table of 2**bits slots where each item holds a share of slots proportional to weight.

    Every item keeps at least one slot, so rare names stay possible; drawing is then one
    random index, which is what keeps the generator fast.
    """
    size = 1 << bits
    items = [(item, w) for item, w in weighted if w > 0]
    if not items:
        raise ValueError("nothing to draw from")
    total = sum(w for _, w in items)
    slots = [max(1, int(w / total * size)) for _, w in items]
    order = sorted(range(len(items)), key=lambda k: -(items[k][1] / total * size - slots[k]))
    k = 0
    while sum(slots) < size:
        slots[order[k % len(order)]] += 1
        k += 1
    while sum(slots) > size:
        biggest = max(range(len(slots)), key=lambda j: slots[j])
        slots[biggest] -= 1
    table: list[T] = []
    for (item, _), n in zip(items, slots, strict=True):
        table.extend([item] * n)
    return tuple(table)


def _names(culture: _Culture, pool: str) -> tuple[tuple[str, str], ...]:
    """(display, ascii) pairs of a culture's pool, as drawn."""
    entries = _entries(_POOLS[pool], german=pool.startswith("de_"))
    if culture.latin_from == "pinyin":
        entries = [(a.capitalize(), a, w) for _, a, w in entries]
    return _expand([((d, a), w) for d, a, w in entries], _NAME_BITS)


def _role(kind: AttendeeType) -> str:
    if kind.id in _ROLE_SHARES:
        return "general" if kind.id in ("visitor", "delegate") else kind.id
    return "staff" if kind.all_access else "general"


def _companies(role: str, region: str) -> tuple[tuple[str, str], ...]:
    """(company, mail domain) pairs for a role and region; domain "" means no company mail."""

    def pool(name: str, share: float) -> list[tuple[tuple[str, str], float]]:
        entries = _entries(_COMPANIES[name])
        total = sum(w for _, _, w in entries)
        return [((d, f"{a}.example" if a else ""), w / total * share) for d, a, w in entries]

    if role == "exhibitor":
        mix = pool("exhibitors", 1.0)
    elif role == "staff":
        mix = pool("organisers", 1.0)
    elif role in ("press", "vip"):
        kind = "press" if role == "press" else "gov"
        mix = pool(f"{kind}_intl", 1.0 if region == "intl" else 0.2)
        if region != "intl":
            mix += pool(f"{kind}_{region}", 0.8)
    elif role == "speaker":
        mix = pool(f"academia_{region}", 0.7) + pool("academia_intl", 0.2)
        mix += pool("exhibitors", 0.1)
    else:
        mix = pool(f"general_{region}", 0.6) + pool("general_intl", 0.2)
        mix += pool("exhibitors", 0.1) + pool(f"academia_{region}", 0.1)
    return _expand(mix, _SMALL_BITS)


def _positions(role: str, culture: _Culture) -> tuple[str, ...]:
    english = _entries(_POSITIONS[f"{role}_en"])
    mix = [(d, w / len(english) * (1 - culture.position_share)) for d, _, w in english]
    if culture.position_share:
        local = _entries(_POSITIONS[f"{role}_{culture.position_lang}"])
        mix += [(d, w / len(local) * culture.position_share) for d, _, w in local]
    return _expand(mix, _SMALL_BITS)


class _Persona(NamedTuple):
    """Everything one draw of a culture for a role needs, resolved into flat tables."""

    given: tuple[tuple[str, str], ...]
    family: tuple[tuple[str, str], ...]
    second_family: tuple[tuple[str, str], ...] | None
    joiners: tuple[str, ...]  # between two surnames: " " or the Catalan " i "
    companies: tuple[tuple[str, str], ...]
    positions: tuple[str, ...]
    personal_domains: tuple[str, ...]


def _personas(event: Event) -> tuple[tuple[str, tuple[_Persona, ...]], ...]:
    """The type table: 4096 slots of (type id, that type's 4096-slot persona table)."""
    names: dict[tuple[str, str], tuple[tuple[str, str], ...]] = {}

    def named(key: str, pool: str) -> tuple[tuple[str, str], ...]:
        if (key, pool) not in names:
            names[key, pool] = _names(_CULTURES[key], pool)
        return names[key, pool]

    by_role: dict[str, tuple[_Persona, ...]] = {}
    weighted_types: list[tuple[tuple[str, tuple[_Persona, ...]], float]] = []
    for kind in event.types:
        role = _role(kind)
        if role not in by_role:
            personas = []
            for (key, c), share in zip(_CULTURES.items(), _CULTURE_SHARES[role], strict=True):
                if share <= 0:
                    continue
                joiners = (" i ", " ", " ", " ") if key == "ca" else (" ",)
                domains = tuple(_PERSONAL_DOMAINS[c.region].split(","))
                persona = _Persona(
                    named(key, c.given),
                    named(key, c.family),
                    named(key, c.second_family) if c.second_family else None,
                    tuple(joiners[j % len(joiners)] for j in range(16)),
                    _companies(role, c.region),
                    _positions(role, c),
                    tuple(domains[j % len(domains)] for j in range(16)),
                )
                personas.append((persona, share))
            by_role[role] = _expand(personas, _NAME_BITS)
        share = _ROLE_SHARES.get(kind.id, _OTHER_TYPE_SHARE)
        weighted_types.append(((kind.id, by_role[role]), share))
    return _expand(weighted_types, _NAME_BITS)


# ------------------------------------------------------------------ unique numbers


def _bits53(rnd: random.Random) -> int:
    # random() is the one method whose sequence Python guarantees across versions.
    return int(rnd.random() * (1 << 53))


def _odd(rnd: random.Random, bits: int) -> int:
    return (_bits53(rnd) & ((1 << bits) - 1)) | 1


class _Mix(NamedTuple):
    """A seeded bijection on [0, 2**bits): x -> h(m2 * h(m1 * (x ^ add))), h(y) = y ^ y >> shift.

    Each step is invertible modulo 2**bits (xor, multiplication by an odd number, xorshift),
    so distinct inputs give distinct outputs: unique codes without remembering any.
    """

    mask: int
    shift: int
    add: int
    m1: int
    m2: int


def _mix(rnd: random.Random, bits: int) -> _Mix:
    mask = (1 << bits) - 1
    return _Mix(
        mask, max(1, (bits + 1) // 2), _bits53(rnd) & mask, _odd(rnd, bits), _odd(rnd, bits)
    )


def _suffix_blocks(rnd: random.Random, count: int) -> Iterator[tuple[int, int, int, _Mix]]:
    """Blocks (first index, end index, first number, permutation) of the e-mail numbers.

    Index i gets a number unique to it: the first 1,024 attendees draw from 1..1024, the
    block [2**k, 2**(k+1)) from 2**k+1 .. 2**(k+1), each block shuffled. Numbers stay short
    for small events and the first n attendees are the same whatever the count.
    """
    first_bits = _SUFFIX_FIRST_BLOCK
    yield 0, min(count, 1 << first_bits), 1, _mix(rnd, first_bits)
    bits = first_bits
    while (1 << bits) < count:
        lo, hi = 1 << bits, min(count, 1 << (bits + 1))
        yield lo, hi, lo + 1, _mix(rnd, bits)
        bits += 1


# ------------------------------------------------------------------ generation


def _attendees(event: Event, count: int, seed: int) -> Iterator[AttendeeRow]:
    if count < 0:
        raise ValueError(f"count must not be negative, got {count}")
    types = _personas(event)
    rnd = random.Random(f"kiosk-demo-attendees-{seed}")
    numbers = random.Random(f"kiosk-demo-numbers-{seed}")
    ticket = _mix(numbers, _CODE_BITS)
    pairs = tuple(a + b for a in _CODE_ALPHABET for b in _CODE_ALPHABET)
    draw = rnd.random
    full, mask, small = float(1 << 53), (1 << _NAME_BITS) - 1, (1 << _SMALL_BITS) - 1
    row = AttendeeRow
    # The two _Mix bijections are inlined below: as calls they cost a fifth of the time.
    t_mask, t_shift, t_add, t_m1, t_m2 = ticket
    for lo, hi, first_number, shuffle in _suffix_blocks(numbers, count):
        s_mask, s_shift, s_add, s_m1, s_m2 = shuffle
        for i in range(lo, hi):
            a = int(draw() * full)  # 53 random bits from random(), see _bits53
            b = int(draw() * full)
            type_id, personas = types[a & mask]
            givens, families, seconds, joiners, companies, positions, domains = personas[
                (a >> 12) & mask
            ]
            given, g = givens[(a >> 24) & mask]
            family, f = families[(a >> 36) & mask]
            if seconds is not None:
                family = family + joiners[b & 15] + seconds[(b >> 4) & mask][0]
            company, domain = companies[(b >> 16) & small]
            if not domain or (a >> 51) & 3 == 0:
                domain = domains[(b >> 26) & 15]
            style = (a >> 48) & 7
            if style < 3:
                local = f"{g}.{f}"
            elif style == 3:
                local = f"{f}.{g}"
            elif style == 4:
                local = g[0] + f
            elif style == 5:
                local = f"{g}_{f}"
            else:
                local = f + g
            x = (((i - lo) ^ s_add) * s_m1) & s_mask
            x ^= x >> s_shift
            x = (x * s_m2) & s_mask
            number = first_number + (x ^ (x >> s_shift))
            x = ((i ^ t_add) * t_m1) & t_mask
            x ^= x >> t_shift
            x = (x * t_m2) & t_mask
            x ^= x >> t_shift
            yield row(
                f"A{i + 1:07d}",
                given,
                family,
                company,
                f"{local}{number}@{domain}",
                type_id,
                pairs[x & 1023]
                + pairs[(x >> 10) & 1023]
                + pairs[(x >> 20) & 1023]
                + pairs[(x >> 30) & 1023]
                + pairs[(x >> 40) & 1023],
                positions[(b >> 30) & small],
            )


class _Registrar:
    """Each attendee's per-session registrations and invitations, first come first served.

    A session stops taking people at its capacity plus 10% (no-shows); once every session a
    type could get is taken, that type leaves `active` and its attendees cost nothing more.
    """

    def __init__(self, event: Event, seed: int) -> None:
        self.draw = random.Random(f"kiosk-demo-registrations-{seed}").random
        self.left = {s.id: int(s.capacity * _OVERBOOKING) for s in event.sessions}
        self.register: dict[str, tuple[float, list[Session]]] = {}
        self.invite: dict[str, list[tuple[Session, float]]] = {}
        for kind in event.types:
            if kind.all_access:  # staff need neither
                continue
            admissible = [
                s
                for s in event.sessions
                if kind.may_enter(s.hall) and (s.types is None or kind.id in s.types)
            ]
            required = [s for s in admissible if s.registration is Registration.REQUIRED]
            chance = _REGISTER_CHANCE.get(kind.id, _OTHER_REGISTER_CHANCE)
            if required and chance:
                self.register[kind.id] = (chance, required)
            invite_chance = _INVITE_CHANCE.get(kind.id, 0.0)
            invited = [s for s in admissible if s.registration is Registration.INVITATION]
            if invited and invite_chance:
                self.invite[kind.id] = [(s, invite_chance) for s in invited]
        self.active = set(self.register) | set(self.invite)

    def rows_for(self, attendee_id: str, type_id: str) -> list[RegistrationRow]:
        rows: list[RegistrationRow] = []
        if type_id not in self.active:
            return rows
        draw = self.draw
        plan = self.register.get(type_id)
        if plan is not None and plan[1] and draw() < plan[0]:
            wanted = 1 if draw() < 0.65 else 2
            chosen: list[Session] = []
            for s in sorted(plan[1], key=lambda _: draw()):
                if len(chosen) < wanted and not any(
                    s.start < c.end and c.start < s.end for c in chosen
                ):
                    chosen.append(s)
            rows.extend(RegistrationRow(attendee_id, s.id, "registered") for s in chosen)
        rows.extend(
            RegistrationRow(attendee_id, s.id, "invited")
            for s, chance in self.invite.get(type_id, ())
            if draw() < chance
        )
        for row in rows:
            self.left[row.session_id] -= 1
            if not self.left[row.session_id]:
                self._close(row.session_id)
        return rows

    def _close(self, session_id: str) -> None:
        """Take a full session out of every plan; drop types left with nothing to get."""
        for type_id, (_, sessions) in self.register.items():
            sessions[:] = [s for s in sessions if s.id != session_id]
            if not sessions and not self.invite.get(type_id):
                self.active.discard(type_id)
        for type_id, invites in self.invite.items():
            invites[:] = [(s, c) for s, c in invites if s.id != session_id]
            if not invites and not self.register.get(type_id, (0.0, []))[1]:
                self.active.discard(type_id)


def generate_attendees(event: Event, count: int = 5000, seed: int = 2026) -> Iterator[AttendeeRow]:
    """`count` attendees of `event`, the same for the same seed; the first n never depend on count.

    Ids are "A0000001" upwards, ticket codes and e-mails unique, types drawn from the event's
    own types (known ids such as visitor or delegate in realistic shares, others rarely).
    """
    return _attendees(event, count, seed)


def generate_demo(
    event: Event, count: int = 5000, seed: int = 2026
) -> Iterator[tuple[AttendeeRow, list[RegistrationRow]]]:
    """Each attendee of generate_attendees() with their registrations, in one pass."""
    registrar = _Registrar(event, seed)
    active, rows_for = registrar.active, registrar.rows_for
    for row in _attendees(event, count, seed):
        yield row, rows_for(row.id, row.type) if row.type in active else []


def generate_registrations(
    event: Event, count: int = 5000, seed: int = 2026
) -> Iterator[RegistrationRow]:
    """The registrations of the attendees generate_attendees() yields for the same arguments.

    Types with a chance (delegates mostly) register for sessions with registration "required"
    until a session holds its capacity plus 10%; VIPs, speakers and some press are "invited"
    to invitation-only sessions the same way. Staff (all access) need neither.
    """
    for _, rows in generate_demo(event, count, seed):
        yield from rows
