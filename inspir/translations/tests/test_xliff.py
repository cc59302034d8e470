"""XLIFF files to and from translators: what we write, what their tools send back, and
what a hostile file cannot do."""

import re
import time
import xml.etree.ElementTree as ET

import pytest
from django.utils import translation
from translate.storage import xliff as toolkit

from inspir.translations.xliff import (
    MAX_BYTES,
    MAX_DEPTH,
    MAX_ELEMENTS,
    Problem,
    ReadUnit,
    Unit,
    XliffError,
    xliff_read,
    xliff_write,
)

NS = "{urn:oasis:names:tc:xliff:document:1.2}"

UNITS = [
    Unit(
        original_id=12,
        revision=3,
        source="Le budget 2021 & ses <annexes>\n  — « adopté » à l'unanimité ✊🏽",
        source_language="fr",
        target="The 2021 budget",
        note="Décision “Budget 2021” — statement",
    ),
    Unit(
        original_id=7,
        revision=1,
        source='  Acta de la reunión:\r\n\t"quórum" alcanzado\n\n',
        source_language="es",
        target='  Minutes:\r\n\t"quorum" reached\n\n',
    ),
    Unit(
        original_id=40,
        revision=12,
        source="Ordre du jour\n1. Ouverture\n2. Divers",
        source_language="fr",
        target="Agenda\n1. Opening\n2. AOB",
        note='Meeting "AG" <agenda>',
    ),
]


def export(units=UNITS, target_language="en") -> bytes:
    return xliff_write(units, target_language=target_language, original="inspir-network-3")


def line_of(document: bytes, unit_id: str) -> int:
    """The line of the <trans-unit> with this id, counted in the text itself."""
    text = document.decode("utf-8")
    match = re.search(rf'<trans-unit[^>]*\bid="{re.escape(unit_id)}"', text)
    assert match is not None, unit_id
    return text.count("\n", 0, match.start()) + 1


def assert_readable_messages(problems: list[Problem]) -> None:
    for problem in problems:
        assert type(problem.message) is str and problem.message.strip()


# What we write


def test_export_is_xliff_1_2_with_one_file_per_source_language():
    document = export()

    assert document.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    root = ET.fromstring(document)  # noqa: S314 - our own output
    assert root.tag == f"{NS}xliff" and root.get("version") == "1.2"
    files = root.findall(f"{NS}file")
    assert [(f.get("source-language"), f.get("target-language")) for f in files] == [
        ("fr", "en"),
        ("es", "en"),
    ]
    assert {(f.get("original"), f.get("datatype")) for f in files} == {
        ("inspir-network-3", "plaintext")
    }
    french = files[0].findall(f"{NS}body/{NS}trans-unit")
    assert [unit.get("id") for unit in french] == ["text-12-r3", "text-40-r12"]
    assert french[0].get("{http://www.w3.org/XML/1998/namespace}space") == "preserve"
    assert french[0].findtext(f"{NS}note") == "Décision “Budget 2021” — statement"
    spanish = files[1].find(f"{NS}body/{NS}trans-unit")
    assert spanish is not None and spanish.find(f"{NS}note") is None


def test_a_text_not_yet_translated_is_exported_as_needing_translation():
    document = export([Unit(5, 2, "Bonjour", "fr"), Unit(6, 1, "Salut", "fr", target="Hi")])

    targets = ET.fromstring(document).iter(f"{NS}target")  # noqa: S314 - our own output
    assert [(t.get("state"), t.text or "") for t in targets] == [
        ("needs-translation", ""),
        ("translated", "Hi"),
    ]


def test_round_trip_gives_back_every_character_and_the_order():
    document = export()

    units, problems = xliff_read(document)

    assert problems == []
    assert [(u.original_id, u.revision, u.source, u.target, u.target_language) for u in units] == [
        (12, 3, UNITS[0].source, UNITS[0].target, "en"),
        (40, 12, UNITS[2].source, UNITS[2].target, "en"),
        (7, 1, UNITS[1].source, UNITS[1].target, "en"),
    ]
    assert [u.line for u in units] == [
        line_of(document, "text-12-r3"),
        line_of(document, "text-40-r12"),
        line_of(document, "text-7-r1"),
    ]


