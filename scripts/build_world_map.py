#!/usr/bin/env python3
"""Build inspir/network/data/world-110m.json, the geometry of the members map.

Source: Natural Earth 1:110m Admin 0 countries (https://www.naturalearthdata.com/, public
domain), as packaged in TopoJSON by the npm package world-atlas@2.0.2 (ISC licence, Mike
Bostock). Its countries-110m.json gives the shapes; countries-10m.json of the same package
only gives a position for the small states that the 1:110m scale leaves out (Singapore,
Cabo Verde, Mauritius...), so that a member there still gets a marker on the map.

The projection is Equal Earth (Šavrič, Patterson and Jenny, 2018): compact, and equal-area, so
that no country looks bigger than it is. Antarctica is left out. The output holds, for each
country keyed by ISO 3166-1 alpha-2 code, SVG path data in relative commands rounded to whole
units of a viewBox 1000 wide, a label point (the centre of the bounding box of its largest
ring) and whether it is too small to see or to click without a marker.

To regenerate (standard library only, nothing to install in the project), from the
repository root, with the package unpacked outside the repository:

    tmp=$(mktemp -d) && (cd "$tmp" && npm pack world-atlas@2.0.2 && tar xzf world-atlas-*.tgz)
    .venv/bin/python scripts/build_world_map.py "$tmp/package"

The output is deterministic: running it again on the same package changes nothing.
"""

import argparse
import json
import math
from collections.abc import Callable
from pathlib import Path

OUTPUT = Path(__file__).resolve().parent.parent / "inspir" / "network" / "data" / "world-110m.json"
WIDTH = 1000  # viewBox width; one unit is a pixel on a 1000-pixel-wide map
PADDING = 4  # viewBox units around the land, so that the coasts' strokes are not cut
# A country is "small" when it would be hard to see or to click: its area is not much more than
# that of the marker circle drawn for it (r = 4, some 50 square units; 60 square units are about
# 80 000 km²), or it is thinner than 6 units (a strip like Togo or the Gambia).
SMALL_AREA = 60.0
SMALL_WIDTH = 6.0
LEFT_OUT = {"010"}  # Antarctica
# Shapes without an ISO code: Kosovo has the code the CLDR (and Babel) use for it; the others
# (at 1:110m Northern Cyprus and Somaliland) are drawn as land without a country.
WITHOUT_ID = {"Kosovo": "XK", "N. Cyprus": None, "Somaliland": None}

