"""The network's identity, stated once: its introduction and mission, its vision and five
principles, its values, its history year by year, and its postal address. The about page
and the annual report (`website.about`, `website.contact`) both read it from here.

Each function reads its sentences in the active language when called (plain `gettext`, not
lazy): the about page calls them for its reader, the report under each language it is made
in. The sentences are the interface's own, translated in the catalogues."""

from django.utils.translation import gettext as _


def introduction() -> str:
    return _(
        "INSP!R, the International Network for Social Protection Rights, links social "
        "movements of Africa, Latin America, Asia and Belgium who want social protection for "
        "everyone."
    )


def mission() -> list[str]:
    """The mission, a paragraph each."""
    return [
        _(
            "Nearly a hundred social movements in 24 countries — trade unions, health mutuals, "
            "organisations of women, young people, older people, migrant and precarious "
            "workers, social and solidarity economy initiatives — learn from one another, "
            "speak with one voice to those who decide, and look for the means to protect the "
            "people they represent. National networks form continental networks, which meet "
            "in an intercontinental network and its steering committee."
        ),
        _(
            "What is done at the international level serves the continental and national "
            "networks, never the other way round: decisions are prepared from below and "
            "carried back to the networks that took part."
        ),
    ]


def vision() -> str:
    """The vision, which introduces the principles."""
    return _(
        "Social protection is a right: health care, decent pensions, unemployment benefits, "
        "family allowances and more. The network defends five principles:"
    )


def principles() -> list[str]:
    # The same sentences as the home page's "What the network defends".
    return [
        _("A rights-based approach, anchored in national, regional and international rules."),
        _(
            "A combination of measures (prevention, protection, promotion) giving benefits "
            "in cash and in kind."
        ),
        _(
            "Effective participation of all stakeholders: the state, civil society and the "
            "private sector."
        ),
        _("Several sources of sustainable financing, national and international."),
        _("A life-cycle approach, from birth to death."),
    ]


def values() -> list[str]:
    return [
        _("Effective participation and decisions taken together"),
        _("Inclusion and equity"),
        _("Autonomy and democratic ownership"),
        _("Transparency and accountability"),
    ]


# The network's history, year by year (the 2020 activity report).
def history(until: int | None = None) -> list[tuple[int, str]]:
    """The timeline, oldest first; with `until`, only the years up to and including it (a
    year's report tells the history as it stood then)."""
    timeline = [
        (1974, _("WSM, the Belgian NGO that coordinates the network today, is founded.")),
        (
            2007,
            _(
                "A new strategic framework: working in direct partnership with social "
                "movements, continent by continent."
            ),
        ),
        (
            2008,
            _(
                "The first national synergies bring organisations together in Benin, Burkina "
                "Faso, DR Congo, Guinea, Guatemala, India and Nepal."
            ),
        ),
        (2011, _("Organisations network with each other in every country of the programme.")),
        (
            2013,
            _("The movements take their place in Belgian, European and international networks."),
        ),
        (
            2014,
            _(
                "The national networks form continental networks, each with a steering "
                "committee of its own, its blog and its newsletter."
            ),
        ),
        (
            2017,
            _(
                "An intercontinental dimension: a steering committee brings the continents "
                "together."
            ),
        ),
        (
            2019,
            _(
                "INSP!R is founded in Geneva by 40 people from organisations in 16 countries; "
                "it adopts its visual identity and first tools."
            ),
        ),
        (2020, _("The first year of activity, held entirely online.")),
    ]
    return [(year, event) for year, event in timeline if until is None or year <= until]


def postal_address() -> list[str]:
    """The network's postal address, a line each, after its name (the contact page's and the
    footer's: Chaussée de Haecht 579, 1030 Brussels, Belgium)."""
    return ["Chaussée de Haecht 579", "1030 " + _("Brussels"), _("Belgium")]
