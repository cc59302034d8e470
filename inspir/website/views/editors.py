"""The editors' pages: each network's focal point and coordinators list their networks'
posts, write them, preview them (nothing saved), save them as drafts, schedule or publish
them."""

import functools
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from inspir.core.errors import found_or_404
from inspir.core.forms import save_form
from inspir.core.i18n import current_language
from inspir.core.submit_once import submit_once
from inspir.core.time import reader_zone
from inspir.core.versioning import save_edit
from inspir.website import selectors, services
from inspir.website.forms import POST_ACTIONS, PostForm, post_initial
from inspir.website.markup import rendered
from inspir.website.models import Post, PostStatus
from inspir.website.permissions import editing_network_ids, edits_any


def _editor(request: HttpRequest) -> None:
    if not edits_any(request.user):
        raise Http404(_("You do not write any network's news."))


@login_required
@require_GET
def post_list(request: HttpRequest) -> HttpResponse:
    _editor(request)
    status = request.GET.get("status", "")
    zone = reader_zone(request.user)
    editing = editing_network_ids(request.user)
    # The table is kept for editors of the same networks reading in the same time zone
    # (`{% shared_part %}`, decision 0021): the posts are read only when it is stale.
    context = {
        "page_of": functools.partial(
            selectors.editor_page, request.user, page=request.GET.get("page"), status=status
        ),
        "part_key": (
            "every network" if editing is None else sorted(editing),
            sorted(request.GET.lists()),
            str(zone),
        ),
        "status": status if status in PostStatus.values else "",
        "statuses": PostStatus.choices,
        "zone": zone,
    }
    return render(request, "website/post_list.html", context)


def _action(request: HttpRequest) -> str:
    action = request.POST.get("action", "draft")
    return action if action in POST_ACTIONS else "draft"


def _success(action: str) -> str:
    return {
        "draft": _("The post was saved as a draft."),
        "schedule": _("The post was scheduled."),
        "publish": _("The post is published."),
    }[action]


def _preview(form: PostForm) -> Any:
    body = form.cleaned_data.get("body") if hasattr(form, "cleaned_data") else None
    return rendered(body if body is not None else form.data.get(form.add_prefix("body"), ""))


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def post_create(request: HttpRequest) -> HttpResponse:
    networks = selectors.editing_networks(request.user)
    first = networks.first()
    if first is None:
        raise Http404
    zone = reader_zone(request.user)
    form = PostForm(
        request.POST or None,
        request.FILES or None,
        initial={"network": first, "language": current_language()},
        zone=zone,
        versioned=False,
        networks=networks,
    )
    action = _action(request)
    preview = None
    if request.method == "POST" and form.is_valid():
        if action == "preview":
            preview = _preview(form)
        else:
            done = save_form(
                request,
                form,
                lambda: services.post_create(
                    actor=request.user,
                    network=form.cleaned_data["network"],
                    language=form.cleaned_data["language"],
                    data=form.data_for_service(),
                    action=action,
                    image=form.cleaned_data["image"],
                    publish_at=form.cleaned_data["publish_at"],
                ),
                success=_success(action),
                then="website:post_list",
            )
            if done:
                return done
    elif request.method == "POST" and action == "preview":
        preview = _preview(form)
    context = {"form": form, "post": None, "preview": preview, "zone": zone}
    return render(request, "website/post_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def post_edit(request: HttpRequest, pk: int) -> HttpResponse:
    post: Post = found_or_404(selectors.editable_post, user=request.user, pk=pk)
    saved_title = post.title
    zone = reader_zone(request.user)
    form = PostForm(
        request.POST or None,
        request.FILES or None,
        initial=post_initial(post, zone),
        zone=zone,
        versioned=True,
        has_image=post.has_image,
    )
    action = _action(request)
    preview = conflict = None
    if request.method == "POST" and form.is_valid():
        if action == "preview":
            preview = _preview(form)
        else:
            saved, conflict = save_edit(
                request,
                form,
                lambda: services.post_update(
                    post=post,
                    actor=request.user,
                    version=form.cleaned_data["version"],
                    data=form.data_for_service(),
                    action=action,
                    image=form.cleaned_data["image"],
                    remove_image=form.cleaned_data.get("remove_image", False),
                    publish_at=form.cleaned_data["publish_at"],
                ),
                success=_success(action),
                values=lambda saved: {
                    **post_initial(saved, zone),
                    "image": None,
                    "remove_image": False,
                },
            )
            if saved:
                return redirect("website:post_list")
    elif request.method == "POST" and action == "preview":
        preview = _preview(form)
    context = {
        "form": form,
        "post": post,
        "saved_title": saved_title,
        "preview": preview,
        "conflict": conflict,
        "zone": zone,
    }
    return render(request, "website/post_form.html", context)
