from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "inspir.translations"
    label = "translations"
    verbose_name = _("Translations")

    def ready(self) -> None:
        # Which of its fields are prose to translate (core/texts.py): none.
        from inspir.translations.texts import declare_texts

        declare_texts()
        # A text written or changed is work for the translators of its other languages.
        from inspir.core.texts import on_text_changed, register_ask_url
        from inspir.translations.notices import register_notice_kinds, text_written

        on_text_changed(text_written)
        # "Ask for a translation", under a text shown in its original language, posts here.
        register_ask_url("translations:ask")
        register_notice_kinds()
        # Who translates and who asked change what the kept parts of its pages show.
        from django.db.models.signals import post_delete, post_save

        from inspir.core.page_cache import registry_changed
        from inspir.translations.models import TranslationRequest, Translator

        for model in (Translator, TranslationRequest):
            post_save.connect(registry_changed, sender=model, dispatch_uid=f"page-cache-{model}")
            post_delete.connect(
                registry_changed, sender=model, dispatch_uid=f"page-cache-del-{model}"
            )
        # What its audit action codes mean, for the activity log (core/actions.py).
        from inspir.translations.actions import register_actions

        register_actions()
        # Named translators and requests are personal data (core/personal_data.py).
        from inspir.core.personal_data import register_provider
        from inspir.translations.personal_data import TRANSLATIONS_PROVIDER

        register_provider(TRANSLATIONS_PROVIDER)
        # A machine translation service, when one is configured, must be one we can call.
        from django.core import checks

        from inspir.translations.machine import machine_translation_check

        checks.register(machine_translation_check)
        # Translators and coordinators find their queue in the navigation.
        from inspir.core.navigation import register_menu_entry
        from inspir.translations.permissions import has_translation_work

        register_menu_entry(
            url_name="translations:home",
            label=_("Translations"),
            order=60,
            visible=has_translation_work,
        )
