"""The text of each page of a PDF printed by Chromium, to check what a printed page shows.

Enough for Chromium's own output (Skia: plain object dictionaries, Flate-compressed streams,
Identity-H fonts with a ToUnicode map), with the standard library only; not a general PDF
reader. Each text object ends with a new line, so words of one line may come split."""

import re
import zlib


def _objects(data: bytes) -> dict[int, tuple[bytes, bytes | None]]:
    """Object number → (its dictionary, its decompressed stream or None)."""
    objects: dict[int, tuple[bytes, bytes | None]] = {}
    for match in re.finditer(rb"(\d+) 0 obj\s", data):
        body = data[match.end() : data.index(b"endobj", match.end())]
        head, _, rest = body.partition(b"stream")
        stream = None
        if rest:
            length = re.search(rb"/Length\s+(\d+)", head)
            assert length, "a stream without its length"
            raw = rest.lstrip(b"\r\n")[: int(length.group(1))]
            stream = zlib.decompress(raw) if b"/FlateDecode" in head else raw
        objects[int(match.group(1))] = (head, stream)
    return objects


def _to_unicode(cmap: bytes) -> dict[int, str]:
    """Glyph code → text, from a ToUnicode map's bfchar and bfrange sections."""
    table: dict[int, str] = {}
    text = cmap.decode("latin-1")
    for block in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S):
        for code, target in re.findall(r"<(\w+)>\s*<(\w+)>", block):
            table[int(code, 16)] = bytes.fromhex(target).decode("utf-16-be")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", text, re.S):
        for low, high, target in re.findall(r"<(\w+)>\s*<(\w+)>\s*<(\w+)>", block):
            first = int.from_bytes(bytes.fromhex(target), "big")
            for offset, code in enumerate(range(int(low, 16), int(high, 16) + 1)):
                table[code] = chr(first + offset)
    return table


def pages_text(data: bytes) -> list[str]:
    """The text shown on each page, in the order the pages are stored."""
    objects = _objects(data)
    pages = []
    for head, _ in objects.values():
        if not re.search(rb"/Type\s*/Page\b", head):
            continue
        fonts: dict[bytes, dict[int, str]] = {}
        font_names = re.search(rb"/Font\s*<<(.*?)>>", head, re.S)
        for name, number in re.findall(
            rb"/(\w+)\s+(\d+) 0 R", font_names.group(1) if font_names else b""
        ):
            to_unicode = re.search(rb"/ToUnicode\s+(\d+) 0 R", objects[int(number)][0])
            cmap = objects[int(to_unicode.group(1))][1] if to_unicode else None
            fonts[name] = _to_unicode(cmap) if cmap else {}
        contents = re.search(rb"/Contents\s+(\d+) 0 R", head)
        stream = objects[int(contents.group(1))][1] if contents else None
        font: dict[int, str] = {}
        shown: list[str] = []
        for token in re.finditer(rb"/(\w+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]*)>|\bET\b", stream or b""):
            if token.group(1):
                font = fonts.get(token.group(1), {})
            elif token.group(2) is None:
                shown.append("\n")
            else:
                codes = bytes.fromhex(token.group(2).decode())
                shown.extend(
                    font.get(int.from_bytes(codes[index : index + 2], "big"), "")
                    for index in range(0, len(codes), 2)
                )
        pages.append("".join(shown))
    return pages
