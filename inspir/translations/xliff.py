"""Texts exchanged with professional translators as XLIFF 1.2 files.

`xliff_write` exports member-written texts for one target language: one `<file>` per
source language, one `<trans-unit>` per text, whose id `text-<original id>-r<revision>`
names the `TextOriginal` and the revision the translator saw, so that an import knows what
each translation was made from. `xliff_read` reads the file a translator sends back.

Reading is safe against hostile files: the parser is defusedxml's, with document type
declarations, entities and external references refused (no billion laughs, no file of the
server read through an external entity), a size limit (`MAX_BYTES`) checked before parsing,
and limits on the number of elements and how deeply they nest, checked while parsing.

What is read, and why:

- The text of a `<source>` or `<target>` is its full text content (`itertext`): the text
  of inline elements a tool may add (`<g>`, `<mrk>`, `<ph>`...) is kept, empty ones
  (`<x/>`, `<bx/>`) add nothing. Our exports are plain text (`datatype="plaintext"`), so
  such elements can only come from a tool's segmentation or formatting, never from
  markup of ours.
- Whitespace is kept exactly as in the file (the units are written with
  `xml:space="preserve"`); a carriage return is written as `&#13;` so that it survives
  the XML parser's line-end normalisation.
- Characters XML 1.0 cannot carry at all (control characters other than tab, line feed
  and carriage return, such as the vertical tab Word uses for a line break) are left out
  of the export.
- XLIFF 1.1 files are read too: translate-toolkit (and tools built on it) writes a new
  file as 1.1, whose elements read here are those of 1.2.
- The language of a translation is its `<file>`'s `target-language` as written (a tool
  may write "fr-FR"), else its `<target>`'s `xml:lang`; units of several languages may
  come in one file.
- A unit whose id is not one the platform writes, that appears twice, or whose target is
  missing or blank is not an error of the whole file: it comes back as a `Problem` with
  its line, so that the import can apply the rest and list what it left.
- The target's `state` attribute is not consulted: a text that is there is taken as the
  translator's."""

import re
import xml.etree.ElementTree as ET  # builds the tree; defusedxml parses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any
from xml.parsers import expat

from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden
from defusedxml.ElementTree import DefusedXMLParser
from django.utils.translation import gettext as _

XLIFF_NAMESPACE = "urn:oasis:names:tc:xliff:document:1.2"
# What `xliff_read` accepts, with the version each namespace must declare.
READ_NAMESPACES = {
    XLIFF_NAMESPACE: "1.2",
    "urn:oasis:names:tc:xliff:document:1.1": "1.1",
}
XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace"

MAX_BYTES = 5 * 1024 * 1024
# Far above what 5 MB of real units hold (five elements a unit, a few inline ones), far
# below the million empty elements 5 MB can declare.
MAX_ELEMENTS = 300_000
MAX_DEPTH = 100

UNIT_ID = re.compile(r"text-(0|[1-9][0-9]{0,17})-r(0|[1-9][0-9]{0,17})")

# Everything outside XML 1.0's Char production (lone surrogates included).
NOT_XML_CHARACTER = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass(frozen=True)
class Unit:
    """One text to translate, as exported."""

    original_id: int  # the TextOriginal's primary key
    revision: int  # the original's revision at export
    source: str
    source_language: str
    target: str = ""  # the translation there is already, for the translator to start from
    note: str = ""  # where the text comes from, for the translator


@dataclass(frozen=True)
class ReadUnit:
    """One translation read from a translator's file."""

    original_id: int
    revision: int
    source: str
    target: str
    target_language: str
    line: int  # of its <trans-unit>, for messages


@dataclass(frozen=True)
class Problem:
    """A unit of a file that was read but could not be taken, and why."""

    line: int  # 0 when the whole file is concerned
    unit: str  # the trans-unit's id as written, "" when it has none
    message: str
    # Left untranslated by the translator: not an error in the file, the text stays to do.
    untranslated: bool = False


class XliffError(ValueError):
    """The file cannot be read as XLIFF 1.2 at all; str() is a translated message."""


def unit_id(original_id: int, revision: int) -> str:
    """The trans-unit id the platform writes for this revision of this original."""
    return f"text-{original_id}-r{revision}"


# Writing


