"""Splitting a full name into given and family name, for exports with one name column."""

from __future__ import annotations

# Two-character Chinese surnames (simplified and traditional forms): 欧阳娜娜 is 欧阳 + 娜娜,
# not 欧 + 阳娜娜. A full name of two characters is always surname + given name.
_COMPOUND = (
    "欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 令狐 澹台 轩辕 端木 "
    "独孤 南宫 西门 呼延 百里 东郭 闻人 万俟 赫连 申屠 钟离 太史 公冶 濮阳 淳于 单于 仲孙 "
    "司空 拓跋 第五 左丘 谷梁 梁丘 闾丘 羊舌 微生 "
    "歐陽 司馬 諸葛 尉遲 公孫 長孫 軒轅 獨孤 南宮 鍾離 聞人 東方 東郭 澹臺 閭丘"
)
COMPOUND_SURNAMES = frozenset(_COMPOUND.split())


def is_cjk(text: str) -> bool:
    """Whether every character is a CJK ideograph or kana (names written family-first)."""
    return bool(text) and all(
        "\u3040" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or ch >= "\U00020000"
        for ch in text
    )


def split_full_name(full: str) -> tuple[str, str]:
    """(first_name, last_name) from one name cell.

    CJK names run family-first: 张伟 -> ('伟', '张'), 欧阳娜娜 -> ('娜娜', '欧阳'), 张 伟 ->
    ('伟', '张'). "Family, Given" -> given first. Otherwise the first word is the given
    name and the rest the family name(s): Núria Puig i Solé -> ('Núria', 'Puig i Solé').
    A single word is kept as the first name.
    """
    text = " ".join(full.split())
    if not text:
        return "", ""
    if "," in text:
        family, _, given = text.partition(",")
        if family.strip() and given.strip():
            return given.strip(), family.strip()
        text = (family or given).strip()
    words = text.split(" ")
    if all(is_cjk(w) for w in words):
        if len(words) > 1:
            return "".join(words[1:]), words[0]
        if len(text) == 1:
            return "", text
        if len(text) >= 3 and text[:2] in COMPOUND_SURNAMES:
            return text[2:], text[:2]
        return text[1:], text[0]
    if len(words) == 1:
        return text, ""
    return words[0], " ".join(words[1:])
