"""Governance records for staff. Person, network and organisation fields use autocompletion
(those models' admins are searchable); users and other records use raw ids, so that no page
renders a select of every row."""

from django.contrib import admin

from inspir.governance.models import (
    AgendaDocument,
    AgendaInput,
    AgendaItem,
    AvailableHours,
    CalendarFeed,
    Committee,
    ConsentRecord,
    Consultation,
    Decision,
    FollowUp,
    Mandate,
    Meeting,
    Participant,
    Proposal,
    ProposalComment,
    ProposalEvent,
    SeatRule,
)


class SeatRuleInline(admin.TabularInline):
    model = SeatRule
    extra = 0
    autocomplete_fields = ["constituency_network", "constituency_organisation"]


@admin.register(Committee)
class CommitteeAdmin(admin.ModelAdmin):
    list_display = ["__str__", "network", "time_zone", "quorum"]
    list_filter = ["network__level"]
    list_select_related = ["network"]
    search_fields = ["network__name", "network__slug"]
    autocomplete_fields = ["network"]
    inlines = [SeatRuleInline]


@admin.register(SeatRule)
class SeatRuleAdmin(admin.ModelAdmin):
    list_display = ["__str__", "committee", "kind", "seats", "minimum", "from_network_committee"]
    list_filter = ["kind", "role"]
    list_select_related = [
        "committee__network",
        "constituency_network",
        "constituency_organisation",
    ]
    search_fields = ["committee__network__name", "constituency_network__name"]
    autocomplete_fields = ["committee", "constituency_network", "constituency_organisation"]


@admin.register(Mandate)
class MandateAdmin(admin.ModelAdmin):
    list_display = ["person", "rule", "committee", "start_date", "end_date"]
    list_filter = ["rule__kind", "committee__network__level"]
    list_select_related = [
        "person",
        "committee__network",
        "rule__constituency_network",
        "rule__constituency_organisation",
    ]
    search_fields = ["person__name", "person__email", "committee__network__name"]
    autocomplete_fields = ["person", "committee"]
    raw_id_fields = ["rule"]
    date_hierarchy = "start_date"


@admin.register(AvailableHours)
class AvailableHoursAdmin(admin.ModelAdmin):
    list_display = ["person", "earliest", "latest"]
    list_select_related = ["person"]
    search_fields = ["person__name"]
    autocomplete_fields = ["person"]


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["title", "committee", "starts_at", "time_zone", "status"]
    list_filter = ["status", "format"]
    list_select_related = ["committee__network"]
    search_fields = ["title", "committee__network__name"]
    autocomplete_fields = ["committee"]
    raw_id_fields = ["created_by"]
    date_hierarchy = "starts_at"


@admin.register(AgendaItem)
class AgendaItemAdmin(admin.ModelAdmin):
    list_display = ["title", "meeting", "position"]
    list_select_related = ["meeting"]
    search_fields = ["title", "meeting__title"]
    raw_id_fields = ["meeting", "proposal"]


@admin.register(AgendaDocument)
class AgendaDocumentAdmin(admin.ModelAdmin):
    list_display = ["title", "item", "original_name", "size", "uploaded_at"]
    list_select_related = ["item"]
    search_fields = ["title", "original_name"]
    raw_id_fields = ["item", "uploaded_by"]


@admin.register(Participant)
class ParticipantAdmin(admin.ModelAdmin):
    list_display = ["person", "meeting", "attendance"]
    list_filter = ["attendance"]
    list_select_related = ["person", "meeting"]
    search_fields = ["person__name", "meeting__title"]
    autocomplete_fields = ["person"]
    raw_id_fields = ["meeting"]


@admin.register(Consultation)
class ConsultationAdmin(admin.ModelAdmin):
    list_display = ["meeting", "network", "created_at"]
    list_select_related = ["meeting", "network"]
    search_fields = ["meeting__title", "network__name"]
    autocomplete_fields = ["network"]
    raw_id_fields = ["meeting", "parent"]


@admin.register(AgendaInput)
class AgendaInputAdmin(admin.ModelAdmin):
    list_display = ["item", "network", "author", "updated_at"]
    list_select_related = ["item", "network", "author"]
    search_fields = ["item__title", "network__name", "text"]
    autocomplete_fields = ["network"]
    raw_id_fields = ["item", "author"]


@admin.register(Proposal)
class ProposalAdmin(admin.ModelAdmin):
    list_display = ["title", "origin_network", "network", "status", "domain", "created_at"]
    list_filter = ["status", "domain"]
    list_select_related = ["origin_network", "network"]
    search_fields = ["title", "text"]
    autocomplete_fields = ["origin_network", "origin_organisation", "network"]
    raw_id_fields = ["author"]


@admin.register(ProposalEvent)
class ProposalEventAdmin(admin.ModelAdmin):
    list_display = ["proposal", "kind", "network", "to_network", "actor", "at"]
    list_filter = ["kind"]
    list_select_related = ["proposal", "network", "to_network", "actor"]
    search_fields = ["proposal__title", "note"]
    raw_id_fields = ["proposal", "network", "to_network", "actor"]


@admin.register(ProposalComment)
class ProposalCommentAdmin(admin.ModelAdmin):
    list_display = ["proposal", "author", "created_at"]
    list_select_related = ["proposal", "author"]
    search_fields = ["proposal__title", "text"]
    raw_id_fields = ["proposal", "author"]


@admin.register(Decision)
class DecisionAdmin(admin.ModelAdmin):
    list_display = ["title", "meeting", "outcome", "domain", "decided_at"]
    list_filter = ["outcome", "domain"]
    list_select_related = ["meeting"]
    search_fields = ["title", "statement"]
    raw_id_fields = ["meeting", "item", "proposal", "recorded_by"]
    autocomplete_fields = ["concerns"]


@admin.register(ConsentRecord)
class ConsentRecordAdmin(admin.ModelAdmin):
    list_display = ["decision", "person", "position"]
    list_filter = ["position"]
    list_select_related = ["decision", "person"]
    search_fields = ["decision__title", "person__name"]
    autocomplete_fields = ["person"]
    raw_id_fields = ["decision"]


@admin.register(FollowUp)
class FollowUpAdmin(admin.ModelAdmin):
    list_display = ["decision", "network", "status", "reported_at"]
    list_filter = ["status"]
    list_select_related = ["decision", "network"]
    search_fields = ["decision__title", "network__name", "report"]
    autocomplete_fields = ["network"]
    raw_id_fields = ["decision", "parent", "reported_by"]


@admin.register(CalendarFeed)
class CalendarFeedAdmin(admin.ModelAdmin):
    """The token is a secret: it is never listed nor searched."""

    list_display = ["user", "created_at"]
    list_select_related = ["user"]
    search_fields = ["user__email"]
    raw_id_fields = ["user"]
    readonly_fields = ["token", "created_at"]
