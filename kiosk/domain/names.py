"""What a person may type for a surname: its folded spelling, and pinyin for a Han surname.

A touch kiosk has no Chinese input method, so 王 must be findable as 'wang' and 欧阳 as
'ouyang'. pypinyin reads characters as common words do; several characters read
differently as surnames (单 shan, not dan; 曾 zeng, not ceng), and pypinyin has no surname
mode (mozillazg/python-pinyin#120, #297), hence the table below. Both readings are kept:
an attendee who types the everyday reading still finds their badge, and the registration
code or e-mail typed next to the surname is what tells people apart.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kiosk.domain.text import fold

# Han ideographs: CJK unified (+ extension A), compatibility, extensions B and later.
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")

# Surnames whose reading as a surname differs from pypinyin's first reading (toneless).
# Compound surnames first; single characters apply to the first character of a surname.
# Simplified and the traditional forms that differ.
_SURNAME_READINGS: dict[str, str] = {
    "万俟": "moqi",
    "萬俟": "moqi",
    "尉迟": "yuchi",
    "尉遲": "yuchi",
    "單于": "chanyu",
    "单于": "chanyu",
    "长孙": "zhangsun",
    "長孫": "zhangsun",
    "单": "shan",
    "單": "shan",
    "曾": "zeng",
    "区": "ou",
    "區": "ou",
    "解": "xie",
    "仇": "qiu",
    "朴": "piao",
    "樸": "piao",
    "查": "zha",
    "乐": "yue",
    "樂": "yue",
    "覃": "qin",
    "秘": "bi",
    "盖": "ge",
    "蓋": "ge",
    "翟": "zhai",
    "缪": "miao",
    "繆": "miao",
    "重": "chong",
    "种": "chong",
    "種": "chong",
    "繁": "po",
    "折": "she",
    "那": "na",
    "佴": "nai",
    "粘": "nian",
    "藏": "zang",
    "扎": "za",
    "薄": "bo",
    "居": "ju",
    "柏": "bai",
    "牟": "mou",
    "乜": "nie",
    "宿": "su",
    "尉": "yu",
    "冼": "xian",
    "过": "guo",
    "過": "guo",
    "纪": "ji",
    "紀": "ji",
    "华": "hua",
    "華": "hua",
}
_COMPOUNDS = tuple(name for name in _SURNAME_READINGS if len(name) > 1)
_DASHES = re.compile("[-‐-―]")


def has_han(text: str) -> bool:
    return not text.isascii() and _HAN.search(text) is not None


def pinyin(text: str) -> str:
    """Toneless pinyin of the Han characters in `text`, joined without spaces, other
    characters folded: '秀英' -> 'xiuying', '王' -> 'wang'; '' when `text` holds no Han."""
    # Checked before the cache so that Latin names (most rows, cheap to check) do not
    # push the Han ones out of it.
    return _pinyin(text) if has_han(text) else ""


@lru_cache(maxsize=65536)
def _pinyin(text: str) -> str:
    return "".join(_readings(text)).replace(" ", "")


def _readings(text: str) -> list[str]:
    # Imported on first use: loading pypinyin's dictionaries takes about 0.2 s, which a
    # kiosk whose attendees have no Han names (and every door start) should not pay.
    from pypinyin import lazy_pinyin

    return [fold(part) for part in lazy_pinyin(text, errors="default")]


def pinyin_keys(last_name: str) -> frozenset[str]:
    """The pinyin spellings (no spaces) of a Han surname: pypinyin's reading of the whole
    name, and the surname reading where it differs; empty for a surname without Han."""
    return _pinyin_keys(last_name) if has_han(last_name) else frozenset()


@lru_cache(maxsize=16384)  # surnames repeat: a few hundred cover most Chinese attendees
def _pinyin_keys(last_name: str) -> frozenset[str]:
    name = "".join(last_name.split())
    keys = {pinyin(name)}
    compound = next((c for c in _COMPOUNDS if name.startswith(c)), name[0])
    if compound in _SURNAME_READINGS:
        keys.add(_SURNAME_READINGS[compound] + pinyin(name[len(compound) :]))
    # ü is on few keyboards: pypinyin writes 'lv' (吕), passports LYU or LV, people often lu.
    keys |= {k.replace("v", u) for k in keys if "v" in k for u in ("u", "yu")}
    keys.discard("")
    return frozenset(keys)


def surname_keys(last_name: str) -> frozenset[str]:
    """Everything a person may type for this surname, folded: the surname itself
    ('groß' -> 'gross') and, for Han surnames, their pinyin ('欧阳' -> 'ouyang')."""
    folded = fold(last_name)
    return pinyin_keys(last_name) | ({folded} if folded else set())


def surname_matches(last_name: str, typed: str) -> bool:
    """Whether `typed` names this surname: the whole folded surname (hyphens and spaces
    alike: 'muller ludenscheidt'), any part of two or more letters of a hyphenated or
    compound one ('muller' or 'ludenscheidt' of 'Müller-Lüdenscheidt', 'puig' or 'sole'
    of 'Puig i Solé'), or its pinyin with or without spaces ('wang' for 王, 'ou yang'
    for 欧阳). Case and accents never matter."""
    wanted = _spaced(fold(typed))
    if not wanted:
        return False
    last = _spaced(fold(last_name))
    if last == wanted or wanted in _parts(last):
        return True
    return wanted.replace(" ", "") in pinyin_keys(last_name)


def _spaced(folded: str) -> str:
    """Hyphens (any dash) read as spaces: people type 'Muller Ludenscheidt' too."""
    return " ".join(_DASHES.sub(" ", folded).split())


def _parts(spaced: str) -> set[str]:
    """The words of a compound surname worth matching alone (not 'i' of 'Puig i Solé')."""
    return {word for word in spaced.split() if len(word) >= 2}
