from django.contrib import admin

from inspir.network.models import Country, Membership, Network, Organisation, Person


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "main_time_zone"]
    search_fields = ["code"]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["network"]


@admin.register(Network)
class NetworkAdmin(admin.ModelAdmin):
    list_display = ["name", "level", "parent"]
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
    inlines = [MembershipInline]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation", "country", "time_zone"]
    list_select_related = ["organisation", "country"]
    search_fields = ["name", "email"]
    autocomplete_fields = ["organisation"]
