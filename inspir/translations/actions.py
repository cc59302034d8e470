"""The audit action codes translations writes, as the activity log reads them (see
`inspir/core/actions.py`)."""

from django.utils.translation import gettext_lazy as _

from inspir.core.actions import Field, register, register_group


def register_actions() -> None:
    register_group("translations", _("Translations"))
    register_group("translations.text", _("Translations — texts"))
    register_group("translations.file", _("Translations — files from agencies"))
    register_group("translations.translator", _("Translations — translators"))
    language = {"language": Field(_("language"))}
    register(
        "translations.text.drafted",
        sentence=_("%(actor)s saved a draft translation"),
        fields=language,
        link=False,
    )
    register(
        "translations.text.translated",
        sentence=_("%(actor)s translated a text"),
        fields=language,
        link=False,
    )
    register(
        "translations.text.machine_drafted",
        sentence=_("%(actor)s had a text drafted by machine translation"),
        fields=language,
        link=False,
    )
    register(
        "translations.text.reviewed",
        sentence=_("%(actor)s reviewed a translation"),
        fields=language,
        link=False,
    )
    register(
        "translations.file.imported",
        sentence=_("%(actor)s imported a translated file"),
        fields={**language, "texts": Field(_("texts"))},
        link=False,
    )
    languages = {"languages": Field(_("translates into"))}
    register(
        "translations.translator.named",
        sentence=_("%(actor)s named a translator of %(network)s"),
        fields=languages,
        link=False,
    )
    register(
        "translations.translator.removed",
        sentence=_("%(actor)s removed a translator of %(network)s"),
        fields=languages,
        link=False,
    )
