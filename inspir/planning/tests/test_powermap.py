"""The power map's drawing (planning/powermap.py): pure, no database. Where the points go,
that none hides another, that every text and address is escaped, and that each point is a
link to its stakeholder."""

import datetime
import re
from typing import Any

from defusedxml import ElementTree as ET

from inspir.planning import powermap
from inspir.planning.powermap import BEFORE, NOW, Point, Position

SVG = "{http://www.w3.org/2000/svg}"
ON = datetime.date(2021, 6, 1)
EARLIER = datetime.date(2021, 1, 1)


def point(key: int, influence: int, stance: int, name: str = "", **kwargs) -> Point:
    return Point(
        key=key,
        name=name or f"Stakeholder {key}",
        href=f"/en/plan/stakeholders/{key}/",
        now=Position(influence, stance),
        **kwargs,
    )


def drawn(points, **kwargs) -> str:
    return str(powermap.render(points, network_name="INSP!R Africa", on=ON, **kwargs))


def links(markup: str) -> list[Any]:
    return list(ET.fromstring(markup).iter(f"{SVG}a"))


def test_influence_runs_up_and_stance_runs_across():
    plan = powermap.layout([point(1, 5, -2), point(2, 1, -2), point(3, 5, 2), point(4, 3, 0)])
    top_left, bottom_left, top_right, middle = (plan.mark(key) for key in (1, 2, 3, 4))
    assert top_left.cy < middle.cy < bottom_left.cy
    assert top_left.cx < middle.cx < top_right.cx
    assert top_left.cy == top_right.cy and top_left.cx == bottom_left.cx
    # Each dot is inside its stance's column and its influence's band.
    for mark in plan.marks:
        left = powermap.column_left(mark.position.stance)
        assert left < mark.cx < left + powermap.COLUMN
        band = next(b for b in plan.bands if b.influence == mark.position.influence)
        assert band.top < mark.cy < band.top + band.height
    assert plan.plot_bottom < plan.height


def test_points_sharing_a_cell_are_listed_one_under_the_other_and_the_row_grows():
    crowded = [point(key, 4, 1) for key in range(1, 9)]
    plan = powermap.layout([*crowded, point(20, 2, -1)])

    marks = sorted((plan.mark(key) for key in range(1, 9)), key=lambda mark: mark.cy)
    assert len({mark.cx for mark in marks}) == 1
    gaps = [after.cy - before.cy for before, after in zip(marks, marks[1:], strict=False)]
    assert min(gaps) >= powermap.LINE  # no name written over another
    band = next(b for b in plan.bands if b.influence == 4)
    assert band.height > powermap.MIN_BAND
    assert marks[-1].cy + powermap.LINE <= band.top + band.height
    # The other rows keep their size.
    assert next(b for b in plan.bands if b.influence == 2).height == powermap.MIN_BAND


def test_the_drawing_is_360_units_wide_and_scales_to_its_container():
    markup = drawn([point(1, 3, 0)])
    svg = ET.fromstring(markup)
    assert svg.get("width") == "100%"
    assert svg.get("viewBox").startswith("0 0 360 ")
    # A group, not an image: its points are links a screen reader reaches too.
    assert svg.get("role") == "group"
    assert svg.get("aria-labelledby") == "powermap-title powermap-desc"
    assert svg.find(f"{SVG}title").text == "Power map of INSP!R Africa on June 1, 2021"
    assert "strong opponent" in svg.find(f"{SVG}desc").text


def test_axes_are_named():
    markup = drawn([point(1, 3, 0)])
    texts = " ".join(
        "".join(element.itertext()) for element in ET.fromstring(markup).iter(f"{SVG}text")
    )
    assert "Influence" in texts
    for word in ("strong", "opponent", "neutral", "ally"):
        assert word in texts
    for influence in "12345":
        assert influence in texts


def test_every_point_is_a_link_to_its_stakeholder_named_in_full():
    name = "Special Rapporteur on extreme poverty and human rights"
    markup = drawn([point(1, 4, 1, name=name), point(2, 2, -2, name="ILO")])
    found = {a.get("href"): a for a in links(markup)}
    assert set(found) == {"/en/plan/stakeholders/1/", "/en/plan/stakeholders/2/"}
    title = found["/en/plan/stakeholders/1/"].find(f"{SVG}title").text
    assert title == f"{name}, June 1, 2021: influence 4 of 5, ally"
    # The name on the chart is cut to its room, and says so.
    label = "".join(found["/en/plan/stakeholders/1/"].find(f"{SVG}text").itertext())
    assert label.endswith("…") and label.startswith("Special")
    assert "".join(found["/en/plan/stakeholders/2/"].find(f"{SVG}text").itertext()) == "ILO"


