"""Learning's constants and predicates: plain values, no services, selectors or views."""

# The fields a resource's form changes, whose every saved state the history keeps.
EDITABLE_RESOURCE_FIELDS = (
    "kind",
    "title",
    "summary",
    "lessons",
    "starts_on",
    "ends_on",
    "place",
)
# What a resource links to: who took part, what it is about, what it fulfils and answers.
LINK_FIELDS = (
    "networks_involved",
    "organisations_involved",
    "branches",
    "principles",
    "plan_actions",
    "needs",
)
TRACKED_RESOURCE_FIELDS = EDITABLE_RESOURCE_FIELDS + LINK_FIELDS
# The fields of a need its form changes.
EDITABLE_NEED_FIELDS = ("title", "description", "priority", "domain", "status")
# How many resources or needs a list shows per page.
PAGE_SIZE = 20
# The plan actions a plan action's page lists as fulfilled by resources (its own page).
RELATED_LIMIT = 20
