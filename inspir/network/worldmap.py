from django.utils.safestring import SafeString, mark_safe


def render(presence: list) -> SafeString:
    return mark_safe("")  # noqa: S308
