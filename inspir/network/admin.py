from typing import Any

from django.contrib import admin

from inspir.network.models import (
    BeneficiaryCount,
    Country,
    Membership,
    Network,
    Organisation,
    Person,
)
from inspir.network.services import beneficiary_count_keep


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "main_time_zone"]
    search_fields = ["code"]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["network"]


class BeneficiaryCountInline(admin.TabularInline):
    """The organisation's figures year by year, which the annual reports read."""

    model = BeneficiaryCount
    extra = 0


@admin.register(Network)
class NetworkAdmin(admin.ModelAdmin):
    list_display = ["name", "level", "parent", "start_date", "end_date"]
    list_filter = ["level"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["countries"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "acronym", "kind", "is_social_movement", "country", "beneficiaries"]
    list_filter = ["kind", "is_social_movement", "country"]
    list_select_related = ["country"]
    search_fields = ["name", "acronym", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["version", "updated_at"]
    inlines = [MembershipInline, BeneficiaryCountInline]

    def save_related(self, request: Any, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        # The profile's figure is kept under its year, as the profile's service keeps it
        # (after the inline's rows: for its own year, the profile's figure is the one kept).
        beneficiary_count_keep(form.instance)


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation", "country", "time_zone"]
    list_select_related = ["organisation", "country"]
    search_fields = ["name", "email"]
    autocomplete_fields = ["organisation"]
