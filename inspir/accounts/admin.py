from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from inspir.accounts.models import NetworkRole, User


class NetworkRoleInline(admin.TabularInline):
    model = NetworkRole
    extra = 0
    autocomplete_fields = ["network"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "first_name", "last_name", "is_staff", "is_active"]
    search_fields = ["email", "first_name", "last_name"]
    autocomplete_fields = ["person"]
    inlines = [NetworkRoleInline]
    fieldsets = (
        (None, {"fields": ("email", "password", "person")}),
        ("Personal info", {"fields": ("first_name", "last_name")}),
        ("Permissions", {"fields": ("is_active", "is_staff", "is_superuser")}),
        ("Important dates", {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)


def _password_change_on_the_platform(
    request: HttpRequest, extra_context: dict[str, object] | None = None
) -> HttpResponse:
    return redirect("account_change_password")


# One way in: the admin's own log-in page hands over to the platform's (throttled, with the
# second factor), and a password is changed on the platform's page, which checks the current
# one under a rate limit, not on the admin's unthrottled copy.
admin.site.login = secure_admin_login(admin.site.login)  # type: ignore[method-assign]
admin.site.password_change = _password_change_on_the_platform  # type: ignore[method-assign,assignment]
