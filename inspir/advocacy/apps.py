from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AdvocacyConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "inspir.advocacy"
    label = "advocacy"
    verbose_name = _("Advocacy")

    def ready(self) -> None:
        # Which of its fields are member-written prose, read in every language (core/texts.py).
        from inspir.advocacy.texts import declare_texts

        declare_texts()
        # What its audit action codes mean, for the activity log (core/actions.py).
        from inspir.advocacy.actions import register_actions

        register_actions()
        # Cache invalidation only, no domain logic: published positions are public pages
        # kept under the registry version (core/page_cache.py), as are the parts of pages
        # that read them (a decision's page lists the positions it adopted).
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from inspir.advocacy.models import Campaign, Position
        from inspir.core.page_cache import registry_changed

        for model in self.get_models():
            post_save.connect(registry_changed, sender=model, dispatch_uid=f"page-cache-{model}")
            post_delete.connect(
                registry_changed, sender=model, dispatch_uid=f"page-cache-del-{model}"
            )
        for through in (
            Position.endorsing_networks.through,
            Position.plan_actions.through,
            Campaign.participants.through,
            Campaign.positions.through,
        ):
            m2m_changed.connect(
                registry_changed, sender=through, dispatch_uid=f"page-cache-{through}"
            )
        # Every saved state of a position and its demands (core/history.py).
        from inspir.advocacy.history import register_history

        register_history()
        # What it lets people find in the platform-wide search (core/search.py).
        from inspir.advocacy.search import PROVIDERS
        from inspir.core.search import register_search_provider

        for provider in PROVIDERS:
            register_search_provider(provider)
        # What it holds about a person, for the export and the erasure (core/personal_data.py).
        from inspir.advocacy.personal_data import ADVOCACY_PROVIDER
        from inspir.core.personal_data import register_provider

        register_provider(ADVOCACY_PROVIDER)
        # A decision's page lists the positions it adopted (core/related.py).
        from inspir.advocacy.related import decision_positions
        from inspir.core.related import register_related
        from inspir.governance.models import Decision

        register_related(Decision, decision_positions)
        # Its pages in the main navigation, for those who read a network's advocacy.
        from inspir.advocacy.permissions import has_advocacy
        from inspir.core.navigation import register_menu_entry

        register_menu_entry(
            url_name="advocacy:position_list",
            label=_("Advocacy"),
            order=52,
            visible=has_advocacy,
        )
        # Those who read no network's advocacy (visitors) find the published positions.
        register_menu_entry(
            url_name="advocacy:public_list",
            label=_("Positions"),
            order=45,
            visible=lambda user: not has_advocacy(user),
        )
        # Its section of the annual report: the year's positions, submissions and
        # campaigns (core/report_sections.py).
        from inspir.advocacy.report import register_report_sections

        register_report_sections()
