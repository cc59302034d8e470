from django import forms
from django.conf import settings
from django.contrib.auth.password_validation import password_validators_help_text_html
from django.core.validators import RegexValidator
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from inspir.accounts.models import Role
from inspir.core.collation import collated, name_order
from inspir.core.forms import HiddenStateMixin
from inspir.core.i18n import language_name
from inspir.network.forms import language_choices, time_zone_choices
from inspir.network.models import Country, Network, Organisation, Person


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    network = forms.ModelChoiceField(label=_("Network"), queryset=Network.objects.none())
    role = forms.ChoiceField(
        label=_("Role"),
        choices=Role.choices,
        initial=Role.MEMBER,
        help_text=_(
            "Member: reads the network's internal pages and people. Focal point: also edits "
            "its pages and its organisations' profiles, and acts for it (its input, its "
            "reports, its proposals). Coordinator: all of that, the committee's business and "
            "invitations, with a second factor at log-in. Each role applies to the networks "
            "below too."
        ),
    )
    language = forms.ChoiceField(
        label=_("Language of the invitation"),
        choices=settings.LANGUAGES,
        help_text=_("The e-mail is written in this language."),
    )

    def __init__(self, *args: object, networks: QuerySet[Network], **kwargs: object):
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        field = self.fields["network"]
        field.queryset = networks.order_by("level", name_order())  # type: ignore[attr-defined]
        if networks.count() == 1:
            field.initial = networks.first()


class AcceptInvitationForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self) -> dict:
        cleaned = super().clean() or {}
        if cleaned.get("password1") and cleaned.get("password1") != cleaned.get("password2"):
            self.add_error("password2", _("The two passwords differ."))
        return cleaned


class EraseAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password, to confirm"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    confirm = forms.BooleanField(label=_("I understand that this cannot be undone."), required=True)

    def __init__(self, *args: object, user: object, **kwargs: object):
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):  # type: ignore[attr-defined]
            raise forms.ValidationError(_("This is not your password."))
        return password


class OrganisationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Organisation) -> str:  # type: ignore[override]
        return f"{obj} — {obj.country.name}"


PHONE = RegexValidator(
    r"^\+?[0-9][0-9 ().\-/]{3,38}$",
    _("Enter a phone number: digits, spaces and + ( ) - . / only, for example +229 21 30 00 00."),
)


class ProfileForm(HiddenStateMixin, forms.Form):
    """Who one is in the network: the profile an invited person completes, and edits later.
    What it offers depends on the person's networks (`organisations`, `network_countries`)
    and on the country known so far (the chosen one, or the organisation's), whose zones
    come first."""

    # 0 for a profile not created yet.
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    name = forms.CharField(
        label=_("Name"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    organisation = OrganisationChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("Other organisation, or none"),
        help_text=_("The member organisation of your network you belong to, if any."),
        error_messages={
            "invalid_choice": _(
                "This organisation is not a member of your networks: choose one in the list, "
                "or “Other organisation, or none”."
            )
        },
    )
    country = forms.ModelChoiceField(
        label=_("Country"),
        queryset=Country.objects.none(),
        required=False,
        empty_label=_("The organisation's country"),
        error_messages={"invalid_choice": _("Choose a country in the list.")},
    )
    time_zone = forms.ChoiceField(
        label=_("Time zone"),
        required=False,
        help_text=_(
            "Meetings are shown to you at your local time. Left as suggested, it is the main "
            "time zone of your country."
        ),
        error_messages={
            "invalid_choice": _(
                "%(value)s is not a time zone offered here: choose one in the list."
            )
        },
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages you speak"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Choose languages in the list.")},
    )
    writes_languages = forms.MultipleChoiceField(
        label=_("Languages you write well enough to translate into"),
        help_text=_(
            "Among the platform's languages. Your network's coordinators see it when they "
            "look for translators."
        ),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=[],
        error_messages={"invalid_choice": _("Choose languages in the list.")},
    )
    preferred_language = forms.ChoiceField(
        label=_("Preferred language"),
        required=False,
        help_text=_("The one you would rather be written to in, among those you speak."),
        error_messages={"invalid_choice": _("Choose a language in the list.")},
    )
    phone = forms.CharField(
        label=_("Phone (optional)"),
        max_length=40,
        required=False,
        validators=[PHONE],
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )

    def __init__(
        self,
        *args: object,
        person: Person | None,
        organisations: QuerySet[Organisation],
        network_countries: list[Country],
        **kwargs: object,
    ):
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.person = person
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]
        countries = collated(Country.objects.all(), name=lambda country: country.name)
        country_field = self.fields["country"]
        country_field.queryset = Country.objects.all()  # type: ignore[attr-defined]
        country_field.choices = [  # type: ignore[attr-defined]
            ("", country_field.empty_label),  # type: ignore[attr-defined]
            *((c.pk, c.name) for c in countries),
        ]
        spoken = list(person.languages) if person is not None else []
        offered = language_choices(also=spoken)
        self.fields["languages"].choices = offered  # type: ignore[attr-defined]
        self.fields["writes_languages"].choices = [  # type: ignore[attr-defined]
            (code, language_name(code)) for code, _name in settings.LANGUAGES
        ]
        self.fields["preferred_language"].choices = [  # type: ignore[attr-defined]
            ("", _("The first one you speak")),
            *offered,
        ]
        keep = person.time_zone if person is not None else ""
        self.fields["time_zone"].choices = [  # type: ignore[attr-defined]
            ("", _("As suggested: your country's main time zone")),
            *time_zone_choices(
                # Known so far, else the one country of the person's network, if it has one.
                country=self._known_country(countries, organisations)
                or (network_countries[0] if len(network_countries) == 1 else None),
                network_countries=network_countries,
                keep=keep,
            ),
        ]
        if person is not None:
            self.initial.setdefault("version", person.version)
        else:
            self.initial.setdefault("version", 0)

    def _known_country(
        self, countries: list[Country], organisations: QuerySet[Organisation]
    ) -> Country | None:
        """The country whose zones come first: the one chosen (as posted, else saved), else
        that of the organisation chosen."""
        by_pk = {str(country.pk): country for country in countries}
        if self.is_bound:
            chosen = by_pk.get(str(self.data.get(self.add_prefix("country"), "")))
            if chosen is not None:
                return chosen
            organisation = str(self.data.get(self.add_prefix("organisation"), ""))
            if organisation.isdigit() and len(organisation) < 12:
                found = organisations.filter(pk=int(organisation)).first()
                if found is not None:
                    return found.country
            return None
        if self.person is not None:
            return self.person.country
        return None

    def clean(self) -> dict:
        cleaned = super().clean() or {}
        if not cleaned.get("country") and "organisation" in cleaned and not cleaned["organisation"]:
            self.add_error(
                "country", _("Choose your country: it cannot come from an organisation.")
            )
        spoken = list(cleaned.get("languages") or [])
        preferred = cleaned.get("preferred_language")
        if preferred:
            spoken = [preferred, *(code for code in spoken if code != preferred)]
        cleaned["languages"] = spoken
        return cleaned

    def profile_data(self) -> dict:
        data = self.cleaned_data
        return {
            "name": data["name"].strip(),
            "organisation": data["organisation"],
            "country": data["country"],
            "time_zone": data["time_zone"],
            "languages": data["languages"],
            "writes_languages": data["writes_languages"],
            "phone": data["phone"].strip(),
        }
