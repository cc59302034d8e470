from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "inspir.learning"
    label = "learning"
    verbose_name = _("Learning")

    def ready(self) -> None:
        # The branches and principles are reference rows its migration writes (core/backup.py).
        from inspir.core.backup import register_written_by_migrations

        register_written_by_migrations("learning.branch", "learning.principle")
        from django.db.models.signals import post_migrate

        from inspir.learning.reference import reference_rows_ensure

        post_migrate.connect(reference_rows_ensure, sender=self, dispatch_uid="learning-reference")
        # Which of its fields are member-written prose, read in every language (core/texts.py).
        from inspir.learning.texts import declare_texts

        declare_texts()
        # What its audit action codes mean, for the activity log (core/actions.py).
        from inspir.learning.actions import register_actions

        register_actions()
        # Cache invalidation only, no domain logic: what is kept under the registry version
        # (core/page_cache.py: the search's shared results) reads the library.
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from inspir.core.page_cache import registry_changed
        from inspir.learning.models import Resource

        for model in self.get_models():
            post_save.connect(registry_changed, sender=model, dispatch_uid=f"page-cache-{model}")
            post_delete.connect(
                registry_changed, sender=model, dispatch_uid=f"page-cache-del-{model}"
            )
        for field in Resource._meta.many_to_many:
            through = field.remote_field.through  # type: ignore[attr-defined]
            m2m_changed.connect(
                registry_changed, sender=through, dispatch_uid=f"page-cache-{through}"
            )
        # Every saved state of a resource (core/history.py).
        from inspir.learning.history import register_history

        register_history()
        # What it lets people find in the platform-wide search (core/search.py).
        from inspir.core.search import register_search_provider
        from inspir.learning.search import PROVIDERS

        for provider in PROVIDERS:
            register_search_provider(provider)
        # What it holds about a person, for the export and the erasure (core/personal_data.py).
        from inspir.core.personal_data import register_provider
        from inspir.learning.personal_data import LEARNING_PROVIDER

        register_provider(LEARNING_PROVIDER)
        # A plan action's page lists the resources that fulfil it (core/related.py).
        from inspir.core.related import register_related
        from inspir.learning.related import action_resources
        from inspir.planning.models import PlanAction

        register_related(PlanAction, action_resources)
        # Its pages in the main navigation, for the members of the platform.
        from inspir.core.navigation import register_menu_entry
        from inspir.learning.permissions import reads_library

        register_menu_entry(
            url_name="learning:library", label=_("Library"), order=55, visible=reads_library
        )
        # Its section of the annual report: the year's exchanges between the networks
        # (core/report_sections.py).
        from inspir.learning.report import register_report_sections

        register_report_sections()
