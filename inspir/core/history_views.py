"""The change history's pages (`inspir.core.history`): the list of a record's saved states,
one state with what it changed and a "restore this version" button. Only for those who may
edit the record: the registration's scoped lookup makes anything else a 404."""

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.core.paginator import Paginator
from django.db.models import Model
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from inspir.core import history
from inspir.core.forms import HiddenStateMixin
from inspir.core.models import Revision
from inspir.core.submit_once import submit_once
from inspir.core.versioning import EditConflict

HISTORY_PAGE_SIZE = 25


class RestoreForm(HiddenStateMixin, forms.Form):
    """The restore button's form: the version of the record the reader saw, so that a save
    made since is never overwritten silently (decision 0005)."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


def _tracked(request: HttpRequest, kind: str, pk: int) -> tuple[history.Tracked, Model]:
    try:
        spec = history.tracked(kind)
        return spec, spec.editable(request.user).get(pk=pk)
    except (KeyError, ValueError, OverflowError) as missing:
        raise Http404 from missing
    except ObjectDoesNotExist as missing:
        raise Http404 from missing


def _revision(obj: Model, version: int) -> Revision:
    revision = history.revisions(obj).select_related("author").filter(version=version).first()
    if revision is None:
        raise Http404
    return revision


@login_required
@require_GET
def history_list(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    spec, obj = _tracked(request, kind, pk)
    revisions = history.revisions(obj).select_related("author")
    page = Paginator(revisions, HISTORY_PAGE_SIZE).get_page(request.GET.get("page"))
    # Each revision against the one before it: the page's rows and the next older one, in
    # one query (the page's own list is not read).
    size = page.end_index() - page.start_index() + 1 if page.paginator.count else 0
    start = page.start_index() - 1 if size else 0
    window = list(revisions[start : start + size + 1])
    rows = []
    for index, revision in enumerate(window[:size]):
        older = window[index + 1] if index + 1 < len(window) else None
        changed = history.changes(
            spec.model,
            older.snapshot if older else None,
            revision.snapshot,
            fields=spec.fields,
            values=False,
        )
        rows.append({"revision": revision, "changed": changed, "older": older})
    context = {
        "spec": spec,
        "obj": obj,
        "title": spec.title(obj),
        "back_url": spec.back_url(obj),
        "page_obj": page,
        "rows": rows,
    }
    return render(request, "core/history_list.html", context)


@login_required
@require_GET
def revision_detail(request: HttpRequest, kind: str, pk: int, version: int) -> HttpResponse:
    spec, obj = _tracked(request, kind, pk)
    return render(request, "core/revision_detail.html", _revision_context(spec, obj, version))


def _revision_context(
    spec: history.Tracked, obj: Model, version: int, form: RestoreForm | None = None
) -> dict[str, Any]:
    revision = _revision(obj, version)
    older = history.revisions(obj).filter(version__lt=revision.version).first()
    now = history.snapshot(obj, spec.fields)
    is_current = now == {name: revision.snapshot.get(name) for name in spec.fields}
    return {
        "spec": spec,
        "obj": obj,
        "title": spec.title(obj),
        "back_url": spec.back_url(obj),
        "revision": revision,
        "older": older,
        "changes": history.changes(
            spec.model, older.snapshot if older else None, revision.snapshot, fields=spec.fields
        ),
        # What restoring would change in the record as it is now.
        "restoring": [] if is_current else history.changes(spec.model, now, revision.snapshot),
        "is_current": is_current,
        "form": form or RestoreForm(initial={"version": obj.version}),  # type: ignore[attr-defined]
        "history_url": reverse("core:history_list", kwargs={"kind": spec.name, "pk": obj.pk}),
    }


@login_required
@require_POST
@submit_once
def revision_restore(request: HttpRequest, kind: str, pk: int, version: int) -> HttpResponse:
    spec, obj = _tracked(request, kind, pk)
    revision = _revision(obj, version)
    form = RestoreForm(request.POST, initial={"version": obj.version})  # type: ignore[attr-defined]
    if form.is_valid():
        try:
            history.restore(
                revision, obj=obj, actor=request.user, version=form.cleaned_data["version"]
            )
        except EditConflict:
            messages.error(
                request,
                _(
                    "Someone else saved this while you were reading this version. Nothing was "
                    "restored: compare this version with the one saved now, then restore it "
                    "again if still needed."
                ),
            )
        except ValidationError as refused:
            messages.error(request, " ".join(refused.messages))
        else:
            messages.success(
                request,
                _("Version %(version)s was restored; it is now the current one.")
                % {"version": revision.version},
            )
            return redirect(reverse("core:history_list", kwargs={"kind": spec.name, "pk": obj.pk}))
        return redirect(
            reverse(
                "core:revision_detail",
                kwargs={"kind": spec.name, "pk": obj.pk, "version": revision.version},
            )
        )
    context = _revision_context(spec, obj, version, form=form)
    return render(request, "core/revision_detail.html", context)
