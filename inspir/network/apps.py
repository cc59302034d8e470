from django.apps import AppConfig


class NetworkConfig(AppConfig):
    name = "inspir.network"
    label = "network"

    def ready(self) -> None:
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