def test_characters_xml_cannot_carry_are_left_out_and_the_rest_kept():
    # Word writes a line break inside a paragraph as a vertical tab.
    units, problems = xliff_read(export([Unit(1, 1, "Ligne\x0bsuite\x00", "fr", "Line\x0bnext")]))

    assert problems == []
    assert (units[0].source, units[0].target) == ("Lignesuite", "Linenext")


# What translation tools send back


def test_a_file_translated_with_translate_toolkit_is_read():
    exported = export()
    store = toolkit.xlifffile.parsestring(exported)
    translations = {
        "text-12-r3": "The 2021 budget & its <annexes>\n  — “adopted” unanimously ✊🏽",
        "text-40-r12": "Agenda\n1. Opening\n2. Any other business",
        "text-7-r1": '  Minutes of the meeting:\r\n\t"quorum" reached\n\n',
    }
    for unit in store.units:
        # Units of several <file>s are named "<file>\x04<id>" by the toolkit.
        assert unit.getid().rpartition("\x04")[2] in translations
        assert unit.source in {u.source for u in UNITS}  # the toolkit reads ours exactly
        unit.target = translations[unit.getid().rpartition("\x04")[2]]
        unit.markapproved(True)
    returned = bytes(store)
    assert b'approved="yes"' in returned

    units, problems = xliff_read(returned)

    assert problems == []
    assert {(u.original_id, u.revision): u.target for u in units} == {
        (12, 3): translations["text-12-r3"],
        (40, 12): translations["text-40-r12"],
        (7, 1): translations["text-7-r1"],
    }
    assert {u.target_language for u in units} == {"en"}
    assert {u.original_id: u.source for u in units} == {
        12: UNITS[0].source,
        40: UNITS[2].source,
        7: UNITS[1].source,
    }
    assert {f"text-{u.original_id}-r{u.revision}": u.line for u in units} == {
        unit_id: line_of(returned, unit_id) for unit_id in translations
    }


def test_a_unit_the_translator_left_is_listed_with_its_line():
    store = toolkit.xlifffile.parsestring(
        export([Unit(1, 1, "Un", "fr"), Unit(2, 4, "Deux", "fr"), Unit(3, 2, "Trois", "fr")])
    )
    first, _, third = store.units
    first.target = "One"
    third.target = "Three"
    third.markfuzzy(True)  # unsure, but a translation all the same
    returned = bytes(store)

    units, problems = xliff_read(returned)

    assert [(u.original_id, u.target) for u in units] == [(1, "One"), (3, "Three")]
    assert [(p.unit, p.line) for p in problems] == [("text-2-r4", line_of(returned, "text-2-r4"))]
    assert_readable_messages(problems)


def test_a_file_made_from_scratch_by_translate_toolkit_is_read():
    store = toolkit.xlifffile(sourcelanguage="fr", targetlanguage="es")
    for original_id, revision, source, target in [
        (31, 2, "Bonjour\n  à tous", "Hola\n  a todos"),
        (32, 5, "Fin & <suite>", "Fin & <continuación> 🎉"),
    ]:
        unit = store.addsourceunit(source)
        unit.setid(f"text-{original_id}-r{revision}")
        unit.target = target
    document = bytes(store)
    # The toolkit writes a new file as XLIFF 1.1, whose units are those of 1.2.
    assert b"urn:oasis:names:tc:xliff:document:1.1" in document

    units, problems = xliff_read(document)

    assert problems == []
    assert units == [
        ReadUnit(
            31, 2, "Bonjour\n  à tous", "Hola\n  a todos", "es", line_of(document, "text-31-r2")
        ),
        ReadUnit(
            32, 5, "Fin & <suite>", "Fin & <continuación> 🎉", "es", line_of(document, "text-32-r5")
        ),
    ]


