"""The dashboard's bar charts: pure SVG, proportional, escaped, fitting a phone. No
database."""

import xml.etree.ElementTree as ET

import pytest
from defusedxml.ElementTree import fromstring

from inspir.planning import charts
from inspir.planning.charts import BAR_SPACE, Bar, bar_chart, bar_width

SVG = "{http://www.w3.org/2000/svg}"


def parsed(svg: str) -> ET.Element:
    """The chart as an XML parser reads it: it must be well-formed on its own."""
    return fromstring(str(svg))


def bars_of(root: ET.Element) -> list[float]:
    return [
        float(rect.get("width", "0"))
        for rect in root.iter(f"{SVG}rect")
        if rect.get("class") == "chart-bar"
    ]


def texts_of(root: ET.Element) -> list[str]:
    return [text.text or "" for text in root.iter(f"{SVG}text")]


def test_a_bar_is_as_long_as_its_share_of_the_maximum():
    assert bar_width(100, 100) == BAR_SPACE
    assert bar_width(50, 100) == pytest.approx(BAR_SPACE / 2)
    assert bar_width(25, 100) == pytest.approx(BAR_SPACE / 4)
    assert bar_width(3, 6) == pytest.approx(BAR_SPACE / 2)


def test_a_bar_never_leaves_its_track_nor_goes_backwards():
    assert bar_width(150, 100) == BAR_SPACE
    assert bar_width(-5, 100) == 0
    assert bar_width(None, 100) == 0
    assert bar_width(10, 0) == 0


def test_the_drawn_bars_are_proportional_to_their_values():
    root = parsed(
        bar_chart(
            [Bar("A", 80, "80 %"), Bar("B", 40, "40 %"), Bar("C", 20, "20 %")],
            title="Progress",
            chart_id="chart-test",
        )
    )

    widths = bars_of(root)

    assert len(widths) == 3
    assert widths[0] == pytest.approx(2 * widths[1])
    assert widths[1] == pytest.approx(2 * widths[2])
    assert widths[0] == pytest.approx(BAR_SPACE * 0.8)


def test_nothing_to_measure_draws_no_bar_but_keeps_its_label_and_value():
    root = parsed(
        bar_chart([Bar("Empty", None, "—"), Bar("Zero", 0, "0 %")], title="T", chart_id="c")
    )

    assert bars_of(root) == []
    assert texts_of(root) == ["Empty", "—", "Zero", "0 %"]


def test_the_chart_is_an_image_named_by_its_title_that_fits_a_phone():
    root = parsed(
        bar_chart(
            [Bar("A", 50, "50 %")],
            title="Mean progress by domain",
            chart_id="chart-domains",
            description="The table below gives the same figures.",
        )
    )

    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "chart-domains-title chart-domains-desc"
    title = root.find(f"{SVG}title")
    assert title is not None and title.text == "Mean progress by domain"
    assert title.get("id") == "chart-domains-title"
    desc = root.find(f"{SVG}desc")
    assert desc is not None and desc.text == "The table below gives the same figures."
    assert root.get("viewBox", "").split()[:3] == ["0", "0", "360"]
    assert root.get("width") == "360"
    # No inline style (the Content-Security-Policy forbids them).
    assert "style=" not in str(bar_chart([Bar("A", 1, "1")], title="T", chart_id="c"))


def test_the_chart_grows_with_its_bars():
    one = parsed(bar_chart([Bar("A", 1, "1")], title="T", chart_id="c"))
    four = parsed(bar_chart([Bar(str(i), 1, "1") for i in range(4)], title="T", chart_id="c"))

    assert float(four.get("height", "0")) > 3 * float(one.get("height", "0"))


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        'INSP!R "Afrique" & <b>co</b>',
        "</text><a href='javascript:alert(1)'>x</a>",
    ],
)
def test_labels_values_and_titles_are_escaped(hostile):
    svg = str(
        bar_chart([Bar(hostile, 10, hostile)], title=hostile, chart_id="c", description=hostile)
    )

    root = parsed(svg)  # still well-formed: nothing was injected

    assert "<script" not in svg and "<b>" not in svg and "<a " not in svg
    assert root.find(f"{SVG}title").text == hostile  # type: ignore[union-attr]
    assert texts_of(root) == [charts.shortened(hostile), hostile]
    assert list(root.iter(f"{SVG}script")) == [] and list(root.iter(f"{SVG}a")) == []


def test_a_label_longer_than_a_line_is_cut_with_an_ellipsis():
    label = "INSP!R Amérique latine et Caraïbes, réseau continental des mouvements sociaux"

    root = parsed(bar_chart([Bar(label, 10, "10 %")], title="T", chart_id="c"))

    shown = texts_of(root)[0]
    assert shown.endswith("…") and len(shown) <= charts.MAX_LABEL
    assert label.startswith(shown[:-1])


def test_a_chart_id_that_could_break_out_of_its_attribute_is_refused():
    with pytest.raises(ValueError):
        bar_chart([], title="T", chart_id='c" onload="alert(1)')
