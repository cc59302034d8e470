""" "My work": what is waiting for the signed-in reader, gathered from the apps (decision 0020).

Core draws the page but knows no domain: each app registers, from its ``AppConfig.ready()``,
a provider that is given the reader and returns the sections that concern them (inputs due,
proposals awaiting their network, follow-ups to report, meetings coming, invitations, gaps
in their profile), read through its selectors only. A section that concerns the reader is
returned even when nothing is waiting in it, so that the page can say so; one that does not
concern them (invitations, for someone who invites nobody) is not returned at all.

Each provider reads a fixed number of queries whatever the data: at most `ITEM_LIMIT` items
per section, with `more_url` leading to the full list when there are more. Sections that
share a key (the profile's gaps, from several apps) are merged, in provider order.

The sections are kept for the reader (`page_cache.shared_value`, decision 0021) when every
provider names what they depend on besides the data (`varies_on`): under the registry
version, which every write to the data moves on, until the first moment at which time
alone changes one of them (`changes_at`: a deadline passing, a meeting starting)."""

from __future__ import annotations

import dataclasses
import datetime
import zoneinfo
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise

from inspir.core.page_cache import shared_value

# Items shown per section; a provider reads one more to know whether there are others.
ITEM_LIMIT = 10


@dataclass(frozen=True)
class WorkLink:
    label: str | Promise
    url: str


@dataclass(frozen=True)
class WorkButton:
    label: str | Promise
    name: str
    value: str


@dataclass(frozen=True)
class WorkForm:
    """Buttons that act at once (a POST to `url`, each sending its own name and value, with
    the `hidden` pairs): an invitation answered from the page itself."""

    url: str
    buttons: tuple[WorkButton, ...]
    hidden: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class WorkItem:
    """One thing waiting for the reader, with the one click that acts on it."""

    text: str | Promise
    url: str  # where to act
    action: str | Promise  # what the click does ("Give the input")
    # When it is due or happens: an aware datetime (shown in `zone`, named) or a date.
    when: datetime.datetime | datetime.date | None = None
    when_label: str | Promise = ""  # "Inputs expected by", "Due", "Starts"
    zone: zoneinfo.ZoneInfo | None = None
    overdue: bool = False
    detail: str | Promise = ""  # a short second line: the network acted for, the committee
    links: tuple[WorkLink, ...] = ()  # further links (the meeting's .ics)
    form: WorkForm | None = None  # buttons that act from the page itself

    @property
    def has_time(self) -> bool:
        return isinstance(self.when, datetime.datetime)


@dataclass
class WorkSection:
    key: str  # sections of the same key are merged ("profile")
    title: str | Promise
    order: int  # the section's place on the page (the first of a merged key's)
    items: list[WorkItem] = field(default_factory=list)
    # When the items were cut at ITEM_LIMIT: where the reader finds every one.
    more_url: str = ""
    more_label: str | Promise = ""
    # The first moment at which time alone changes what the section shows (a deadline
    # passing, a meeting starting or ending); None when only a change to the data does.
    changes_at: datetime.datetime | None = None


@dataclass(frozen=True)
class WorkProvider:
    name: str
    order: int
    # Given the signed-in reader: the sections that concern them, in order.
    sections: Callable[[Any], Iterable[WorkSection]]
    # Given the reader: everything their sections depend on besides the data and the time,
    # as plain values (their id, their permissions). None: the sections are never kept.
    varies_on: Callable[[Any], object] | None = None


def earliest(*moments: datetime.datetime | None) -> datetime.datetime | None:
    """The first of the moments given (None among them ignored); None when there is none."""
    found = [moment for moment in moments if moment is not None]
    return min(found) if found else None


_providers: dict[str, WorkProvider] = {}


def register_work_provider(provider: WorkProvider) -> None:
    """Add (or replace, by name) a provider of "my work" sections."""
    _providers[provider.name] = provider