def test_inline_elements_of_tools_are_read_as_their_text():
    document = b"""<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
 <file original="x" source-language="fr" target-language="en" datatype="plaintext">
  <body>
   <group id="g1">
    <trans-unit id="text-9-r1" xml:space="preserve">
     <source>Premier. Second.</source>
     <seg-source><mrk mtype="seg" mid="1">Premier.</mrk> <mrk mtype="seg" mid="2">Second.</mrk></seg-source>
     <target><mrk mtype="seg" mid="1"><g id="b">First</g>.</mrk> <mrk mtype="seg" mid="2">Sec<x id="1"/>ond.</mrk><!-- a tool's comment --></target>
     <alt-trans><target>A suggestion, not the translation</target></alt-trans>
    </trans-unit>
   </group>
  </body>
 </file>
</xliff>
"""  # noqa: E501 - a file as a tool writes it

    units, problems = xliff_read(document)

    assert problems == []
    assert [(u.source, u.target, u.line) for u in units] == [
        ("Premier. Second.", "First. Second.", 6)
    ]


def test_the_language_comes_from_each_units_file_else_from_its_target():
    document = b"""<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
<file original="x" source-language="fr" target-language="es" datatype="plaintext"><body>
<trans-unit id="text-1-r1"><source>a</source><target>b</target></trans-unit>
</body></file>
<file original="x" source-language="fr" datatype="plaintext"><body>
<trans-unit id="text-2-r1"><source>a</source><target xml:lang="en-GB">b</target></trans-unit>
<trans-unit id="text-3-r1"><source>a</source><target>b</target></trans-unit>
</body></file>
</xliff>
"""
    units, problems = xliff_read(document)

    assert [(u.original_id, u.target_language) for u in units] == [(1, "es"), (2, "en-GB")]
    assert [(p.line, p.unit) for p in problems] == [(8, "text-3-r1")]
    assert_readable_messages(problems)


def test_line_numbers_count_windows_line_ends_once():
    document = export().replace(b"\n", b"\r\n")

    units, _problems = xliff_read(document)

    assert [u.line for u in units] == [
        line_of(export(), u) for u in ("text-12-r3", "text-40-r12", "text-7-r1")
    ]


# Units that cannot be taken


BAD_UNITS = b"""<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
  <file original="x" source-language="fr" target-language="en" datatype="plaintext">
    <body>
      <trans-unit id="text-1-r1"><source>a</source><target>A</target></trans-unit>
      <trans-unit id="other-2"><source>b</source><target>B</target></trans-unit>
      <trans-unit id="text-3-r"><source>c</source><target>C</target></trans-unit>
      <trans-unit id="text-\xd9\xa4-r1"><source>d</source><target>D</target></trans-unit>
      <trans-unit><source>e</source><target>E</target></trans-unit>
      <trans-unit id="text-6-r2"><source>f</source></trans-unit>
      <trans-unit id="text-7-r2"><source>g</source><target>
  </target></trans-unit>
      <trans-unit id="text-1-r1"><source>a</source><target>Again</target></trans-unit>
      <trans-unit id="text-9999999999999999999-r1"><source/><target>H</target></trans-unit>
      <trans-unit id="text-8-r3"><source>i</source><target>I</target></trans-unit>
    </body>
  </file>
</xliff>
"""


def test_bad_ids_and_missing_translations_are_problems_with_their_lines():
    units, problems = xliff_read(BAD_UNITS)

    assert [(u.original_id, u.revision, u.target, u.line) for u in units] == [
        (1, 1, "A", 5),
        (8, 3, "I", 15),
    ]
    assert [(p.line, p.unit) for p in problems] == [
        (6, "other-2"),
        (7, "text-3-r"),
        (8, "text-\u0664-r1"),  # an Arabic-Indic digit is not a platform id
        (9, ""),
        (10, "text-6-r2"),
        (11, "text-7-r2"),
        (13, "text-1-r1"),
        (14, "text-9999999999999999999-r1"),  # beyond any key
    ]
    assert_readable_messages(problems)
    assert problems[0].message != problems[4].message


EMPTY = b'<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"/>'


def test_a_file_without_units_says_so():
    assert [(p.line, p.unit) for p in xliff_read(EMPTY)[1]] == [(0, "")]


