from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "inspir.core"
    label = "core"

    def ready(self) -> None:
        from inspir.core import checks, lookups  # noqa: F401 - registers checks and lookups

        # What its audit action codes mean, for the activity log (core/actions.py).
        from inspir.core.audit_actions import register_actions

        register_actions()
        # Which of its fields are prose to translate (core/texts.py): none.
        from inspir.core.texts import declare_core_texts

        declare_core_texts()
        # A translation saved changes what the kept pages show in its language.
        from django.db.models.signals import post_delete, post_save

        from inspir.core.models import TextOriginal, TextTranslation
        from inspir.core.page_cache import registry_changed
        from inspir.core.search import translation_changed

        # ... and the record's search entry, whose summaries are in each language.
        post_save.connect(translation_changed, sender=TextTranslation, dispatch_uid="search-tr")
        post_delete.connect(
            translation_changed, sender=TextTranslation, dispatch_uid="search-tr-del"
        )
        for model in (TextOriginal, TextTranslation):
            post_save.connect(registry_changed, sender=model, dispatch_uid=f"page-cache-{model}")
            post_delete.connect(
                registry_changed, sender=model, dispatch_uid=f"page-cache-del-{model}"
            )
        # What the platform itself holds about a person (core/personal_data.py).
        from inspir.core.personal_data import CORE_PROVIDER, register_provider

        register_provider(CORE_PROVIDER)
        # A database migrated to the search index finds what it already holds (decision 0022).
        from django.db.models.signals import post_migrate

        from inspir.core.search import index_if_empty

        post_migrate.connect(index_if_empty, sender=self, dispatch_uid="search-index-if-empty")
        # The reader's own page, what is waiting for them (core/my_work.py), in the main
        # navigation for those signed in.
        from django.utils.translation import gettext_lazy as _

        from inspir.core.navigation import register_menu_entry

        register_menu_entry(
            url_name="core:my_work",
            label=_("My work"),
            order=5,
            visible=lambda user: bool(user and user.is_authenticated),
        )