def test_names_and_addresses_are_escaped():
    hostile = '<script>alert("x")</script>'
    markup = drawn(
        [
            Point(
                key=1,
                name=hostile,
                href='/en/plan/stakeholders/1/?a=1&b="><script>',
                now=Position(3, 0),
            )
        ],
    )
    assert "<script" not in markup
    assert "&lt;script&gt;" in markup
    (link,) = links(markup)  # still well-formed XML
    assert link.get("href") == '/en/plan/stakeholders/1/?a=1&b="><script>'
    assert link.find(f"{SVG}title").text.startswith(hostile)
    network = str(
        powermap.render([], network_name="<b>Evil</b>", on=ON),
    )
    assert "<b>" not in network and "&lt;b&gt;Evil&lt;/b&gt;" in network


def test_compared_a_stakeholder_that_moved_is_drawn_at_both_dates_with_an_arrow():
    moved = point(1, 4, 1, before=Position(2, -1))
    still = point(2, 3, 0, before=Position(3, 0))
    new = point(3, 5, 2, before=None)
    plan = powermap.layout([moved, still, new])

    start, end = plan.mark(1, BEFORE), plan.mark(1, NOW)
    assert start.position == Position(2, -1) and end.position == Position(4, 1)
    assert start.cx < end.cx and start.cy > end.cy
    # Unchanged: one dot; first assessed in between: only where it stands now.
    assert plan.mark(2, BEFORE) is None and plan.mark(2, NOW) is not None
    assert plan.mark(3, BEFORE) is None and plan.mark(3, NOW) is not None

    markup = drawn([moved, still, new], compare=EARLIER)
    svg = ET.fromstring(markup)
    hrefs = [a.get("href") for a in links(markup)]
    assert hrefs.count("/en/plan/stakeholders/1/") == 2
    assert hrefs.count("/en/plan/stakeholders/2/") == 1
    classes = {(a.get("href"), a.get("class").split()[-1]) for a in links(markup)}
    assert ("/en/plan/stakeholders/1/", "powermap-before") in classes
    assert ("/en/plan/stakeholders/1/", "powermap-now") in classes
    (arrow,) = [line for line in svg.iter(f"{SVG}line") if line.get("marker-end")]
    # The arrow goes from the earlier dot towards the later one.
    assert float(arrow.get("x1")) > start.cx and float(arrow.get("x2")) < end.cx
    assert float(arrow.get("y1")) < start.cy and float(arrow.get("y2")) > end.cy
    hollow = [c for c in svg.iter(f"{SVG}circle") if c.get("fill") == "#ffffff"]
    assert [(float(c.get("cx")), float(c.get("cy"))) for c in hollow] == [(start.cx, start.cy)]
    titles = [a.find(f"{SVG}title").text for a in links(markup)]
    assert "Stakeholder 1, Jan. 1, 2021: influence 2 of 5, opponent" in titles
    assert "Stakeholder 1, June 1, 2021: influence 4 of 5, ally" in titles
    assert "Power map of INSP!R Africa: Jan. 1, 2021 compared with June 1, 2021" in markup


def test_a_stakeholder_not_assessed_yet_is_absent():
    absent = Point(key=9, name="Not yet", href="/x/", now=None)
    plan = powermap.layout([absent, point(1, 3, 0)])
    assert plan.mark(9) is None and plan.mark(9, BEFORE) is None
    assert "/x/" not in drawn([absent])
    assert "No stakeholder assessed by this date." in drawn([absent])


def test_coordinates_are_written_without_localisation(settings):
    settings.USE_THOUSAND_SEPARATOR = True
    markup = drawn([point(key, 1, 2) for key in range(1, 80)])
    height = ET.fromstring(markup).get("viewBox").split()[3]
    assert re.fullmatch(r"\d+(\.\d)?", height) and float(height) > 1000


def test_names_are_wrapped_on_two_lines_at_most():
    assert powermap.wrapped("ILO", 8, 2) == ("ILO",)
    assert powermap.wrapped("European Commission", 8, 2) == ("European", "Commiss…")
    assert powermap.wrapped("Ministry of Labour of Benin", 8, 2) == ("Ministry", "of Labo…")
    assert powermap.wrapped("UNICEF USP2030", 8, 2) == ("UNICEF", "USP2030")
    assert all(len(line) <= 8 for line in powermap.wrapped("x" * 40, 8, 2))
