from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewslettersConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "inspir.newsletters"
    label = "newsletters"
    verbose_name = _("Newsletters")

    def ready(self) -> None:
        # Which of its fields are member-written prose, read in every language (core/texts.py).
        from inspir.newsletters.texts import declare_texts

        declare_texts()
        # What its audit action codes mean, for the activity log (core/actions.py).
        from inspir.newsletters.actions import register_actions

        register_actions()
        # How its e-mails are written, by the worker, in each recipient's language.
        from inspir.newsletters.emails import register_mail_kinds

        register_mail_kinds()
        # Cache invalidation only: the archive, the issues' public pages and the home
        # section read the issues and their items (core/page_cache.py). Subscribers and
        # deliveries are on no public page.
        from django.db.models.signals import post_delete, post_save

        from inspir.core.page_cache import registry_changed
        from inspir.newsletters.models import Issue, IssueItem

        for model in (Issue, IssueItem):
            post_save.connect(registry_changed, sender=model, dispatch_uid=f"page-cache-{model}")
            post_delete.connect(
                registry_changed, sender=model, dispatch_uid=f"page-cache-del-{model}"
            )
        # What it holds about a person, for the export and the erasure (core/personal_data.py).
        from inspir.core.personal_data import register_provider
        from inspir.newsletters.personal_data import NEWSLETTERS_PROVIDER

        register_provider(NEWSLETTERS_PROVIDER)
        # Issues whose sending stopped half-way are resumed; unconfirmed subscriptions expire.
        from inspir.core.scheduler import JobSpec, register_job

        register_job(
            JobSpec("resume_newsletter_sending", "resume_newsletter_sending", interval_seconds=300)
        )
        # The archive in the public menu (and a card of the home page's "Explore"), the
        # editors' list for those who compose a network's newsletter, a home section.
        from inspir.core.navigation import register_home_section, register_menu_entry
        from inspir.newsletters.home import home_context
        from inspir.newsletters.selectors.access import is_editor

        register_menu_entry(
            url_name="newsletters:archive",
            label=_("Newsletter"),
            order=48,
            description=_(
                "The networks' newsletter: its past issues, and subscribing in French, "
                "English or Spanish."
            ),
        )
        register_menu_entry(
            url_name="newsletters:issue_list",
            label=_("Newsletter issues"),
            order=74,
            visible=is_editor,
        )
        register_home_section(
            name="newsletter",
            order=40,
            template="newsletters/partials/home.html",
            context=home_context,
        )
        # Its section of the annual report: the year's issues and subscribers
        # (core/report_sections.py).
        from inspir.newsletters.report import register_report_sections

        register_report_sections()
        self._register_sitemaps()

    def _register_sitemaps(self) -> None:
        try:
            from inspir.website.sitemaps import register_sitemap
        except ImportError:
            return
        from inspir.newsletters.sitemaps import ArchiveSitemap, IssueSitemap

        register_sitemap("newsletter-archive", ArchiveSitemap)
        register_sitemap("newsletter-issues", IssueSitemap)
