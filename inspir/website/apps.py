from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebsiteConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "inspir.website"
    label = "website"
    verbose_name = _("Website")

    def ready(self) -> None:
        # Which of its fields are member-written prose, read in every language (core/texts.py).
        from inspir.website.texts import declare_texts

        declare_texts()
        # What its audit action codes mean, for the activity log (core/actions.py).
        from inspir.website.actions import register_actions

        register_actions()
        # Cache invalidation only, no domain logic: the posts are public pages kept under
        # the registry version (core/page_cache.py).
        from django.db.models.signals import post_delete, post_save

        from inspir.core.page_cache import registry_changed

        for model in self.get_models():
            post_save.connect(registry_changed, sender=model, dispatch_uid=f"page-cache-{model}")
            post_delete.connect(
                registry_changed, sender=model, dispatch_uid=f"page-cache-del-{model}"
            )
        # Scheduled posts become published when their moment comes: every minute on the
        # worker's schedule (core/scheduler.py), or `manage.py publish_scheduled_posts`.
        from inspir.core.scheduler import JobSpec, register_job

        register_job(
            JobSpec("publish_scheduled_posts", "publish_scheduled_posts", interval_seconds=60)
        )
        # Its sections of the annual report: identity, communication, contact
        # (core/report_sections.py).
        from inspir.website.report import register_report_sections

        register_report_sections()
        # What it lets people find in the platform-wide search (core/search.py).
        from inspir.core.search import register_search_provider
        from inspir.website.search import PROVIDERS

        for provider in PROVIDERS:
            register_search_provider(provider)
        # What it holds about a person, for the export and the erasure (core/personal_data.py).
        from inspir.core.personal_data import register_provider
        from inspir.website.personal_data import WEBSITE_PROVIDER

        register_provider(WEBSITE_PROVIDER)
        # The news in the main navigation (and as a card of the home page), the latest
        # posts on the home page, and the editors' list for those who write some network's.
        from inspir.core.navigation import register_home_section, register_menu_entry
        from inspir.website.home import latest_news
        from inspir.website.permissions import edits_any

        register_menu_entry(
            url_name="website:news_index",
            label=_("News"),
            order=40,
            description=_("What the networks do and say, from every continent."),
        )
        register_menu_entry(
            url_name="website:post_list", label=_("Newsroom"), order=57, visible=edits_any
        )
        register_home_section(
            name="website.latest_news",
            order=20,
            template="website/partials/home_news.html",
            context=latest_news,
        )
