"""Which fields of governance are member-written prose, read in every language
(core/texts.py): what a committee writes for the networks to read — meetings and their
minutes, agenda items and their documents' titles, inputs, proposals, decisions and the
follow-ups' reports. What members say to each other in the course of a decision stays in
their own words."""

from inspir.core.texts import not_prose, single_language, translatable


def declare_texts() -> None:
    from inspir.governance import models as governance

    translatable(governance.Meeting, "title", "minutes")
    translatable(governance.AgendaItem, "title", "description")
    translatable(governance.AgendaDocument, "title")
    translatable(governance.AgendaInput, "text")
    translatable(governance.Proposal, "title", "text")
    translatable(governance.Decision, "title", "statement")
    translatable(governance.FollowUp, "report")
    single_language(
        governance.Committee,
        "description_fr",
        "description_en",
        "description_es",
        reason="one column per language with a marked fallback (decision 0001)",
    )
    single_language(
        governance.MinutesVersion,
        "text",
        "correction_note",
        reason="a version of the minutes as it was approved, kept as written",
    )
    for model, field in (
        (governance.MinutesComment, "text"),
        (governance.Participant, "answer_note"),
        (governance.ProposalEvent, "note"),
        (governance.ProposalComment, "text"),
        (governance.ConsentRecord, "reason"),
    ):
        single_language(model, field, reason="what a member says to the others, in their words")
    single_language(
        governance.Mandate,
        "note",
        "withdrawal_reason",
        reason="a note for those who manage the committee",
    )
    not_prose(governance.Committee, "time_zone", reason="a zone")
    not_prose(governance.Meeting, "time_zone", "location", reason="a zone and a place")
    not_prose(
        governance.AgendaDocument, "original_name", "content_type", reason="a file's name and type"
    )
    not_prose(governance.CalendarFeed, "token", reason="a secret")
