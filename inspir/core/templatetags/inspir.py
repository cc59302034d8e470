import functools
from typing import Any

from babel import Locale
from django import template
from django.conf import settings
from django.http import HttpRequest
from django.urls import get_script_prefix, get_urlconf, translate_url
from django.utils.translation import get_language

from inspir.core.i18n import current_language, language_name
from inspir.core.templatetags.shared_parts import STAND_IN

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context: template.Context) -> list[dict[str, object]]:
    """The current page in each platform language, for the language switcher."""
    request: HttpRequest | None = context.get("request")
    path = request.get_full_path() if request else "/"
    current = (get_language() or "")[:2]
    where = (get_language(), get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)
    return [
        {
            "code": code,
            "name": name,
            "url": _translated(path, code, *where),
            "is_current": code == current,
        }
        for code, name in settings.LANGUAGES
    ]


@register.simple_tag(takes_context=True)
def page_addresses(context: template.Context) -> dict[str, object]:
    """The page's canonical address (on `SITE_URL`, without its query) and its address in
    each platform language, for search engines and link previews."""
    from inspir.core.site import site_url

    request: HttpRequest | None = context.get("request")
    path = request.path if request else "/"
    where = (get_language(), get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)
    alternates = [
        {"code": code, "url": site_url(_translated(path, code, *where))}
        for code, _name in settings.LANGUAGES
    ]
    default = next(
        (a["url"] for a in alternates if a["code"] == settings.LANGUAGE_CODE[:2]),
        site_url(path),
    )
    return {"canonical": site_url(path), "alternates": alternates, "default": default}


@register.simple_tag
def inline_stylesheet() -> str:
    """The stylesheet inside the page (core/stylesheet.py), allowed by its hash."""
    from django.utils.safestring import mark_safe

    from inspir.core.stylesheet import stylesheet_text

    return mark_safe(f"<style>{stylesheet_text()}</style>")  # noqa: S308 - our own file


@register.simple_tag
def icon_data_address() -> str:
    """The platform's icon inside the page (core/stylesheet.py)."""
    from inspir.core.stylesheet import icon_data_address

    return icon_data_address()


@functools.lru_cache(maxsize=1024)
def _translated(path: str, code: str, language: str | None, prefix: str, urlconf: str) -> str:
    """The page's address in another language, found once per address (every page draws the
    language switcher; the addresses asked for most are few)."""
    return translate_url(path, code)  # in the URLconf and language of the key


@register.inclusion_tag("components/member_text.html", takes_context=True)
def member_text(context: template.Context, shown: Any) -> dict[str, Any]:
    """A member-written text as the reader sees it (`core.texts.Shown`): in their language,
    or the original marked with its language; a translation says what it was made from.
    A signed-in reader of a text not yet in their language may ask for a translation."""
    from inspir.core.texts import ask_url

    request = context.get("request")
    signed_in = request is not None and request.user.is_authenticated
    wanted = shown.status in ("missing", "outdated") and shown.original_id is not None
    return {
        "shown": shown,
        "request": request,
        "ask_url": ask_url() if signed_in and wanted else None,
        # Inside a part kept for several readers, each reader's own form token replaces a
        # stand-in (templatetags/shared_parts.py).
        STAND_IN: context.get(STAND_IN),
        "csrf_token": context.get("csrf_token"),
    }


@register.simple_tag(takes_context=True)
def query_string(context: template.Context, **changes: object) -> str:
    """The current query string with some parameters replaced (None removes one)."""
    request: HttpRequest = context["request"]
    params = request.GET.copy()
    for key, value in changes.items():
        if value is None or value == "":
            params.pop(key, None)
        else:
            params[key] = str(value)
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


register.filter("language_name", language_name)


@register.filter
def language_names(codes: list[str]) -> str:
    """Language codes as names in the reader's language: ["fr", "wo"] → "French, Wolof"."""
    names = Locale.parse(current_language()).languages
    return ", ".join(names.get(code, code) for code in codes or [])


@register.filter
def audit_value(value: object) -> object:
    """A recorded value for reading: nothing is a dash, yes/no are words, lists are joined."""
    from django.utils.translation import gettext

    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return gettext("yes") if value else gettext("no")
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return value


@register.simple_tag
def member_title(shown: Any) -> str:
    """A member-written text inside a line — a title in a list, a heading, a link, a short
    text beside a form's field — as the reader sees it (`core.texts.Shown`): in a span with
    its `lang`, followed, when it is the original shown to a reader of another language, by
    a short mark "(FR)" that says "original in French" to screen readers and on hover.
    `{% member_title shown as title %}` keeps it for a sentence ({% blocktranslate %})."""
    from django.template.loader import render_to_string
    from django.utils.safestring import mark_safe

    if shown is None:
        return ""
    html = render_to_string("components/member_title.html", {"shown": shown})
    return mark_safe(html.strip())  # noqa: S308 - the template escaped the text


@register.inclusion_tag("components/related.html", takes_context=True)
def related(context: template.Context, obj: Any) -> dict[str, Any]:
    """The sections other apps add to `obj`'s page for its reader (core/related.py)."""
    from inspir.core.related import related_sections

    request = context.get("request")
    user = getattr(request, "user", None)
    return {"sections": related_sections(obj, user) if user is not None else []}
