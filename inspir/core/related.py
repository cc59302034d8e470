"""What other apps link to a record, shown on its page (decision 0020's registries): a
domain above the record's app registers, from its `AppConfig.ready()`, a provider that
returns the section it adds for a reader (governance's decision page lists the plan actions
that came from the decision), so that the record's app imports nothing above it. A provider
returns None when it has nothing for that reader, without a query where it can (an
anonymous visitor, a reader of no plan)."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import models


@dataclass(frozen=True)
class RelatedLink:
    text: Any  # a `core.texts.Shown` (what a member wrote, in the reader's language)
    url: str
    detail: str = ""  # a short note after the link: its network, its status


@dataclass(frozen=True)
class RelatedSection:
    title: Any
    links: tuple[RelatedLink, ...]
    empty: Any = ""  # said when there are no links; the section is left out when blank


Provider = Callable[[models.Model, Any], RelatedSection | None]
_providers: dict[str, list[Provider]] = {}


def register_related(model: type[models.Model], provider: Provider) -> None:
    """Add a provider of a section for `model`'s pages; registering it again is harmless."""
    found = _providers.setdefault(model._meta.label, [])
    if provider not in found:
        found.append(provider)


def related_sections(obj: models.Model, user: Any) -> list[RelatedSection]:
    sections = []
    for provider in _providers.get(obj._meta.label, []):
        section = provider(obj, user)
        if section is not None and (section.links or section.empty):
            sections.append(section)
    return sections
