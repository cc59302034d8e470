"""The website's forms: a post (a plain textarea of Markdown, its picture, when to publish)
and the contact form."""

import datetime
import zoneinfo
from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from inspir.core.forms import HiddenStateMixin
from inspir.core.time import NonexistentLocalTime, to_utc
from inspir.governance.forms.preparation import LocalDateTimeField
from inspir.website.images import Resized, image_resize
from inspir.website.models import Post

POST_ACTIONS = {
    "preview": _("Preview"),
    "draft": _("Save as draft"),
    "schedule": _("Schedule"),
    "publish": _("Publish now"),
}


class PostForm(HiddenStateMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    summary = forms.CharField(
        label=_("Summary"),
        max_length=600,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One or two sentences: the lists, the feeds and link previews show them."),
    )
    body = forms.CharField(
        label=_("Text"),
        widget=forms.Textarea(attrs={"rows": 18}),
        help_text=_(
            "Markdown: a blank line between paragraphs, ## for a heading, **bold**, *italic*, "
            "[a link](https://…), - for a list."
        ),
    )
    image = forms.FileField(
        label=_("Picture"),
        required=False,
        help_text=_(
            "JPEG, PNG, WebP or GIF, up to 10 MB. Its metadata (place, camera) is removed."
        ),
        widget=forms.ClearableFileInput(
            attrs={"accept": "image/jpeg,image/png,image/webp,image/gif"}
        ),
    )
    image_alt = forms.CharField(
        label=_("What the picture shows"),
        max_length=300,
        required=False,
        help_text=_("For those who cannot see it."),
    )
    publish_at = LocalDateTimeField(
        label=_("Publish on"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )

    def __init__(
        self,
        *args: Any,
        zone: zoneinfo.ZoneInfo,
        versioned: bool,
        networks: Any = None,
        has_image: bool = False,
        **kwargs: Any,
    ):
        super().__init__(*args, **kwargs)
        self.zone = zone
        self.fields["publish_at"].help_text = _(
            "Only to schedule the post: in your time zone (%(zone)s)."
        ) % {"zone": zone.key}
        if versioned:
            self.fields["version"] = forms.IntegerField(widget=forms.HiddenInput)
        if has_image:
            self.fields["remove_image"] = forms.BooleanField(
                label=_("Remove the current picture"), required=False
            )
        if networks is not None:
            self.fields["network"] = forms.ModelChoiceField(
                label=_("News of"), queryset=networks, empty_label=None
            )
            self.fields["language"] = forms.ChoiceField(
                label=_("Written in"), choices=settings.LANGUAGES
            )
        self.order_fields(
            [
                "network",
                "language",
                "title",
                "summary",
                "body",
                "image",
                "remove_image",
                "image_alt",
                "publish_at",
            ]
        )

    def clean_image(self) -> Resized | None:
        upload = self.cleaned_data.get("image")
        if not upload:
            return None
        return image_resize(upload)

    def clean_publish_at(self) -> datetime.datetime | None:
        value = self.cleaned_data.get("publish_at")
        if value is None:
            return None
        naive = value.replace(tzinfo=None)
        try:
            return to_utc(naive, self.zone)
        except NonexistentLocalTime as error:
            raise forms.ValidationError(
                _("%(time)s does not exist in %(zone)s (the clocks change then)."),
                params={"time": f"{naive:%Y-%m-%d %H:%M}", "zone": self.zone.key},
            ) from error

    def data_for_service(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in ("title", "summary", "body", "image_alt")}


def post_initial(post: Post, zone: zoneinfo.ZoneInfo) -> dict[str, Any]:
    return {
        "title": post.title,
        "summary": post.summary,
        "body": post.body,
        "image_alt": post.image_alt,
        "publish_at": post.publish_at.astimezone(zone).replace(tzinfo=None)
        if post.publish_at
        else None,
        "version": post.version,
    }


class ContactForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=120)
    email = forms.EmailField(label=_("Your e-mail address"), max_length=254)
    subject = forms.CharField(label=_("Subject"), max_length=150)
    message = forms.CharField(
        label=_("Message"), max_length=5000, widget=forms.Textarea(attrs={"rows": 8})
    )
    # Left empty by people (it is hidden from them and from screen readers); robots fill it.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def is_robot(self) -> bool:
        return bool(self.cleaned_data.get("website"))

    def clean_subject(self) -> str:
        # One line: the subject goes into an e-mail header.
        return " ".join(self.cleaned_data["subject"].split())
