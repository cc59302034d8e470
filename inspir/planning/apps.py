from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlanningConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "inspir.planning"
    label = "planning"
    verbose_name = _("Planning")

    def ready(self) -> None:
        # Which of its fields are member-written prose, read in every language (core/texts.py).
        from inspir.planning.texts import declare_texts

        declare_texts()
        # What its audit action codes mean, for the activity log (core/actions.py).
        from inspir.planning.actions import register_actions

        register_actions()
        # Cache invalidation only, no domain logic: "my work" is kept per reader under the
        # registry version (core/page_cache.py), and its suggestions section reads the plan.
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from inspir.core.page_cache import registry_changed
        from inspir.planning.models import PlanAction

        for model in self.get_models():
            post_save.connect(registry_changed, sender=model, dispatch_uid=f"page-cache-{model}")
            post_delete.connect(
                registry_changed, sender=model, dispatch_uid=f"page-cache-del-{model}"
            )
        for through in (PlanAction.strengthens.through, PlanAction.stakeholders.through):
            m2m_changed.connect(
                registry_changed, sender=through, dispatch_uid=f"page-cache-{through}"
            )
        # Every saved state of an action, a stakeholder and a context note (core/history.py).
        from inspir.planning.history import register_history

        register_history()
        # The suggestions made and decided (inspir/notifications).
        from inspir.planning.notices import register_notice_kinds

        register_notice_kinds()
        # What is waiting for the plan's owners on "my work" (core/my_work.py).
        from inspir.core.my_work import register_work_provider
        from inspir.planning.my_work import PROVIDER as WORK_PROVIDER

        register_work_provider(WORK_PROVIDER)
        # What it lets people find in the platform-wide search (core/search.py).
        from inspir.core.search import register_search_provider
        from inspir.planning.search import PROVIDERS

        for provider in PROVIDERS:
            register_search_provider(provider)
        # What it holds about a person, for the export and the erasure (core/personal_data.py).
        from inspir.core.personal_data import register_provider
        from inspir.planning.personal_data import PLANNING_PROVIDER

        register_provider(PLANNING_PROVIDER)
        # A decision's page lists the plan actions that came from it (core/related.py).
        from inspir.core.related import register_related
        from inspir.governance.models import Decision
        from inspir.planning.related import decision_actions

        register_related(Decision, decision_actions)
        # Its pages in the main navigation, for those who read a network's plan.
        from inspir.core.navigation import register_menu_entry
        from inspir.planning.permissions import has_plan

        register_menu_entry(url_name="planning:plan", label=_("Plan"), order=50, visible=has_plan)
        # Its sections of the annual report: the four domains, the perspectives
        # (core/report_sections.py).
        from inspir.planning.report import register_report_sections

        register_report_sections()
