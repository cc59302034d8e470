from django.urls import path, register_converter

from inspir.identity import charter, views


class VariantConverter:
    """A colour variant of the charter ("full-colour", "reversed", "single-colour")."""

    regex = "|".join(variant.slug for variant in charter.VARIANTS)

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        if value not in charter.VARIANTS_BY_SLUG:
            raise ValueError(value)
        return value


class WidthConverter:
    """A width of the charter's PNG files."""

    regex = "|".join(str(width) for width in charter.PNG_WIDTHS)

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        if int(value) not in charter.PNG_WIDTHS:
            raise ValueError(value)
        return str(value)


register_converter(VariantConverter, "brand_variant")
register_converter(WidthConverter, "brand_width")

app_name = "identity"

urlpatterns = [
    path("", views.brand_kit, name="brand_kit"),
    path("<slug:slug>/", views.network_kit, name="network_kit"),
    path("<slug:slug>/<brand_variant:variant>.svg", views.mark_svg, name="mark_svg"),
    path(
        "<slug:slug>/<brand_variant:variant>-compact.svg",
        views.compact_svg,
        name="compact_svg",
    ),
    path(
        "<slug:slug>/<brand_variant:variant>-<brand_width:width>.png",
        views.mark_png,
        name="mark_png",
    ),
    path("<slug:slug>/social.png", views.social_image, name="social_image"),
]
