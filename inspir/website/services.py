"""Writes of the website: posts by each network's editors (atomic, audited, versioned), the
publication of scheduled posts when their moment comes, and the contact form's message."""

import datetime
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from inspir.accounts.models import NetworkRole, Role
from inspir.accounts.permissions import AnyUser
from inspir.core.audit import audit_log, field_changes
from inspir.core.errors import Invalid, Refused
from inspir.core.mail import send_email
from inspir.core.page_cache import registry_changed
from inspir.core.versioning import lock_version, save_version
from inspir.network.models import Level, Network
from inspir.website.images import Resized
from inspir.website.models import Post, PostStatus
from inspir.website.permissions import edits_posts_of

POST_FIELDS = ("title", "summary", "body", "image_alt")
ACTIONS = ("draft", "schedule", "publish")


def _check_editor(actor: AnyUser, network_id: int) -> None:
    if not edits_posts_of(actor, network_id):
        raise Refused(_("Only this network's focal point and coordinators write its news."))


def _when(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime.datetime) else value


def _apply_status(
    post: Post, action: str, publish_at: datetime.datetime | None, now: datetime.datetime
) -> None:
    if action not in ACTIONS:
        raise ValueError(f"Unknown action: {action}")
    if action == "schedule":
        if publish_at is None:
            raise Invalid({"publish_at": _("Choose when the post is to be published.")})
        if publish_at <= now:
            raise Invalid({"publish_at": _("Choose a moment to come, or publish the post now.")})
        post.status, post.publish_at = PostStatus.SCHEDULED, publish_at
    elif action == "publish":
        # Published again as it was (an edit of a public post keeps its date).
        if post.status != PostStatus.PUBLISHED or post.publish_at is None or post.publish_at > now:
            post.publish_at = now
        post.status = PostStatus.PUBLISHED
    else:
        post.status = PostStatus.DRAFT
        post.publish_at = None


def _check(post: Post) -> None:
    for name in POST_FIELDS:
        setattr(post, name, (getattr(post, name) or "").strip())
    try:
        post.full_clean(exclude=["network", "author", "language"])
    except ValidationError as error:
        raise Invalid(error.message_dict) from error


def _set_image(post: Post, image: Resized | None, remove: bool) -> list[Any]:
    """Put the new picture's files on `post`; the files it replaces, to delete after the
    commit."""
    old = [f for f in (post.image_small, post.image_medium, post.image_large) if f]
    if image is None and not remove:
        return []
    post.image_small, post.image_medium, post.image_large = "", "", ""  # type: ignore[assignment]
    post.image_width = post.image_height = None
    if image is not None:
        post.image_small.save(image.files["small"].name, image.files["small"], save=False)
        post.image_medium.save(image.files["medium"].name, image.files["medium"], save=False)
        post.image_large.save(image.files["large"].name, image.files["large"], save=False)
        post.image_width, post.image_height = image.width, image.height
    return old


def _delete_later(files: list[Any]) -> None:
    names = [(f.storage, f.name) for f in files]

    def delete() -> None:
        for storage, name in names:
            storage.delete(name)

    transaction.on_commit(delete)


def _state(post: Post) -> dict[str, Any]:
    return {
        **{name: getattr(post, name) for name in POST_FIELDS},
        "status": post.status,
        "publish_at": _when(post.publish_at),
        "image": post.image_large.name or None,
    }


def _log_status(actor: AnyUser, post: Post, before: str | None) -> None:
    """One entry when the post goes public, is scheduled or leaves the site."""
    if post.status == before:
        return
    changes = {"status": [before, post.status], "publish_at": [None, _when(post.publish_at)]}
    if post.status == PostStatus.PUBLISHED:
        audit_log(
            action="website.post.published",
            actor=actor,
            obj=post,
            network=post.network,
            changes=changes,
        )
    elif post.status == PostStatus.SCHEDULED:
        audit_log(
            action="website.post.scheduled",
            actor=actor,
            obj=post,
            network=post.network,
            changes=changes,
        )
    elif before in (PostStatus.PUBLISHED, PostStatus.SCHEDULED):
        audit_log(
            action="website.post.unpublished",
            actor=actor,
            obj=post,
            network=post.network,
            changes=changes,
        )


