from django import forms
from django.conf import settings
from django.contrib.auth.password_validation import password_validators_help_text_html
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from inspir.accounts.models import Role
from inspir.core.collation import name_order
from inspir.network.models import Network


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    network = forms.ModelChoiceField(label=_("Network"), queryset=Network.objects.none())
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.MEMBER)
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