def work_providers() -> list[WorkProvider]:
    return sorted(_providers.values(), key=lambda provider: (provider.order, provider.name))


def limited(rows: Iterable[Any]) -> tuple[list[Any], bool]:
    """The first ITEM_LIMIT rows of a list read with one more, and whether there were more."""
    rows = list(rows)
    return rows[:ITEM_LIMIT], len(rows) > ITEM_LIMIT


def work_for(user: Any) -> list[WorkSection]:
    """Every section that concerns `user`, in their order; sections of one key merged, their
    items in provider order. Kept for the reader when every provider says what it varies on
    (see the module's doc)."""
    providers = work_providers()
    if any(provider.varies_on is None for provider in providers):
        return _gathered(user, providers)
    varies_on = [
        (provider.name, provider.varies_on(user))
        for provider in providers
        if provider.varies_on is not None
    ]
    return shared_value(
        "my-work", varies_on, lambda: _gathered(user, providers), fresh=_time_has_not_changed
    )


def _plain(item: WorkItem) -> WorkItem:
    """The item with its texts as plain strings."""
    return dataclasses.replace(
        item,
        text=str(item.text),
        action=str(item.action),
        when_label=str(item.when_label),
        detail=str(item.detail),
        links=tuple(WorkLink(str(link.label), link.url) for link in item.links),
        form=item.form
        and dataclasses.replace(
            item.form,
            buttons=tuple(
                WorkButton(str(button.label), button.name, button.value)
                for button in item.form.buttons
            ),
        ),
    )


def _time_has_not_changed(sections: list[WorkSection]) -> bool:
    now = timezone.now()
    return all(section.changes_at is None or now < section.changes_at for section in sections)


def _gathered(user: Any, providers: list[WorkProvider]) -> list[WorkSection]:
    sections: dict[str, WorkSection] = {}
    for provider in providers:
        for section in provider.sections(user):
            kept = sections.get(section.key)
            if kept is None:
                # Plain strings (the language is the reader's): a lazy one costs a new
                # class each time it is read back from the cache.
                sections[section.key] = WorkSection(
                    key=section.key,
                    title=str(section.title),
                    order=section.order,
                    items=[_plain(item) for item in section.items],
                    more_url=section.more_url,
                    more_label=str(section.more_label),
                    changes_at=section.changes_at,
                )
            else:
                kept.items.extend(_plain(item) for item in section.items)
                kept.more_url = kept.more_url or section.more_url
                kept.more_label = kept.more_label or str(section.more_label)
                kept.changes_at = earliest(kept.changes_at, section.changes_at)
    return sorted(sections.values(), key=lambda section: section.order)


# --- The steps of a profile just completed ---------------------------------------------------
# After accepting an invitation one completes one's profile (accounts), then the parts of it
# other apps keep (the hours at which one accepts to meet: governance). Each app registers
# its step from `AppConfig.ready()`; accounts sends the newcomer through the steps still
# needed, then to "my work". Core names no app.


@dataclass(frozen=True)
class ProfileStep:
    """`url()` is the step's page (it sends the reader on to `next_profile_step_url` once
    saved when its address carries `?then=profile`); `needed(user)` says whether the step
    is still to do; steps run by `order`."""

    name: str
    order: int
    url: Callable[[], str]
    needed: Callable[[Any], bool]


_profile_steps: dict[str, ProfileStep] = {}


def register_profile_step(step: ProfileStep) -> None:
    _profile_steps[step.name] = step


def next_profile_step_url(user: Any, *, after: str = "") -> str:
    """The page of the first step `user` still needs after the step `after` (onboarding
    goes forward only), else "my work"."""
    steps = sorted(_profile_steps.values(), key=lambda step: step.order)
    if after in _profile_steps:
        steps = [step for step in steps if step.order > _profile_steps[after].order]
    for step in steps:
        if step.needed(user):
            return f"{step.url()}?then=profile"
    return reverse("core:my_work")
