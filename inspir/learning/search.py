"""What the library lets people find in the platform-wide search (core/search.py), and what
its own page's query runs through (`selectors.library.matching`): its resources, found by a
word of their title, summary or lessons in any language they are read in (translations
included), by every member of the platform."""

from django.utils.translation import gettext_lazy as _

from inspir.core.search import (
    SearchDocument,
    SearchProvider,
    every_language_words,
    summary_lines,
)
from inspir.learning.models import Resource
from inspir.learning.permissions import library_key
from inspir.learning.selectors.access import readable_resources
from inspir.learning.selectors.library import SEARCH_KIND


def resource_document(resource: Resource) -> SearchDocument:
    return SearchDocument(
        object_id=resource.pk,
        title=resource.title,
        text=every_language_words(resource, "title", "summary", "lessons"),
        summaries=summary_lines(
            resource.network.name, resource.get_kind_display(), resource.starts_on.year
        ),
        url_name="learning:resource_detail",
        url_kwargs={"pk": resource.pk},
    )


PROVIDERS = [
    SearchProvider(
        kind=SEARCH_KIND,
        label=_("Library"),
        order=90,
        model=Resource,
        document=resource_document,
        visible=readable_resources,
        visibility_key=library_key,
        queryset=lambda: Resource.objects.select_related("network"),
    ),
]
