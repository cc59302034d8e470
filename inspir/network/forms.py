from babel import Locale
from django import forms
from django.utils.translation import gettext_lazy as _

from inspir.core.collation import collated
from inspir.core.forms import HiddenStateMixin
from inspir.core.i18n import current_language, language_name
from inspir.network.models import Country, Network, Organisation, OrganisationKind
from inspir.network.reference import canonical_zones
from inspir.network.rules import EDITABLE_NETWORK_FIELDS, EDITABLE_ORGANISATION_FIELDS
from inspir.network.selectors import DirectoryFilters
from inspir.network.texts import recorded_language

# Working languages offered for organisations and people: the platform's three and the
# other languages spoken across the network's countries.
WORKING_LANGUAGES = ("fr en es pt nl ar hi bn ne id km tl wo ht qu ay rw rn ln sw").split()


def language_choices(also: list[str] | None = None) -> list[tuple[str, str]]:
    """The usual working languages, plus any the record already has (never dropped on save)."""
    names = Locale.parse(current_language()).languages
    codes = WORKING_LANGUAGES + [code for code in also or [] if code not in WORKING_LANGUAGES]
    return [(code, names.get(code, code)) for code in codes]


# The regions of the zones' names (their first part), as each group of the list is titled.
ZONE_REGIONS = {
    "Africa": _("Africa"),
    "America": _("Americas"),
    "Antarctica": _("Antarctica"),
    "Arctic": _("Arctic"),
    "Asia": _("Asia"),
    "Atlantic": _("Atlantic Ocean"),
    "Australia": _("Australia"),
    "Europe": _("Europe"),
    "Indian": _("Indian Ocean"),
    "Pacific": _("Pacific Ocean"),
}


def _zone_label(zone: str) -> str:
    return zone.replace("_", " ")


def time_zone_choices(
    *, country: Country | None, network_countries: list[Country], keep: str = ""
) -> list[tuple[str, object]]:
    """The zones to choose from, in groups (`<optgroup>`): those of `country` first (the
    suggestion), then those of the network's countries, then every other canonical zone by
    region, each zone once. A zone already chosen (`keep`) stays offered even if it is an
    obsolete alias."""
    offered: set[str] = set()
    groups: list[tuple[str, object]] = []

    def group(label: object, zones: list[str]) -> None:
        fresh = [zone for zone in dict.fromkeys(zones) if zone not in offered]
        offered.update(fresh)
        if fresh:
            groups.append((label, [(zone, _zone_label(zone)) for zone in fresh]))  # type: ignore[arg-type]

    canonical = canonical_zones()
    if country is not None:
        group(
            _("Time zones of %(country)s") % {"country": country.name},
            [zone for zone in country.time_zones if zone in canonical or zone == keep],
        )
    group(
        _("Time zones of your networks' countries"),
        [zone for c in network_countries for zone in c.time_zones if zone in canonical],
    )
    if keep and keep not in canonical:
        group(_("Your current time zone"), [keep])
    by_region: dict[str, list[str]] = {}
    for zone in canonical:
        by_region.setdefault(zone.split("/", 1)[0] if "/" in zone else "", []).append(zone)
    group(_("Universal time"), by_region.pop("", []))
    for region, label in ZONE_REGIONS.items():
        group(label, by_region.pop(region, []))
    for region, zones in sorted(by_region.items()):  # a region a new tz release adds
        group(region, zones)
    return groups


def language_names(codes: list[str]) -> list[str]:
    """The names of languages in the reader's language, in the order given."""
    names = Locale.parse(current_language()).languages
    return [names.get(code, code) for code in codes]


def description_field_explain(form: forms.ModelForm) -> None:
    """Say in which language the description is kept (the original its translations are made
    from), and mark the text area with it so that spelling and screen readers follow."""
    field = form.fields["description"]
    language = recorded_language(form.instance)
    if language is None:
        field.help_text = _(
            "Write it in the language you work in: readers of the other languages see it "
            "translated once a translator has done so, and your text until then."
        )
        return
    field.widget.attrs["lang"] = language
    field.help_text = _(
        "The original, in %(language)s: its translations into the other languages are made "
        "from it, and are marked out of date when it changes."
    ) % {"language": language_name(language)}


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    country = forms.ChoiceField(label=_("Country"), required=False)
    kind = forms.ChoiceField(label=_("Kind of organisation"), required=False)
    network = forms.ChoiceField(label=_("Network"), required=False)
    movement = forms.ChoiceField(
        label=_("Social movements"),
        required=False,
        choices=[("", _("All")), ("yes", _("Only social movements")), ("no", _("Only others"))],
    )

    def __init__(self, *args: object, choices: dict[str, list], **kwargs: object):
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        everything = {
            "country": _("All countries"),
            "kind": _("All kinds"),
            "network": _("All networks"),
        }
        for name, all_label in everything.items():
            self.fields[name].choices = [("", all_label), *choices[name]]  # type: ignore[attr-defined]

    def to_filters(self) -> DirectoryFilters:
        """The valid filters; an unknown value (an old link, a typo) is ignored, not an error."""
        if not self.is_bound:
            return DirectoryFilters()
        self.is_valid()
        data = {name: self.cleaned_data.get(name, "") or "" for name in self.fields}
        return DirectoryFilters(**{name: str(value).strip() for name, value in data.items()})


class OrganisationForm(HiddenStateMixin, forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput)
    languages = forms.MultipleChoiceField(
        label=_("Working languages"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Organisation
        fields = list(EDITABLE_ORGANISATION_FIELDS)
        widgets = {"description": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args: object, **kwargs: object):
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        description_field_explain(self)
        self.fields["languages"].choices = language_choices(  # type: ignore[attr-defined]
            also=list(self.instance.languages or [])
        )
        self.fields["kind"].choices = list(OrganisationKind.choices)  # type: ignore[attr-defined]
        country_field = self.fields["country"]
        countries = collated(Country.objects.all(), name=lambda country: country.name)
        country_field.choices = [(c.pk, c.name) for c in countries]  # type: ignore[attr-defined]
        if self.instance.pk:
            # Also when bound: the current version, should the posted one be unreadable.
            self.initial["version"] = self.instance.version

    def clean_beneficiaries_year(self) -> int | None:
        year = self.cleaned_data.get("beneficiaries_year")
        if year is not None and not 1900 <= year <= 2100:
            raise forms.ValidationError(_("Enter a year between 1900 and 2100."))
        return year

    def clean(self) -> dict:
        cleaned = super().clean() or {}
        if cleaned.get("beneficiaries") is not None and not cleaned.get("beneficiaries_year"):
            self.add_error(
                "beneficiaries_year", _("Say which year the number of beneficiaries is from.")
            )
        return cleaned

    def _post_clean(self) -> None:
        # The service validates and saves; the form must not touch the instance, which a
        # concurrent edit may have changed meanwhile.
        pass

    def editable_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class NetworkPageForm(HiddenStateMixin, forms.ModelForm):
    """What a network's page editors change: its description, in the language they write in
    (its translations are made from it)."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = Network
        fields = list(EDITABLE_NETWORK_FIELDS)
        widgets = {"description": forms.Textarea(attrs={"rows": 8})}

    def __init__(self, *args: object, **kwargs: object):
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        description_field_explain(self)
        if self.instance.pk:
            # Also when bound: the current version, should the posted one be unreadable.
            self.initial["version"] = self.instance.version

    def editable_data(self) -> dict[str, object]:
        return {name: self.cleaned_data[name] for name in EDITABLE_NETWORK_FIELDS}
