"""The registry's rules as plain data: what an organisation's editors, and a network's page
editors, may change. Below services and selectors, which both read them here."""

EDITABLE_ORGANISATION_FIELDS = (
    "name",
    "acronym",
    "kind",
    "is_social_movement",
    "country",
    "beneficiaries",
    "beneficiaries_year",
    "website",
    "description",
    "languages",
)

# What those who edit a network's pages (Action.EDIT_CONTENT: its focal point, its
# coordinators) may change on its page: its description (its translations are made from it).
EDITABLE_NETWORK_FIELDS = ("description",)
