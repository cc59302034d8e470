from typing import Any

from django.apps import AppConfig


def reader_time_zone(user: Any) -> str | None:
    """A signed-in reader's own zone: their person's in the network, if they have one."""
    person = getattr(user, "person", None)
    return person.time_zone if person is not None else None


def role_changed(instance: Any, **_signal_arguments: Any) -> None:
    """A role given, changed or taken away makes stale what is kept under the registry
    version when it says who acts for its network (the "my work" of those above it) or when
    its holder has a person (one of the network's people)."""
    from inspir.accounts.models import User
    from inspir.accounts.permissions import Action, roles_granting
    from inspir.core.page_cache import registry_changed

    acts = instance.role in roles_granting(Action.ACT_FOR_NETWORK)
    if acts or User.objects.filter(pk=instance.user_id, person__isnull=False).exists():
        registry_changed()


def activation_changing(instance: Any, update_fields: Any = None, **_signal_arguments: Any) -> None:
    """Note whether this save activates or deactivates an existing account (a new one holds
    no role: giving one is `role_changed`); asked only of a save that writes `is_active`,
    not of the log-in's `last_login`."""
    from inspir.accounts.models import User

    instance._activation_changed = False
    if instance.pk is None or (update_fields is not None and "is_active" not in update_fields):
        return
    was_active = User.objects.filter(pk=instance.pk).values_list("is_active", flat=True).first()
    instance._activation_changed = was_active is not None and was_active != instance.is_active


def activation_changed(instance: Any, **_signal_arguments: Any) -> None:
    """An account activated or deactivated says whether its roles count (who acts for a
    network): what is kept under the registry version is stale."""
    from inspir.core.page_cache import registry_changed

    if getattr(instance, "_activation_changed", False):
        registry_changed()


class AccountsConfig(AppConfig):
    name = "inspir.accounts"
    label = "accounts"

    def ready(self) -> None:
        # Which of its fields are prose to translate (core/texts.py).
        from inspir.accounts.texts import declare_texts

        declare_texts()
        from allauth.mfa.models import Authenticator
        from django.db.models.signals import post_delete, post_save, pre_save

        from inspir.accounts import signals  # noqa: F401 - connects the receivers
        from inspir.accounts.mfa_adapter import restore_check
        from inspir.accounts.models import NetworkRole, User
        from inspir.accounts.permissions import reach_changed
        from inspir.core.backup import register_restore_check
        from inspir.network.models import Network

        register_restore_check(restore_check)
        # A user's reach is kept for the request (permissions.py): a change to what it
        # rests on makes the kept ones stale.
        for model in (NetworkRole, Network, User, Authenticator):
            post_save.connect(reach_changed, sender=model, dispatch_uid=f"reach-{model}")
            post_delete.connect(reach_changed, sender=model, dispatch_uid=f"reach-del-{model}")
        # What is kept under the registry version (core/page_cache.py) is stale after a change
        # to a role (`role_changed`), to whether an account is active (`activation_changed`) or
        # to an invitation (those one sent wait on one's "my work").
        from inspir.accounts.models import Invitation
        from inspir.core.page_cache import registry_changed

        post_save.connect(role_changed, sender=NetworkRole, dispatch_uid="kept-role")
        pre_save.connect(activation_changing, sender=User, dispatch_uid="kept-account-pre")
        post_save.connect(activation_changed, sender=User, dispatch_uid="kept-account")
        post_delete.connect(role_changed, sender=NetworkRole, dispatch_uid="kept-role-del")
        post_save.connect(registry_changed, sender=Invitation, dispatch_uid="kept-invitation")
        post_delete.connect(registry_changed, sender=Invitation, dispatch_uid="kept-invitation-del")
        # What its audit action codes mean, for the activity log (core/actions.py).
        from inspir.accounts.actions import register_actions

        register_actions()
        # What its e-mails say, rendered by the worker in each recipient's language
        # (core/mail_kinds.py).
        from inspir.accounts.emails import register_mail_kinds

        register_mail_kinds()
        # Who may open core's own pages: the activity log, the undelivered mail (core/access.py).
        from inspir.accounts.permissions import Action, may_oversee_mail, networks_where
        from inspir.core.access import CoreAccess, register_access

        register_access(
            CoreAccess(
                audit_networks=lambda user: networks_where(user, Action.VIEW_AUDIT),
                may_oversee_mail=may_oversee_mail,
            )
        )
        # The account page in the main navigation (core/navigation.py), for those signed in.
        from django.utils.translation import gettext_lazy as _

        from inspir.core.navigation import register_menu_entry

        register_menu_entry(
            url_name="accounts_profile",
            label=_("My account"),
            order=90,
            visible=lambda user: bool(user and user.is_authenticated),
        )
        # The reader's own time zone is their person's in the network (core/time.py).
        from inspir.core.time import register_reader_zone

        register_reader_zone(reader_time_zone)
        # What it holds about a person, for the export and the erasure (core/personal_data.py).
        from inspir.accounts.privacy import ACCOUNTS_PROVIDER
        from inspir.core.personal_data import register_provider

        register_provider(ACCOUNTS_PROVIDER)
        # The invitations one sent and the gaps of one's profile on "my work" (core/my_work.py).
        from inspir.accounts.my_work import PROVIDER as WORK_PROVIDER
        from inspir.core.my_work import register_work_provider

        register_work_provider(WORK_PROVIDER)
