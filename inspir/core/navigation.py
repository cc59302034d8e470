"""The main navigation, filled by the apps (decision 0020).

Core draws the menu but knows no domain: each app registers its entries from its
``AppConfig.ready()``, with its place in the menu and, when not everyone sees it, who does.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.functional import Promise
from django.utils.translation import get_language


@dataclass(frozen=True)
class MenuEntry:
    url_name: str
    label: str | Promise
    order: int
    # Given the request's user (anonymous included); None: everyone sees the entry.
    visible: Callable[[Any], bool] | None = None
    # A public entry with a description is also a card of the home page's "Explore".
    description: str | Promise = ""
    # Given the request's user: a number shown after the label ("Notifications (3)"); it
    # is asked on every page the entry shows on, so it must cost no query when it can.
    count: Callable[[Any], int] | None = None


_entries: dict[str, MenuEntry] = {}


def _register_home() -> None:
    from django.utils.translation import gettext_lazy as _

    register_menu_entry(url_name="core:home", label=_("Home"), order=0)


def register_menu_entry(
    *,
    url_name: str,
    label: str | Promise,
    order: int,
    visible: Callable[[Any], bool] | None = None,
    description: str | Promise = "",
    count: Callable[[Any], int] | None = None,
) -> None:
    """Add (or replace, by URL name) an entry of the main navigation."""
    _entries[url_name] = MenuEntry(
        url_name=url_name,
        label=label,
        order=order,
        visible=visible,
        description=description,
        count=count,
    )


_register_home()


def menu_entries() -> list[MenuEntry]:
    return sorted(_entries.values(), key=lambda entry: (entry.order, entry.url_name))


@functools.lru_cache(maxsize=256)
def _address(url_name: str, language: str | None, prefix: str, urlconf: str) -> str:
    return reverse(url_name, urlconf=urlconf)


def menu_for(user: Any) -> list[dict[str, object]]:
    """The entries this user sees, in order, with their addresses (reversed once per
    language, script prefix and URLconf: every page draws the menu)."""
    where = (get_language(), get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)
    return [
        {
            "url": _address(entry.url_name, *where),
            "label": entry.label,
            "url_name": entry.url_name,
            "count": entry.count(user) if entry.count is not None else None,
        }
        for entry in menu_entries()
        if entry.visible is None or entry.visible(user)
    ]


def explore_cards() -> list[dict[str, object]]:
    """The home page's cards: the public entries that describe themselves, in menu order."""
    return [
        {"url": reverse(entry.url_name), "label": entry.label, "description": entry.description}
        for entry in menu_entries()
        if entry.description and entry.visible is None
    ]


@dataclass(frozen=True)
class HomeSection:
    """A section an app adds to the home page (the latest news, the next newsletter).
    `context` is given the request and returns the template's context, or None to leave
    the section out; the home page is a public page kept whole in the page cache, so a
    section must not depend on who reads it."""

    name: str
    order: int
    template: str
    context: Callable[[Any], dict[str, Any] | None]


_home_sections: dict[str, HomeSection] = {}


def register_home_section(
    *, name: str, order: int, template: str, context: Callable[[Any], dict[str, Any] | None]
) -> None:
    """Add (or replace, by name) a section of the home page."""
    _home_sections[name] = HomeSection(name=name, order=order, template=template, context=context)


def home_sections(request: Any) -> list[dict[str, Any]]:
    """The sections to draw, in order: each its template and context."""
    drawn = []
    for section in sorted(_home_sections.values(), key=lambda s: (s.order, s.name)):
        context = section.context(request)
        if context is not None:
            drawn.append({"name": section.name, "template": section.template, "context": context})
    return drawn