# ISO 3166-1 numeric code -> alpha-2 code, for every id in world-atlas@2.0.2's countries
# files (checked against the ISO 3166-1 table of the pycountry package).
ISO_3166 = """
004 AF Afghanistan
008 AL Albania
010 AQ Antarctica
012 DZ Algeria
016 AS American Samoa
020 AD Andorra
024 AO Angola
028 AG Antigua and Barbuda
031 AZ Azerbaijan
032 AR Argentina
036 AU Australia
040 AT Austria
044 BS Bahamas
048 BH Bahrain
050 BD Bangladesh
051 AM Armenia
052 BB Barbados
056 BE Belgium
060 BM Bermuda
064 BT Bhutan
068 BO Bolivia
070 BA Bosnia and Herzegovina
072 BW Botswana
076 BR Brazil
084 BZ Belize
086 IO British Indian Ocean Territory
090 SB Solomon Islands
092 VG Virgin Islands, British
096 BN Brunei Darussalam
100 BG Bulgaria
104 MM Myanmar
108 BI Burundi
112 BY Belarus
116 KH Cambodia
120 CM Cameroon
124 CA Canada
132 CV Cabo Verde
136 KY Cayman Islands
140 CF Central African Republic
144 LK Sri Lanka
148 TD Chad
152 CL Chile
156 CN China
158 TW Taiwan
170 CO Colombia
174 KM Comoros
178 CG Congo
180 CD Congo, The Democratic Republic of the
184 CK Cook Islands
188 CR Costa Rica
191 HR Croatia
192 CU Cuba
196 CY Cyprus
203 CZ Czechia
204 BJ Benin
208 DK Denmark
212 DM Dominica
214 DO Dominican Republic
218 EC Ecuador
222 SV El Salvador
226 GQ Equatorial Guinea
231 ET Ethiopia
232 ER Eritrea
233 EE Estonia
234 FO Faroe Islands
238 FK Falkland Islands (Malvinas)
239 GS South Georgia and the South Sandwich Islands
242 FJ Fiji
246 FI Finland
248 AX Åland Islands
250 FR France
258 PF French Polynesia
260 TF French Southern Territories
262 DJ Djibouti
266 GA Gabon
268 GE Georgia
270 GM Gambia
275 PS Palestine, State of
276 DE Germany
288 GH Ghana
292 GI Gibraltar
296 KI Kiribati
300 GR Greece
304 GL Greenland
308 GD Grenada
316 GU Guam
320 GT Guatemala
324 GN Guinea
328 GY Guyana
332 HT Haiti
334 HM Heard Island and McDonald Islands
336 VA Holy See (Vatican City State)
340 HN Honduras
344 HK Hong Kong
348 HU Hungary
352 IS Iceland
356 IN India
360 ID Indonesia
364 IR Iran
368 IQ Iraq
372 IE Ireland
376 IL Israel
380 IT Italy
384 CI Côte d'Ivoire
388 JM Jamaica
392 JP Japan
398 KZ Kazakhstan
400 JO Jordan
404 KE Kenya
408 KP North Korea
410 KR South Korea
414 KW Kuwait
417 KG Kyrgyzstan
418 LA Laos
422 LB Lebanon
426 LS Lesotho
428 LV Latvia
430 LR Liberia
434 LY Libya
438 LI Liechtenstein
440 LT Lithuania
442 LU Luxembourg
446 MO Macao
450 MG Madagascar
454 MW Malawi
458 MY Malaysia
462 MV Maldives
466 ML Mali
470 MT Malta
478 MR Mauritania
480 MU Mauritius
484 MX Mexico
492 MC Monaco
496 MN Mongolia
498 MD Moldova
499 ME Montenegro
500 MS Montserrat
504 MA Morocco
508 MZ Mozambique
512 OM Oman
516 NA Namibia
520 NR Nauru
524 NP Nepal
528 NL Netherlands
531 CW Curaçao
533 AW Aruba
534 SX Sint Maarten (Dutch part)
540 NC New Caledonia
548 VU Vanuatu
554 NZ New Zealand
558 NI Nicaragua
562 NE Niger
566 NG Nigeria
570 NU Niue
574 NF Norfolk Island
578 NO Norway
580 MP Northern Mariana Islands
581 UM United States Minor Outlying Islands
583 FM Micronesia, Federated States of
584 MH Marshall Islands
585 PW Palau
586 PK Pakistan
591 PA Panama
598 PG Papua New Guinea
600 PY Paraguay
604 PE Peru
608 PH Philippines
612 PN Pitcairn
616 PL Poland
620 PT Portugal
624 GW Guinea-Bissau
626 TL Timor-Leste
630 PR Puerto Rico
634 QA Qatar
642 RO Romania
643 RU Russian Federation
646 RW Rwanda
652 BL Saint Barthélemy
654 SH Saint Helena, Ascension and Tristan da Cunha
659 KN Saint Kitts and Nevis
660 AI Anguilla
662 LC Saint Lucia
663 MF Saint Martin (French part)
666 PM Saint Pierre and Miquelon
670 VC Saint Vincent and the Grenadines
674 SM San Marino
678 ST Sao Tome and Principe
682 SA Saudi Arabia
686 SN Senegal
688 RS Serbia
690 SC Seychelles
694 SL Sierra Leone
702 SG Singapore
703 SK Slovakia
704 VN Vietnam
705 SI Slovenia
706 SO Somalia
710 ZA South Africa
716 ZW Zimbabwe
724 ES Spain
728 SS South Sudan
729 SD Sudan
732 EH Western Sahara
740 SR Suriname
748 SZ Eswatini
752 SE Sweden
756 CH Switzerland
760 SY Syria
762 TJ Tajikistan
764 TH Thailand
768 TG Togo
776 TO Tonga
780 TT Trinidad and Tobago
784 AE United Arab Emirates
788 TN Tunisia
792 TR Türkiye
795 TM Turkmenistan
796 TC Turks and Caicos Islands
798 TV Tuvalu
800 UG Uganda
804 UA Ukraine
807 MK North Macedonia
818 EG Egypt
826 GB United Kingdom
831 GG Guernsey
832 JE Jersey
833 IM Isle of Man
834 TZ Tanzania
840 US United States
850 VI Virgin Islands, U.S.
854 BF Burkina Faso
858 UY Uruguay
860 UZ Uzbekistan
862 VE Venezuela
876 WF Wallis and Futuna
882 WS Samoa
887 YE Yemen
894 ZM Zambia
"""
NUMERIC_TO_ALPHA2 = {line[:3]: line[4:6] for line in ISO_3166.strip().splitlines()}

# Equal Earth, from "The Equal Earth map projection", IJGIS 33(3), 2019.
A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = math.sqrt(3) / 2


