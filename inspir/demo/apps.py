from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "inspir.demo"
    label = "demo"

    def ready(self) -> None:
        # A database holding the demo never becomes a real installation (start_installation).
        from inspir.accounts.installation import register_installation_refusal
        from inspir.demo.guard import demo_refuses_installation

        register_installation_refusal(demo_refuses_installation)