@transaction.atomic
def post_create(
    *,
    actor: AnyUser,
    network: Network,
    language: str,
    data: Mapping[str, Any],
    action: str,
    image: Resized | None = None,
    publish_at: datetime.datetime | None = None,
    now: datetime.datetime | None = None,
) -> Post:
    """A new post of `network`, written in `language`: a draft, scheduled for `publish_at`
    or published now, as `action` says."""
    _check_editor(actor, network.pk)
    unknown = set(data) - set(POST_FIELDS)
    if unknown:
        raise ValueError(f"Fields that cannot be written: {sorted(unknown)}")
    now = now or timezone.now()
    post = Post(network=network, language=language, **data)
    post.author = actor if actor.is_authenticated else None  # type: ignore[assignment]
    _apply_status(post, action, publish_at, now)
    _check(post)
    _set_image(post, image, remove=False)
    # The texts' originals are recorded in the language the post is written in.
    with translation.override(language):
        post.save()
    audit_log(
        action="website.post.created",
        actor=actor,
        obj=post,
        network=network,
        changes={k: [None, v] for k, v in _state(post).items() if v not in (None, "")},
    )
    _log_status(actor, post, PostStatus.DRAFT)
    return post


@transaction.atomic
def post_update(
    *,
    post: Post,
    actor: AnyUser,
    version: int,
    data: Mapping[str, Any],
    action: str,
    image: Resized | None = None,
    remove_image: bool = False,
    publish_at: datetime.datetime | None = None,
    now: datetime.datetime | None = None,
) -> Post:
    """Save `data` on `post` if it is still at `version`, with the status `action` gives."""
    _check_editor(actor, post.network_id)
    unknown = set(data) - set(POST_FIELDS)
    if unknown:
        raise ValueError(f"Fields that cannot be written: {sorted(unknown)}")
    now = now or timezone.now()
    current = lock_version(Post.objects.select_related("network"), post.pk, version, of=("self",))
    before = _state(current)
    status_before = current.status
    for name, value in data.items():
        setattr(current, name, value)
    _apply_status(current, action, publish_at, now)
    _check(current)
    replaced = _set_image(current, image, remove_image)
    changes = field_changes(before, _state(current))
    if not changes:
        return current
    with translation.override(current.language):
        save_version(current)
    _delete_later(replaced)
    audit_log(
        action="website.post.updated",
        actor=actor,
        obj=current,
        network=current.network,
        changes=changes,
    )
    _log_status(actor, current, status_before)
    return current


def posts_publish_due(*, now: datetime.datetime | None = None) -> int:
    """Mark published the scheduled posts whose moment has come, and make the public pages
    that list them stale: the worker runs it every minute (publish_scheduled_posts). Each
    post is claimed by a compare-and-set update, so two workers publish it once."""
    now = now or timezone.now()
    published = 0
    due = Post.objects.filter(status=PostStatus.SCHEDULED, publish_at__lte=now)
    for post in due.select_related("network"):
        with transaction.atomic():
            claimed = Post.objects.filter(pk=post.pk, status=PostStatus.SCHEDULED).update(
                status=PostStatus.PUBLISHED
            )
            if not claimed:
                continue
            audit_log(
                action="website.post.published",
                actor=None,
                obj=post,
                network=post.network,
                changes={
                    "status": [PostStatus.SCHEDULED, PostStatus.PUBLISHED],
                    "publish_at": [None, _when(post.publish_at)],
                },
            )
            published += 1
    if published:
        registry_changed()
    return published


def contact_recipients() -> list[str]:
    """The addresses of the intercontinental network's coordinators (active accounts)."""
    return sorted(
        set(
            NetworkRole.objects.filter(
                network__level=Level.INTERCONTINENTAL,
                role=Role.COORDINATOR,
                user__is_active=True,
            )
            .exclude(user__email="")
            .values_list("user__email", flat=True)
        )
    )


@transaction.atomic
def contact_send(*, name: str, email: str, subject: str, message: str) -> int:
    """Send a visitor's message to the intercontinental network's coordinators, one copy
    each, answerable to the visitor; nothing else of it is kept. Returns the copies sent."""
    recipients = contact_recipients()
    if not recipients:
        raise Invalid(_("The message could not be sent: nobody receives it yet."))
    body = _(
        "A message sent through the website's contact form.\n\n"
        "From: %(name)s <%(email)s>\nSubject: %(subject)s\n\n%(message)s\n\n"
        "Answer this e-mail to reply to %(name)s."
    ) % {"name": name, "email": email, "subject": subject, "message": message}
    sent = send_email(
        subject=_("Website contact: %(subject)s") % {"subject": subject},
        body=body,
        recipients=recipients,
        reply_to=email,
        topic="website.contact",
    )
    return len(sent)