# Files that are refused


def assert_refused(document: bytes) -> XliffError:
    with pytest.raises(XliffError) as raised:
        xliff_read(document)
    assert type(str(raised.value)) is str and str(raised.value).strip()
    return raised.value


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE xliff [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
 <file original="x" source-language="fr" target-language="en" datatype="plaintext"><body>
  <trans-unit id="text-1-r1"><source>a</source><target>&lol9;</target></trans-unit>
 </body></file>
</xliff>
"""


def test_entity_expansion_is_refused_without_expanding():
    started = time.monotonic()

    error = assert_refused(BILLION_LAUGHS)

    assert time.monotonic() - started < 1
    assert "lol" not in str(error)
    # Refused as a document type, whatever it declares; not as a file that is broken.
    plain_doctype = export().replace(b"<xliff ", b"<!DOCTYPE xliff>\n<xliff ")
    assert str(assert_refused(plain_doctype)) == str(error)
    assert str(assert_refused(export()[:-30])) != str(error)


def test_an_external_entity_is_refused_and_the_file_not_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("the server's secret")
    for doctype in (
        f'<!DOCTYPE xliff [<!ENTITY secret SYSTEM "file://{secret}">]>',
        f'<!DOCTYPE xliff SYSTEM "file://{secret}">',
        '<!DOCTYPE xliff [<!ENTITY % remote SYSTEM "http://127.0.0.1:9/x.dtd"> %remote;]>',
    ):
        document = f"""<?xml version="1.0"?>
{doctype}
<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
 <file original="x" source-language="fr" target-language="en" datatype="plaintext"><body>
  <trans-unit id="text-1-r1"><source>a</source><target>&secret;</target></trans-unit>
 </body></file>
</xliff>
""".encode()

        error = assert_refused(document)

        assert "secret" not in str(error), doctype


@pytest.mark.parametrize(
    "document",
    [
        b"<html><body>Hello</body></html>",
        b'<xliff version="1.2"><file/></xliff>',  # no namespace
        b'<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="fr"/>',
        b'<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="2.0"/>',
        b'<file xmlns="urn:oasis:names:tc:xliff:document:1.2"/>',
        b'<xliff xmlns="urn:oasis:names:tc:xliff:document:1.0" version="1.0"/>',
    ],
)
def test_other_xml_is_not_taken_for_xliff(document):
    assert str(assert_refused(document)) == str(assert_refused(b"<html/>"))


@pytest.mark.parametrize(
    "document",
    [
        b"",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe",
        b"PK\x03\x04 a zip, or a .docx sent by mistake",
        export()[:-30],  # cut short
        export().replace(b"Le budget", b"Le \xff budget"),  # not UTF-8
        b'<?xml version="1.0" encoding="no-such-encoding"?><xliff/>',
        b"<xliff>&undeclared;</xliff>",
    ],
)
def test_what_is_not_xml_is_refused(document):
    assert_refused(document)


def test_a_file_above_the_size_limit_is_refused_and_one_at_the_limit_read():
    document = export()
    at_limit = document.replace(
        b"<xliff ", b"<!--" + b" " * (MAX_BYTES - len(document) - 8) + b"-->\n<xliff "
    )
    assert len(at_limit) == MAX_BYTES

    assert len(xliff_read(at_limit)[0]) == len(UNITS)
    assert_refused(at_limit.replace(b"<!--", b"<!-- "))


def test_too_many_or_too_deeply_nested_elements_are_refused():
    head = b'<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">'
    assert_refused(head + b"<x/>" * MAX_ELEMENTS + b"</xliff>")
    assert_refused(head + b"<g>" * MAX_DEPTH + b"</g>" * MAX_DEPTH + b"</xliff>")


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_messages_are_text_in_every_language(language):
    with translation.override(language):
        problems = xliff_read(BAD_UNITS)[1] + xliff_read(EMPTY)[1]
        assert_readable_messages(problems)
        for document in (b"<html/>", b"", BILLION_LAUGHS, b"x" * (MAX_BYTES + 1)):
            assert_refused(document)