def equal_earth(longitude: float, latitude: float) -> tuple[float, float]:
    """Degrees to projected units (y grows northwards, as on paper)."""
    lam, phi = math.radians(longitude), math.radians(latitude)
    theta = math.asin(M * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = lam * math.cos(theta) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)))
    y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))
    return x, y


Point = tuple[float, float]
Ring = list[Point]


def decode_arcs(topology: dict) -> list[list[Point]]:
    """TopoJSON arcs are quantized and delta-encoded: undo both, giving (longitude, latitude)."""
    (kx, ky), (dx, dy) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for step_x, step_y in arc:
            x, y = x + step_x, y + step_y
            points.append((x * kx + dx, y * ky + dy))
        arcs.append(points)
    return arcs


def clip(ring: Ring, keep: Callable[[float], bool]) -> Ring:
    """Sutherland-Hodgman against one vertical line: the part of the ring where
    keep(longitude) holds, joined along the line (concave rings may get zero-width bridges
    there, which draw nothing)."""
    out: Ring = []
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        if keep(x0) != keep(x1):
            edge = 180.0 if max(x0, x1) > 180 else -180.0
            out.append((edge, y0 + (y1 - y0) * (edge - x0) / (x1 - x0)))
        if keep(x1):
            out.append((x1, y1))
    return out


def cut_antimeridian(ring: Ring) -> list[Ring]:
    """world-atlas keeps rings whole on the sphere: Fiji's or Chukotka's cross the 180th
    meridian, which on a flat map would draw a line across the world. Unwrap the longitudes
    (so the ring runs on past 180), then cut it at ±180 into pieces that each fit the map."""
    unwrapped = [ring[0]]
    for x, y in ring[1:]:
        previous = unwrapped[-1][0]
        x += 360 * round((previous - x) / 360)
        unwrapped.append((x, y))
    xs = [x for x, _ in unwrapped]
    if abs(unwrapped[-1][0] - unwrapped[0][0]) > 1e-9:
        raise ValueError("a ring goes round a pole (only Antarctica does, and it is left out)")
    if -180 <= min(xs) and max(xs) <= 180:
        return [ring]
    pieces = []
    for shift in (-360, 0, 360):
        piece = [(x + shift, y) for x, y in unwrapped]
        piece = clip(clip(piece, lambda x: x <= 180), lambda x: x >= -180)
        if len(piece) >= 3:
            pieces.append(piece)
    return pieces


def ring_points(ring: list[int], arcs: list[list[Point]]) -> Ring:
    """Join a ring's arcs; a negative index ~i is arc i walked backwards."""
    points: Ring = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def polygons(geometry: dict) -> list[list[list[int]]]:
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["arcs"]
    return []


def area(ring: Ring) -> float:
    """Signed area (shoelace formula)."""
    return (
        sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True))
        / 2
    )


def bbox(points: Ring) -> tuple[float, float, float, float]:
    xs, ys = [x for x, _ in points], [y for _, y in points]
    return min(xs), min(ys), max(xs), max(ys)


def country_rings(topology: dict, arcs: list[list[Point]]) -> dict[str | None, list[Ring]]:
    """Every ring (outer rings and holes alike) of each country, projected, by alpha-2 code;
    None for land without a country."""
    rings: dict[str | None, list[Ring]] = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        numeric = geometry.get("id")
        if numeric in LEFT_OUT:
            continue
        if numeric is None:
            code = WITHOUT_ID.get(geometry["properties"]["name"])
        else:
            code = NUMERIC_TO_ALPHA2[numeric]
        for polygon in polygons(geometry):
            for ring in polygon:
                rings.setdefault(code, []).extend(
                    [equal_earth(*point) for point in piece]
                    for piece in cut_antimeridian(ring_points(ring, arcs))
                )
    return rings


def label_point(rings: list[Ring]) -> Point:
    largest = max(rings, key=lambda ring: abs(area(ring)))
    x0, y0, x1, y1 = bbox(largest)
    return (x0 + x1) / 2, (y0 + y1) / 2


def is_small(rings: list[Ring]) -> bool:
    largest = max(rings, key=lambda ring: abs(area(ring)))
    x0, y0, x1, y1 = bbox(largest)
    return (
        sum(abs(area(ring)) for ring in rings) < SMALL_AREA or min(x1 - x0, y1 - y0) < SMALL_WIDTH
    )


