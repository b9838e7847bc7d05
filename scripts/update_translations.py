"""Refreshes kiosk/resources/translations/kiosk_*.ts (Qt Linguist sources) from the UI's texts.

pyside6-lupdate only sees literal QCoreApplication.translate(...) calls; the UI modules
wrap them in a short `_t(text)` whose context is fixed per module. This finds both kinds,
keeps every translation already in the .ts files, marks new texts unfinished, and drops
texts no longer used. Edit the .ts files with pyside6-linguist; the app compiles them.

    python scripts/update_translations.py [--fill FILE.json]
"""

from __future__ import annotations

import argparse
import ast
import json
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UI = ROOT / "kiosk" / "ui"
# The pickup screen carries its own texts per language (kiosk/ui/pickup/texts.py): the
# attendee picks the language there, whatever the kiosk's Qt language is.
SOURCES = sorted(p for p in UI.rglob("*.py") if (UI / "pickup") not in p.parents)
# Printed reports speak the UI language too, with texts of their own (context "Report").
SOURCES += [
    ROOT / "kiosk" / "cli" / "report_pages.py",
    ROOT / "kiosk" / "cli" / "rollcall_pages.py",
]
OUT = ROOT / "kiosk" / "resources" / "translations"
LANGS = ("en", "zh_CN", "de")


def _literal(node: ast.AST) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def texts() -> dict[str, list[str]]:
    """{context: [source texts in order of appearance]}."""
    found: dict[str, list[str]] = {}
    for path in SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        short = None
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef) and node.name == "_t":
                for call in ast.walk(node):
                    if isinstance(call, ast.Call) and call.args and _literal(call.args[0]):
                        short = _literal(call.args[0])
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name == "translate" and len(node.args) >= 2:
                context, text = _literal(node.args[0]), _literal(node.args[1])
            elif name == "_t" and node.args and short:
                context, text = short, _literal(node.args[0])
            else:
                continue
            if context and text and text not in found.setdefault(context, []):
                found[context].append(text)
    return found


def existing(path: Path) -> dict[tuple[str, str], str]:
    if not path.exists():
        return {}
    known = {}
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            translation = msg.find("translation")
            if translation is not None and translation.text:
                known[(name, msg.findtext("source") or "")] = translation.text
    return known


def write(lang: str, found: dict[str, list[str]], fill: dict[str, dict[str, str]]) -> int:
    path = OUT / f"kiosk_{lang}.ts"
    known = existing(path)
    root = ET.Element("TS", version="2.1", language=lang)
    missing = 0
    for context in sorted(found):
        ctx = ET.SubElement(root, "context")
        ET.SubElement(ctx, "name").text = context
        for text in found[context]:
            msg = ET.SubElement(ctx, "message")
            ET.SubElement(msg, "source").text = text
            value = known.get((context, text)) or fill.get(lang, {}).get(text)
            if lang == "en":
                value = value or text
            translation = ET.SubElement(msg, "translation")
            if value:
                translation.text = value
            else:
                translation.set("type", "unfinished")
                missing += 1
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n")
    return missing


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--fill", type=Path, help='JSON {"de": {"source": "translation"}}')
    args = parser.parse_args()
    fill = json.loads(args.fill.read_text(encoding="utf-8")) if args.fill else {}
    found = texts()
    OUT.mkdir(parents=True, exist_ok=True)
    for lang in LANGS:
        missing = write(lang, found, fill)
        print(f"kiosk_{lang}.ts: {sum(map(len, found.values()))} texts, {missing} untranslated")


if __name__ == "__main__":
    main()
