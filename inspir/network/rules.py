"""The registry's rules as plain data: what an organisation's editors may change. Below
services and selectors, which both read them here."""

EDITABLE_ORGANISATION_FIELDS = (
    "name",
    "acronym",
    "kind",
    "is_social_movement",
    "country",
    "beneficiaries",
    "beneficiaries_year",
    "website",
    "description_fr",
    "description_en",
    "description_es",
    "languages",
)
