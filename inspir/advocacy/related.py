"""What advocacy adds to governance's pages (core/related.py): a decision's page lists the
positions it adopted, for those who read them (the published ones for everyone)."""

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inspir.advocacy.selectors.access import readable_positions
from inspir.core.related import RelatedLink, RelatedSection
from inspir.core.texts import shown_many
from inspir.network.models import top_down

# A decision rarely adopts more; the positions' list shows them all.
LIMIT = 20


def decision_positions(decision: Any, user: Any) -> RelatedSection | None:
    """The positions `decision` adopted that `user` reads: one query, and two for their
    titles in the reader's language."""
    if user is None:
        return None
    positions = list(
        readable_positions(user)
        .filter(decision=decision)
        .select_related("network")
        .order_by(top_down("network__"), "pk")[:LIMIT]
    )
    if not positions:
        return None
    titles = shown_many(positions, "title")
    return RelatedSection(
        title=gettext_lazy("Positions adopted by this decision"),
        links=tuple(
            RelatedLink(
                text=titles[position.pk],
                url=position.get_absolute_url() if user.is_authenticated else _public_url(position),
                detail=_("%(network)s, %(status)s")
                % {"network": position.network.name, "status": position.get_status_display()},
            )
            for position in positions
        ),
    )


def _public_url(position: Any) -> str:
    from django.urls import reverse

    return reverse("advocacy:public_detail", kwargs={"pk": position.pk})
