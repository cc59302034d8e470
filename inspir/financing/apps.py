from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FinancingConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "inspir.financing"
    label = "financing"
    verbose_name = _("Financing")

    def ready(self) -> None:
        # Which of its fields are member-written prose, read in every language (core/texts.py).
        from inspir.financing.texts import declare_texts

        declare_texts()
        # What its audit action codes mean, for the activity log (core/actions.py).
        from inspir.financing.actions import register_actions

        register_actions()
        # Cache invalidation only, no domain logic: the board's and the totals' parts are
        # kept under the registry version (`{% shared_part %}`, core/page_cache.py), so any
        # change to a funder, a call, a proposal or its team makes them stale at once.
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from inspir.core.page_cache import registry_changed
        from inspir.financing.models import FundingProposal

        for model in self.get_models():
            post_save.connect(registry_changed, sender=model, dispatch_uid=f"page-cache-{model}")
            post_delete.connect(
                registry_changed, sender=model, dispatch_uid=f"page-cache-del-{model}"
            )
        for through in (
            FundingProposal.team.through,
            FundingProposal.partner_organisations.through,
            FundingProposal.plan_actions.through,
        ):
            m2m_changed.connect(
                registry_changed, sender=through, dispatch_uid=f"page-cache-{through}"
            )
        # The deadline reminders of the proposals' teams (inspir/notifications), run on the
        # worker's schedule (core/scheduler.py) and by `manage.py send_funding_reminders`.
        from inspir.core.scheduler import JobSpec, register_job
        from inspir.financing.notices import register_notice_kinds

        register_notice_kinds()
        register_job(
            JobSpec("send_funding_reminders", "send_funding_reminders", interval_seconds=3600)
        )
        # What it lets people find in the platform-wide search (core/search.py).
        from inspir.core.search import register_search_provider
        from inspir.financing.search import PROVIDERS

        for provider in PROVIDERS:
            register_search_provider(provider)
        # What it holds about a person, for the export and the erasure (core/personal_data.py).
        from inspir.core.personal_data import register_provider
        from inspir.financing.personal_data import FINANCING_PROVIDER

        register_provider(FINANCING_PROVIDER)
        # Its pages in the main navigation, for every member of a network.
        from inspir.core.navigation import register_menu_entry
        from inspir.financing.permissions import is_financing_reader

        register_menu_entry(
            url_name="financing:board",
            label=_("Financing"),
            order=58,
            visible=is_financing_reader,
        )
        # Its section of the annual report: the year's joint funding proposals, without
        # amounts (core/report_sections.py).
        from inspir.financing.report import register_report_sections

        register_report_sections()
