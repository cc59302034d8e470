from babel import Locale
from django import forms
from django.utils.translation import gettext_lazy as _

from inspir.core.collation import collated
from inspir.core.forms import HiddenStateMixin
from inspir.core.i18n import current_language
from inspir.network.models import Country, Network, Organisation, OrganisationKind
from inspir.network.reference import canonical_zones
from inspir.network.rules import EDITABLE_NETWORK_FIELDS, EDITABLE_ORGANISATION_FIELDS
from inspir.network.selectors import DirectoryFilters

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
        widgets = {
            "description_fr": forms.Textarea(attrs={"rows": 5, "lang": "fr"}),
            "description_en": forms.Textarea(attrs={"rows": 5, "lang": "en"}),
            "description_es": forms.Textarea(attrs={"rows": 5, "lang": "es"}),
        }

    def __init__(self, *args: object, **kwargs: object):
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
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
    """What a network's page editors change: its description in each language."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = Network
        fields = list(EDITABLE_NETWORK_FIELDS)
        widgets = {
            "description_fr": forms.Textarea(attrs={"rows": 6, "lang": "fr"}),
            "description_en": forms.Textarea(attrs={"rows": 6, "lang": "en"}),
            "description_es": forms.Textarea(attrs={"rows": 6, "lang": "es"}),
        }

    def __init__(self, *args: object, **kwargs: object):
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        if self.instance.pk:
            # Also when bound: the current version, should the posted one be unreadable.
            self.initial["version"] = self.instance.version

    def editable_data(self) -> dict[str, object]:
        return {name: self.cleaned_data[name] for name in EDITABLE_NETWORK_FIELDS}