def xliff_write(units: Sequence[Unit], *, target_language: str, original: str) -> bytes:
    """An XLIFF 1.2 document (UTF-8) asking for `units` in `target_language`: one <file>
    per source language, in the order the languages first appear, each holding its
    units in the order given. `original` names the export (the <file>s' `original`)."""
    by_language: dict[str, list[Unit]] = {}
    for unit in units:
        if unit.original_id < 0 or unit.revision < 0:
            raise ValueError(f"A unit's id and revision cannot be negative: {unit!r}")
        by_language.setdefault(unit.source_language, []).append(unit)

    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<xliff xmlns="{XLIFF_NAMESPACE}" version="1.2">',
    ]
    for source_language, language_units in by_language.items():
        lines.append(
            f"  <file original={_attribute(original)}"
            f" source-language={_attribute(source_language)}"
            f" target-language={_attribute(target_language)}"
            ' datatype="plaintext">'
        )
        lines.append("    <body>")
        for unit in language_units:
            lines.extend(_trans_unit(unit))
        lines.append("    </body>")
        lines.append("  </file>")
    lines.append("</xliff>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def _trans_unit(unit: Unit) -> list[str]:
    state = "translated" if unit.target else "needs-translation"
    lines = [
        f"      <trans-unit id={_attribute(unit_id(unit.original_id, unit.revision))}"
        f' resname="text-{unit.original_id}" xml:space="preserve">',
        f"        <source>{_text(unit.source)}</source>",
        f'        <target state="{state}">{_text(unit.target)}</target>',
    ]
    if unit.note:
        lines.append(f"        <note>{_text(unit.note)}</note>")
    lines.append("      </trans-unit>")
    return lines


def _text(value: str) -> str:
    """`value` as an element's content, read back exactly (carriage returns included)."""
    value = NOT_XML_CHARACTER.sub("", value)
    return (
        value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    )


def _attribute(value: str) -> str:
    """`value` as a quoted attribute value, read back exactly."""
    value = _text(value)
    value = value.replace('"', "&quot;").replace("\t", "&#9;").replace("\n", "&#10;")
    return f'"{value}"'


# Reading


def xliff_read(data: bytes) -> tuple[list[ReadUnit], list[Problem]]:
    """The translations of an XLIFF 1.2 file, in the file's order, and the units that
    could not be taken. Raises XliffError when the file cannot be read as XLIFF at all."""
    root, lines = _parse(data)
    namespace = root.tag[1:].partition("}")[0] if root.tag.startswith("{") else ""
    version = root.get("version")
    if (
        root.tag != f"{{{namespace}}}xliff"
        or namespace not in READ_NAMESPACES
        or (version is not None and version.strip() != READ_NAMESPACES[namespace])
    ):
        raise XliffError(_("This is not an XLIFF 1.2 file."))

    def tag(name: str) -> str:
        return f"{{{namespace}}}{name}"

    units: list[ReadUnit] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    found = False
    for file in root.iterfind(tag("file")):
        file_language = (file.get("target-language") or "").strip()
        for element in file.iter(tag("trans-unit")):
            found = True
            read = _read_unit(element, lines[element], file_language, seen, tag)
            if isinstance(read, ReadUnit):
                units.append(read)
            else:
                problems.append(read)
    if not found:
        problems.append(Problem(0, "", _("This file holds no text to translate.")))
    return units, problems


def _read_unit(
    element: ET.Element,
    line: int,
    file_language: str,
    seen: set[str],
    tag: Callable[[str], str],
) -> ReadUnit | Problem:
    written_id = element.get("id", "")
    if not written_id:
        return Problem(line, "", _("This unit has no id."))
    match = UNIT_ID.fullmatch(written_id)
    if match is None:
        return Problem(line, written_id, _("This unit's id is not one the platform wrote."))
    if written_id in seen:
        return Problem(
            line,
            written_id,
            _("This unit appears more than once in the file; only the first one was read."),
        )
    seen.add(written_id)

    source = element.find(tag("source"))
    target = element.find(tag("target"))
    target_text = _content(target)
    if target is None or not target_text.strip():
        return Problem(line, written_id, _("This text is not translated."), untranslated=True)
    language = file_language or (target.get(f"{{{XML_NAMESPACE}}}lang") or "").strip()
    if not language:
        return Problem(
            line,
            written_id,
            _("The file does not say which language this translation is in."),
        )
    return ReadUnit(
        original_id=int(match[1]),
        revision=int(match[2]),
        source=_content(source),
        target=target_text,
        target_language=language,
        line=line,
    )


def _content(element: ET.Element | None) -> str:
    """The element's full text, inline elements' text included, whitespace kept."""
    return "" if element is None else "".join(element.itertext())


class _LineRecordingTreeBuilder(ET.TreeBuilder):
    """Builds the tree and notes the line of each element's start tag, read from the
    expat parser as it reports the tag; also refuses too many or too deeply nested
    elements before they fill the memory."""

    def __init__(self) -> None:
        super().__init__()
        self.expat: Any = None
        self.lines: dict[ET.Element, int] = {}
        self.depth = 0

    def start(self, tag: Any, attrs: dict[Any, Any]) -> ET.Element:
        self.depth += 1
        if len(self.lines) >= MAX_ELEMENTS or self.depth > MAX_DEPTH:
            raise XliffError(
                _(
                    "This file has too many elements, or nests them too deeply, to be a "
                    "translation file."
                )
            )
        element = super().start(tag, attrs)
        self.lines[element] = self.expat.CurrentLineNumber
        return element

    def end(self, tag: Any) -> ET.Element:
        self.depth -= 1
        return super().end(tag)


def _parse(data: bytes) -> tuple[ET.Element, dict[ET.Element, int]]:
    if len(data) > MAX_BYTES:
        raise XliffError(
            _("This file is larger than %(size)d MB; send it in smaller files.")
            % {"size": MAX_BYTES // (1024 * 1024)}
        )
    builder = _LineRecordingTreeBuilder()
    parser = DefusedXMLParser(
        target=builder, forbid_dtd=True, forbid_entities=True, forbid_external=True
    )
    builder.expat = parser.parser
    try:
        parser.feed(data)
        root = parser.close()
    except XliffError:
        raise
    except (DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden) as refused:
        # Translation files have no use for them, and they are how XML files attack.
        raise XliffError(
            _(
                "This file declares a document type or entities, which translation files "
                "do not need; it was refused for safety."
            )
        ) from refused
    except (ET.ParseError, expat.ExpatError) as error:
        line = getattr(error, "position", (getattr(error, "lineno", 0), 0))[0]
        raise XliffError(
            _("This file is not well-formed XML (line %(line)d).") % {"line": line}
        ) from error
    except (ValueError, LookupError) as error:  # an encoding Python does not know
        raise XliffError(_("This file's encoding cannot be read.")) from error
    return root, builder.lines