class Frame:
    """From projected units to viewBox units: scaled to WIDTH, y pointing down."""

    def __init__(self, rings: list[Ring]) -> None:
        x0, y0, x1, y1 = bbox([point for ring in rings for point in ring])
        self.scale = (WIDTH - 2 * PADDING) / (x1 - x0)
        self.left, self.top = x0, y1
        self.height = math.ceil((y1 - y0) * self.scale) + 2 * PADDING

    def __call__(self, point: Point) -> Point:
        x, y = point
        return (x - self.left) * self.scale + PADDING, (self.top - y) * self.scale + PADDING

    def whole(self, point: Point) -> tuple[int, int]:
        x, y = self(point)
        return round(x), round(y)


def simplify(ring: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Drop repeated points and points in a straight line between their neighbours (which
    rounding makes common); the closing point is left to the path's "z"."""
    points: list[tuple[int, int]] = []
    for point in ring:
        if not points or point != points[-1]:
            points.append(point)
    if len(points) > 1 and points[0] == points[-1]:
        points.pop()
    i = 0
    while len(points) >= 3 and i < len(points):
        (px, py), (x, y), (nx, ny) = points[i - 1], points[i], points[(i + 1) % len(points)]
        if (x - px) * (ny - y) == (y - py) * (nx - x):
            del points[i]
            i = max(i - 1, 0)  # the point before has a new neighbour: look at it again
        else:
            i += 1
    return points if len(points) >= 3 else []


def number_list(numbers: list[int]) -> str:
    """SVG numbers with the fewest separators: a minus sign separates on its own."""
    text = ""
    for number in numbers:
        if text and number >= 0:
            text += " "
        text += str(number)
    return text


def path_data(rings: list[list[tuple[int, int]]]) -> str:
    """'M x y l dx dy ... z', and each further ring as 'm' from the start of the one before
    (after 'z' the pen is back at that start)."""
    parts = []
    start = None
    for ring in rings:
        (x, y), rest = ring[0], ring[1:]
        if start is None:
            parts.append("M" + number_list([x, y]))
        else:
            parts.append("m" + number_list([x - start[0], y - start[1]]))
        deltas = []
        previous = (x, y)
        for point in rest:
            deltas += [point[0] - previous[0], point[1] - previous[1]]
            previous = point
        parts.append("l" + number_list(deltas) + "z")
        start = (x, y)
    return "".join(parts)


def build(package: Path) -> dict:
    small_scale = json.loads((package / "countries-110m.json").read_text(encoding="utf-8"))
    large_scale = json.loads((package / "countries-10m.json").read_text(encoding="utf-8"))
    rings = country_rings(small_scale, decode_arcs(small_scale))
    frame = Frame([ring for country in rings.values() for ring in country])

    countries: dict[str, dict] = {}
    other: list[str] = []
    for code, country in rings.items():
        drawn = [ring for ring in (simplify([frame.whole(p) for p in r]) for r in country) if ring]
        if code is None:
            other.extend(path_data([ring]) for ring in drawn)
            continue
        x, y = frame(label_point(country))
        countries[code] = {
            "d": path_data(drawn) if drawn else "",
            "label": [round(x), round(y)],
            "small": not drawn or is_small([[frame(p) for p in ring] for ring in country]),
        }
    # Small states left out of 1:110m: a marker at the position they have at 1:10m.
    for code, country in country_rings(large_scale, decode_arcs(large_scale)).items():
        if code is None or code in countries:
            continue
        x, y = frame(label_point(country))
        if 0 <= x <= WIDTH and 0 <= y <= frame.height:
            countries[code] = {"d": "", "label": [round(x), round(y)], "small": True}
    return {
        "source": "Natural Earth 1:110m (public domain), via world-atlas@2.0.2",
        "projection": "Equal Earth",
        "viewBox": [0, 0, WIDTH, frame.height],
        "countries": dict(sorted(countries.items())),
        "other": other,
    }


def write(data: dict, output: Path) -> None:
    """One country a line, so that a regeneration's diff is readable."""

    def compact(value: object) -> str:
        return json.dumps(value, separators=(",", ":"), ensure_ascii=False)

    lines = [f"{compact(code)}:{compact(country)}" for code, country in data["countries"].items()]
    head = {key: value for key, value in data.items() if key not in {"countries", "other"}}
    text = compact(head)[:-1]
    text += ',\n"countries":{\n' + ",\n".join(lines) + "\n},\n"
    text += '"other":' + compact(data["other"]) + "}\n"
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("package", type=Path, help="the unpacked world-atlas@2.0.2 directory")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    arguments = parser.parse_args()
    data = build(arguments.package)
    write(data, arguments.output)
    drawn = sum(1 for country in data["countries"].values() if country["d"])
    print(f"{arguments.output}: {drawn} countries drawn, {len(data['countries'])} in all")


if __name__ == "__main__":
    main()
