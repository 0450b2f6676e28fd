"""The pseudo language "qps": every text 40 % longer, accented and bracketed.

Not a language anyone reads: a test that the screens leave room for a longer one (Kichwa
words are long) and that every visible text goes through the translation system. "Reserve su
turno" becomes "[Ŕéšéŕvé šú ţúŕñö ·····]": the brackets show when an end is cut off, the
accents when a font lacks a letter, the dots make it 40 % longer. Placeholders (`%1`, `%n`,
`%L1`, `{name}`), rich-text tags and entities are kept as they are, so code that fills them in
still works.

`scripts/build-translations --pseudo` writes kiosk_qps.ts from the sources (pyside6-lupdate
into a scratch file, then `python -m kiosk.ui.pseudo_locale SCRATCH.ts OUT.ts`); it is
compiled to kiosk_qps.qm like the real catalogues. Plural forms follow Spanish (the forms of
kiosk_es.ts where it has them).
"""

from __future__ import annotations

import math
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

PSEUDO_CODE = "qps"
STRETCH = 1.4
#: Kept verbatim: rich-text tags, entities, Qt's %1/%L1/%n and str.format's {name}.
_KEEP = re.compile(r"(<[^<>]+>|&[A-Za-z#0-9]+;|%L?\d+|%n|\{[A-Za-z_0-9]*\})")
_ACCENTS = str.maketrans(
    "abcdeghiklnoprstuyzABCDEGHIKLNOPRSTUYZ",
    "áƀçďéĝĥíķĺñöƥŕšţúýžÁƁÇĎÉĜĤÍĶĹÑÖƤŔŠŢÚÝŽ",
)
_PAD = "·"
_PAD_WORD = 6  # the padding is split into words, so that it wraps like text


def visible_length(text: str) -> int:
    """Characters a reader sees: tags and entities count as nothing and one."""
    length = 0
    for part in _KEEP.split(text):
        if part.startswith("<") and part.endswith(">"):
            continue
        length += 1 if part.startswith("&") and part.endswith(";") else len(part)
    return length


def pseudo(text: str) -> str:
    """`text` accented, bracketed and padded to at least 40 % more visible characters."""
    if not text.strip():
        return text
    tokens = text.split(" ")
    if len(tokens) >= 3 and all(0 < len(t) <= 3 and not set(t) & set("%{}<&") for t in tokens):
        # A list the code splits at spaces ("Lu Ma Mi Ju Vi Sá Do"): each item longer by
        # itself, so the split still gives one item per day.
        extra = math.ceil(len(text) * STRETCH) - len(text)
        pads = [extra // len(tokens) + (i < extra % len(tokens)) for i in range(len(tokens))]
        return " ".join(t.translate(_ACCENTS) + _PAD * n for t, n in zip(tokens, pads, strict=True))
    parts = _KEEP.split(text)
    accented = "".join(
        part if index % 2 else part.translate(_ACCENTS) for index, part in enumerate(parts)
    )
    wanted = math.ceil(visible_length(text) * STRETCH)
    missing = max(1, wanted - visible_length(text) - 3)  # "[", " ", "]" count too
    words = [_PAD * min(_PAD_WORD, missing - i) for i in range(0, missing, _PAD_WORD)]
    return f"[{accented} {' '.join(words)}]"


def _spanish_plurals(spanish_ts: Path | None) -> dict[tuple[str, str], list[str]]:
    if spanish_ts is None or not spanish_ts.is_file():
        return {}
    found: dict[tuple[str, str], list[str]] = {}
    # Our own sources, written by lupdate: trusted input.
    for context in ET.parse(spanish_ts).getroot().iter("context"):  # noqa: S314
        name = context.findtext("name", "")
        for message in context.iter("message"):
            forms = [f.text or "" for f in message.iter("numerusform")]
            if message.get("numerus") == "yes" and all(forms):
                found[(name, message.findtext("source", ""))] = forms
    return found


def pseudo_catalogue(scratch_ts: Path, out_ts: Path, spanish_ts: Path | None = None) -> int:
    """Fill every message of `scratch_ts` (lupdate's, untranslated) with its pseudo text and
    write `out_ts`; returns the number of messages."""
    tree = ET.parse(scratch_ts)  # noqa: S314 (lupdate's output from our sources)
    root = tree.getroot()
    root.set("language", "es")  # plural rules: Spanish's (Qt knows no "qps")
    root.set("sourcelanguage", "es")
    plurals = _spanish_plurals(spanish_ts)
    count = 0
    for context in root.iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            source = message.findtext("source", "")
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            translation.attrib.pop("type", None)
            if message.get("numerus") == "yes":
                forms = plurals.get((name, source), [source, source])
                for child in list(translation):
                    translation.remove(child)
                translation.text = None
                for form in forms:
                    ET.SubElement(translation, "numerusform").text = pseudo(form)
            else:
                translation.text = pseudo(source)
            count += 1
    ET.indent(tree, space="    ")
    body = ET.tostring(root, encoding="unicode")
    out_ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )
    return count


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3):
        print("usage: python -m kiosk.ui.pseudo_locale SCRATCH.ts OUT.ts [kiosk_es.ts]")
        return 2
    spanish = Path(argv[2]) if len(argv) == 3 else None
    count = pseudo_catalogue(Path(argv[0]), Path(argv[1]), spanish)
    print(f"{argv[1]}: {count} pseudo-translated messages")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
