from django.apps import AppConfig


class NetworkConfig(AppConfig):
    name = "inspir.network"
    label = "network"

    def ready(self) -> None:
        # Which of its fields are prose to translate (core/texts.py).
        from inspir.network.texts import declare_texts

        declare_texts()
        # Cache invalidation only, no domain logic: any change to the registry makes the
        # cached public pages stale.
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from inspir.core.page_cache import registry_changed
        from inspir.network.models import Network

        for model in self.get_models():
            post_save.connect(registry_changed, sender=model, dispatch_uid=f"page-cache-{model}")
            post_delete.connect(
                registry_changed, sender=model, dispatch_uid=f"page-cache-del-{model}"
            )
        m2m_changed.connect(
            registry_changed, sender=Network.countries.through, dispatch_uid="page-cache-m2m"
        )
        # What its audit action codes mean, for the activity log (core/actions.py).
        from inspir.network.actions import register_actions

        register_actions()
        # Its pages in the main navigation (core/navigation.py).
        from django.utils.translation import gettext_lazy as _

        from inspir.accounts.permissions import is_network_member
        from inspir.core.navigation import register_menu_entry

        register_menu_entry(
            url_name="network:network_tree",
            label=_("Networks"),
            order=10,
            description=_("National, continental and intercontinental networks."),
        )
        register_menu_entry(
            url_name="network:organisation_list",
            label=_("Organisations"),
            order=20,
            description=_("Find members by country, kind and network."),
        )
        register_menu_entry(
            url_name="network:members_map",
            label=_("Map"),
            order=30,
            description=_("Where the members are."),
        )
        register_menu_entry(
            url_name="network:person_list",
            label=_("People"),
            order=50,
            visible=lambda user: bool(user and user.is_authenticated and is_network_member(user)),
        )
        # The registry's figures, first on the home page (core/figures.py).
        from inspir.core.figures import register_figure_provider
        from inspir.network.selectors import key_figures

        register_figure_provider(name="network", order=10, provider=lambda: key_figures().as_list())
        # What it holds about a person, for the export and the erasure (core/personal_data.py).
        from inspir.core.personal_data import register_provider
        from inspir.network.personal_data import NETWORK_PROVIDER

        register_provider(NETWORK_PROVIDER)
        # The organisation profile's change history (core/history.py).
        from inspir.network.history import register_history

        register_history()
        # What it lets people find in the platform-wide search (core/search.py).
        from inspir.core.search import register_search_provider
        from inspir.network.search import PROVIDERS

        for provider in PROVIDERS:
            register_search_provider(provider)
        # Its sections of the annual report: the key figures, the members and their map
        # (core/report_sections.py).
        from inspir.network.report import register_report_sections

        register_report_sections()
