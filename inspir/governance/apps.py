from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GovernanceConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "inspir.governance"
    verbose_name = _("Governance")

    def ready(self) -> None:
        # Which of its fields are member-written prose, read in every language (core/texts.py).
        from inspir.governance.texts import declare_texts

        declare_texts()
        # Cache invalidation only, no domain logic: the public governance pages (committees,
        # published meetings and decisions) are served from the public page cache, so any
        # governance write makes the cached pages stale, as registry writes do.
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from inspir.core.page_cache import registry_changed
        from inspir.governance.models import Decision

        for model in self.get_models():
            post_save.connect(registry_changed, sender=model, dispatch_uid=f"page-cache-{model}")
            post_delete.connect(
                registry_changed, sender=model, dispatch_uid=f"page-cache-del-{model}"
            )
        m2m_changed.connect(
            registry_changed,
            sender=Decision.concerns.through,
            dispatch_uid="page-cache-decision-concerns",
        )
        # Who sits on a committee is part of a user's reach (accounts/permissions.py), read
        # through governance's own rule (governance/permissions.py).
        from inspir.accounts.permissions import reach_changed, register_seat_source
        from inspir.governance.models import Mandate
        from inspir.governance.permissions import in_office, seated

        register_seat_source(seated, offices=in_office)

        post_save.connect(reach_changed, sender=Mandate, dispatch_uid="reach-mandate")
        post_delete.connect(reach_changed, sender=Mandate, dispatch_uid="reach-del-mandate")
        # A seat rule's office says who governs (governance/permissions.py).
        from inspir.governance.models import SeatRule

        post_save.connect(reach_changed, sender=SeatRule, dispatch_uid="reach-seat-rule")
        post_delete.connect(reach_changed, sender=SeatRule, dispatch_uid="reach-del-seat-rule")
        # What its audit action codes mean, for the activity log (core/actions.py).
        from inspir.governance.actions import register_actions

        register_actions()
        # Its pages in the main navigation (core/navigation.py).
        from inspir.core.navigation import register_menu_entry

        register_menu_entry(url_name="governance:committee_list", label=_("Governance"), order=40)
        # The steering committee's seats among the home page's figures (core/figures.py).
        from inspir.core.figures import register_figure_provider
        from inspir.governance.selectors.committees import governance_key_figures

        register_figure_provider(name="governance", order=20, provider=governance_key_figures)
        # What it holds about a person, for the export and the erasure (core/personal_data.py).
        from inspir.core.personal_data import register_provider
        from inspir.governance.personal_data import GOVERNANCE_PROVIDER

        register_provider(GOVERNANCE_PROVIDER)
        # The minutes' change history (core/history.py).
        from inspir.governance.history import register_history

        register_history()
        # What its e-mails say, rendered by the worker in each recipient's language
        # (core/mail_kinds.py).
        from inspir.governance.emails import register_mail_kinds

        register_mail_kinds()
        # The events it tells people about, and their reminders (inspir/notifications); the
        # reminders run on the worker's schedule (core/scheduler.py).
        from inspir.core.scheduler import JobSpec, register_job
        from inspir.governance.notices import register_notice_kinds

        register_notice_kinds()
        register_job(JobSpec("send_reminders", "send_reminders", interval_seconds=900))
        # Consent rounds close on time and remind those who have not answered.
        from inspir.governance.consent_notices import (
            register_notice_kinds as register_round_notice_kinds,
        )

        register_round_notice_kinds()
        register_job(JobSpec("close_consent_rounds", "close_consent_rounds", interval_seconds=300))
        # What it lets people find in the platform-wide search (core/search.py).
        from inspir.core.search import register_search_provider
        from inspir.governance.search import PROVIDERS

        for provider in PROVIDERS:
            register_search_provider(provider)
        # What it has waiting for the reader on "my work" (core/my_work.py).
        from inspir.core.my_work import register_profile_step, register_work_provider
        from inspir.governance.my_work import HOURS_STEP
        from inspir.governance.my_work import PROVIDER as WORK_PROVIDER

        register_work_provider(WORK_PROVIDER)
        register_profile_step(HOURS_STEP)
        # Its sections of the annual report: meetings and decisions of the year, the
        # committee's rules and members (core/report_sections.py).
        from inspir.governance.report import register_report_sections

        register_report_sections()
