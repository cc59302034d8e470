from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "inspir.reports"
    label = "reports"
    verbose_name = _("Annual reports")

    def ready(self) -> None:
        # Which of its fields are member-written prose, read in every language (core/texts.py).
        from inspir.reports.texts import declare_texts

        declare_texts()
        # What its audit action codes mean, for the activity log (core/actions.py).
        from inspir.reports.actions import register_actions

        register_actions()
        # What it holds about a person, for the export and the erasure (core/personal_data.py).
        from inspir.core.personal_data import register_provider
        from inspir.reports.personal_data import REPORTS_PROVIDER

        register_provider(REPORTS_PROVIDER)
        # The published reports in the main navigation, for everyone.
        from inspir.core.navigation import register_menu_entry

        register_menu_entry(
            url_name="reports:report_list",
            label=_("Annual reports"),
            order=45,
            description=_("What the network did each year, in figures and in words."),
        )
        # Cache invalidation only: the list of published editions is a public page kept
        # under the registry version (core/page_cache.py).
        from django.db.models.signals import post_delete, post_save

        from inspir.core.page_cache import registry_changed
        from inspir.reports.models import Edition

        post_save.connect(registry_changed, sender=Edition, dispatch_uid="page-cache-edition")
        post_delete.connect(registry_changed, sender=Edition, dispatch_uid="page-cache-del-edition")
        # A layout whose worker died is queued again (core/scheduler.py).
        from inspir.core.scheduler import JobSpec, register_job

        register_job(
            JobSpec("resume_report_editions", "resume_report_editions", interval_seconds=300)
        )
