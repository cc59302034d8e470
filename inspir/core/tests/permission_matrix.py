"""Who may reach every URL of the platform: the expected answer for each role, GET and POST.

`check_matrix` requests every URL pattern as every role and compares what happens with the
table below. A URL pattern that the table does not list is itself a failure, so a new page
cannot ship without someone deciding who may see it."""

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from inspir.accounts.tests.permission_table import (
    COMMITTEE_MEMBER,
    COMMITTEE_OFFICE,
    COORDINATOR,
    FOCAL_POINT,
    MEMBER,
    roles_with,
)

ROLES = (
    "anonymous",
    "outsider",  # member of another network
    "member",
    "focal_point",
    "coordinator",
    "sibling_coordinator",
    "continental_coordinator",
    "intercontinental_coordinator",
    "staff",
    # A member of the national network who also sits on its steering committee: acts for
    # that network and states their own positions, without governing it.
    "committee_member",
    # The secretariat of that committee: governs it without being the network's coordinator.
    "committee_secretariat",
)
EVERYONE = frozenset(ROLES)
LOGGED_IN = EVERYONE - {"anonymous"}
COORDINATORS_OF_TARGET = frozenset(
    {"coordinator", "continental_coordinator", "intercontinental_coordinator", "staff"}
)
ANY_COORDINATOR = COORDINATORS_OF_TARGET | {"sibling_coordinator"}
STAFF = frozenset({"staff"})
# The platform's undelivered e-mail: staff and the intercontinental network's coordinators.
MAIL_OVERSEERS = frozenset({"intercontinental_coordinator", "staff"})


def holders(action: str) -> frozenset[str]:
    """The roles of this matrix that may perform `action` on the target network (Benin), as
    the table of who may do what says (docs/permissions.md): its coordinators (and those
    above, and staff) for a coordinator's "yes", its member, its focal point, its committee
    member for theirs."""
    by_column = {
        MEMBER: {"member"},
        FOCAL_POINT: {"focal_point"},
        COORDINATOR: COORDINATORS_OF_TARGET,
        COMMITTEE_MEMBER: {"committee_member"},
        COMMITTEE_OFFICE: {"committee_secretariat"},
    }
    return frozenset().union(*(by_column[column] for column in roles_with(action)))


# Governance of the target network: its coordinators (and those above) and its committee's
# offices (chair, secretariat), not its plain members.
GOVERNORS = holders("govern")
# Those who read the target network's governance: its members, the networks above, staff.
# Those who sit on the target network's committee, office or not: they state their own
# positions in its consent rounds.
SEATED = frozenset({"committee_member", "committee_secretariat"})
# A seat on the committee lets its member read the committee's governance, office or not.
READERS = GOVERNORS | holders("view_internal") | holders("act_for_network") & {"committee_member"}
# Those who edit the target network's pages, and its organisations' profiles: its
# coordinators (and those above) and its focal point.
CONTENT_EDITORS = holders("edit_content")
# Who translates Benin's texts into Spanish: its coordinators and the translator it named.
TRANSLATORS = COORDINATORS_OF_TARGET | {"focal_point"}
ORGANISATION_EDITORS = holders("edit_organisation")
# Those who act for the target network (its input, its reports, its proposals): its
# coordinators (and those above), its focal point and its committee. A national network
# without a committee acts through its focal point.
ACTORS = holders("act_for_network")
# Who owns the target network's part of the plan and its context analysis: its coordinators
# (and those above) and its committee's offices.
PLANNERS = holders("plan")
# Who owns a part of the plan somewhere: any coordinator, and the target's secretariat.
ANY_PLANNER = ANY_COORDINATOR | PLANNERS
# Who owns the intercontinental plan, and opens its periods.
TOP_PLANNERS = frozenset({"intercontinental_coordinator", "staff"})
# Who reads the target network's plan and context analysis: as its governance.
PLAN_READERS = READERS
# The annual report of the target's continental network: read by whoever reads its
# governance (the members of the networks below it), produced by whoever owns its plan.
REPORT_READERS = LOGGED_IN - {"outsider"}
REPORT_PRODUCERS = frozenset({"continental_coordinator", "intercontinental_coordinator", "staff"})
ANY = None  # no rule on who: only that it never fails (allauth's own flows)
# One's own account pages: never for anonymous visitors; for a logged-in person the answer
# depends on their own state (no authenticator yet → 404, GET-only page → 405), not on roles.
OWN = frozenset({"<own account>"})


@dataclass(frozen=True)
class Rule:
    get: frozenset[str] | None
    post: frozenset[str] | None
    kwargs: str = ""  # name of a fixture value (see `url_kwargs` in the test)
    # A new object for every request: for requests that delete or change their object
    # (a deleted agenda item cannot be deleted again by the next role).
    fresh: bool = False


PUBLIC = Rule(EVERYONE, EVERYONE)
MEMBERS = Rule(LOGGED_IN, LOGGED_IN)
FLOW = Rule(ANY, ANY)
ACCOUNT = Rule(OWN, OWN)

MATRIX: dict[str, Rule] = {
    "set_language": Rule(EVERYONE, EVERYONE),
    "favicon": Rule(EVERYONE, frozenset()),  # GET only
    "health": Rule(EVERYONE, frozenset()),  # GET only; the details need a token, not a role
    "core:home": PUBLIC,
    # Everyone searches; each finds only what they may open (core/tests/test_search.py).
    "core:search": Rule(EVERYONE, frozenset()),  # GET only
    "core:my_work": Rule(LOGGED_IN, frozenset()),  # one's own page; GET only
    "core:audit_list": Rule(ANY_COORDINATOR, ANY_COORDINATOR),
    # Sending again or setting aside twice is harmless: the second is told it is done.
    "core:undelivered_mail": Rule(MAIL_OVERSEERS, frozenset()),  # GET only
    # A record's history is for those who may edit it (here the minutes: their governors).
    "core:history_list": Rule(GOVERNORS, frozenset(), "minutes_history"),  # GET only
    "core:revision_detail": Rule(GOVERNORS, frozenset(), "minutes_revision"),  # GET only
    # An empty POST restores nothing (no version): the page comes back, out of date.
    "core:revision_restore": Rule(frozenset(), GOVERNORS, "minutes_revision"),
    "core:undelivered_mail_resend": Rule(frozenset(), MAIL_OVERSEERS, "undelivered_email"),
    "core:undelivered_mail_dismiss": Rule(frozenset(), MAIL_OVERSEERS, "undelivered_email"),
    "network:network_tree": PUBLIC,
    "network:network_detail": Rule(EVERYONE, EVERYONE, "network"),
    "network:network_edit": Rule(CONTENT_EDITORS, CONTENT_EDITORS, "network"),
    "network:organisation_list": PUBLIC,
    "network:organisation_export": PUBLIC,
    "network:organisation_detail": Rule(EVERYONE, EVERYONE, "organisation"),
    "network:organisation_edit": Rule(ORGANISATION_EDITORS, ORGANISATION_EDITORS, "organisation"),
    "network:members_map": PUBLIC,
    "network:person_list": MEMBERS,
    # Governance
    "governance:committee_list": PUBLIC,
    "governance:committee_detail": Rule(EVERYONE, EVERYONE, "network"),
    "governance:mandate_create": Rule(COORDINATORS_OF_TARGET, COORDINATORS_OF_TARGET, "network"),
    "governance:mandate_end": Rule(COORDINATORS_OF_TARGET, COORDINATORS_OF_TARGET, "mandate"),
    # As ending one; a mandate withdrawn is gone (404), so each request withdraws its own.
    "governance:mandate_withdraw": Rule(
        COORDINATORS_OF_TARGET, COORDINATORS_OF_TARGET, "new_mandate", fresh=True
    ),
    # Every mandate entered, withdrawn ones apart: for those who manage them. GET only.
    "governance:committee_mandates": Rule(COORDINATORS_OF_TARGET, frozenset(), "network"),
    "governance:committee_quorum": Rule(COORDINATORS_OF_TARGET, COORDINATORS_OF_TARGET, "network"),
    "governance:seat_rule_create": Rule(COORDINATORS_OF_TARGET, COORDINATORS_OF_TARGET, "network"),
    "governance:seat_rule_edit": Rule(COORDINATORS_OF_TARGET, COORDINATORS_OF_TARGET, "seat_rule"),
    "governance:slot_finder": Rule(READERS, frozenset(), "network"),
    "governance:available_hours": MEMBERS,
    # The target meeting is the national committee's, its agenda not published.
    "governance:meeting_list": PUBLIC,
    "governance:meeting_create": Rule(GOVERNORS, GOVERNORS, "network"),
    "governance:meeting_detail": Rule(READERS, READERS, "meeting"),
    "governance:meeting_edit": Rule(GOVERNORS, GOVERNORS, "meeting"),
    # One's own answer to an invitation: the invited person alone (the committee member).
    "governance:invitation_answer": Rule(
        frozenset({"committee_member"}), frozenset({"committee_member"}), "new_invitation", True
    ),
    # A meeting to come: one that has ended was held and can no longer be cancelled.
    "governance:meeting_cancel": Rule(GOVERNORS, GOVERNORS, "new_upcoming_meeting", fresh=True),
    "governance:agenda_item_create": Rule(GOVERNORS, GOVERNORS, "meeting"),
    "governance:agenda_item_edit": Rule(GOVERNORS, GOVERNORS, "item"),
    "governance:agenda_item_delete": Rule(GOVERNORS, GOVERNORS, "new_item", fresh=True),
    "governance:agenda_item_move": Rule(frozenset(), GOVERNORS, "item"),
    "governance:document_upload": Rule(GOVERNORS, GOVERNORS, "item"),
    "governance:document_download": Rule(READERS, READERS, "document"),
    "governance:document_delete": Rule(GOVERNORS, GOVERNORS, "new_document", fresh=True),
    # A button: public, or for the members only (test_permission_matrix.py proves who then
    # downloads a public document and a members' one of a published agenda).
    "governance:document_visibility": Rule(frozenset(), GOVERNORS, "new_document", fresh=True),
    "governance:participants_edit": Rule(GOVERNORS, GOVERNORS, "meeting"),
    "governance:minutes_edit": Rule(GOVERNORS, GOVERNORS, "meeting"),
    "governance:minutes_publish": Rule(frozenset(), GOVERNORS, "new_meeting", fresh=True),
    # The minutes' way: circulated (members comment), approved, published, corrected; an
    # earlier version is read by whoever could read it (here approved minutes, corrected
    # before they were published: the committee's readers).
    "governance:minutes_circulate": Rule(frozenset(), GOVERNORS, "new_minuted_meeting", fresh=True),
    "governance:minutes_comment": Rule(READERS, READERS, "circulated_meeting"),
    # An empty post approves nothing: the page comes back, with what to choose.
    "governance:minutes_approve": Rule(GOVERNORS, GOVERNORS, "circulated_meeting"),
    "governance:minutes_correct": Rule(GOVERNORS, GOVERNORS, "corrected_meeting"),
    "governance:minutes_version": Rule(READERS, frozenset(), "minutes_version"),  # GET only
    "governance:meeting_ics": Rule(READERS, READERS, "meeting"),
    "governance:committee_feed": Rule(EVERYONE, EVERYONE, "network"),
    "governance:person_feed": Rule(EVERYONE, EVERYONE, "feed_token"),
    "governance:calendar_feed_settings": MEMBERS,
    "governance:agenda_circulate": Rule(GOVERNORS, GOVERNORS, "new_meeting", fresh=True),
    "governance:agenda_publish": Rule(GOVERNORS, GOVERNORS, "new_meeting", fresh=True),
    # The national network consulted, through its continent, on an intercontinental agenda.
    "governance:input_edit": Rule(ACTORS, ACTORS, "consulted_network"),
    "governance:consultation_create": Rule(
        frozenset({"continental_coordinator", "intercontinental_coordinator", "staff"}),
        frozenset({"continental_coordinator", "intercontinental_coordinator", "staff"}),
        "consulted_continent",
    ),
    "governance:proposal_list": MEMBERS,
    "governance:proposal_create": MEMBERS,
    "governance:proposal_detail": Rule(READERS, READERS, "proposal"),
    # A draft: its author (the member) and those who act for the network raising it.
    "governance:proposal_edit": Rule(ACTORS | {"member"}, ACTORS | {"member"}, "draft"),
    "governance:proposal_comment": Rule(frozenset(), READERS, "proposal"),
    # Readers may ask; the service refuses those who may not act, with a message.
    "governance:proposal_action": Rule(frozenset(), READERS, "new_proposal_action", fresh=True),
    "governance:decision_list": PUBLIC,
    "governance:decision_create": Rule(GOVERNORS, GOVERNORS, "meeting"),
    # An open consent round's page: its readers (and the form of each member's own position).
    "governance:decision_detail": Rule(READERS, READERS, "open_round"),
    # Consent rounds: opened by those who govern; each member states their own position;
    # the secretariat records one given orally.
    "governance:round_create": Rule(GOVERNORS, GOVERNORS, "network"),
    "governance:position_state": Rule(frozenset(), SEATED, "open_round"),
    "governance:position_record": Rule(GOVERNORS, GOVERNORS, "open_round"),
    "governance:follow_up_board": Rule(READERS, READERS, "decision"),
    "governance:follow_up_report": Rule(ACTORS, ACTORS, "follow_up"),
    "governance:follow_up_cascade": Rule(GOVERNORS, GOVERNORS, "follow_up"),
    # One's notifications: every signed-in person has their own list and settings; a
    # notice is opened by the person it was for alone; the unsubscribe link of an e-mail
    # works for whoever has it, logged in or not (mail programs POST to it).
    "notifications:list": Rule(LOGGED_IN, frozenset()),  # GET only
    "notifications:open": Rule(frozenset({"member"}), frozenset(), "notice"),  # GET only
    "notifications:read_all": Rule(frozenset(), LOGGED_IN),  # POST only
    "notifications:preferences": MEMBERS,
    "notifications:unsubscribe": Rule(EVERYONE, EVERYONE, "unsubscribe"),
    # Translations: one's requests for everyone signed in; asking is for any member (a text
    # out of their reach is not found, tested in the translations' own tests). The queue of
    # Benin into Spanish and its texts: Benin's coordinators (and those above) and the
    # translator Benin named for Spanish, the focal point. Naming translators and the
    # coverage figures: coordinators.
    "planning:plan": Rule(LOGGED_IN, frozenset()),  # GET only
    # Every member reads the periods; the owners of the intercontinental plan open them.
    "planning:periods": Rule(LOGGED_IN, TOP_PLANNERS),
    "planning:action_create": Rule(ANY_PLANNER, ANY_PLANNER),
    "planning:action_detail": Rule(PLAN_READERS, frozenset(), "plan_action"),  # GET only
    "planning:action_edit": Rule(PLANNERS, PLANNERS, "plan_action"),
    "planning:action_indicators": Rule(PLANNERS, PLANNERS, "plan_action"),
    "planning:suggestion_list": Rule(LOGGED_IN, frozenset()),  # GET only
    # Everyone belongs to a network to suggest from (staff: any).
    "planning:suggestion_create": Rule(LOGGED_IN, LOGGED_IN),
    # Readers of the plan it is for, and its author (the target's member).
    "planning:suggestion_detail": Rule(PLAN_READERS, frozenset(), "suggestion"),  # GET only
    "planning:suggestion_decide": Rule(PLANNERS, PLANNERS, "new_suggestion"),
    "planning:dashboard": Rule(LOGGED_IN, frozenset()),  # GET only
    "planning:plan_print": Rule(LOGGED_IN, frozenset()),  # GET only
    "planning:export_csv": Rule(LOGGED_IN, frozenset()),  # GET only
    "planning:export_xlsx": Rule(LOGGED_IN, frozenset()),  # GET only
    "planning:context_list": Rule(LOGGED_IN, frozenset()),  # GET only
    "planning:context": Rule(PLAN_READERS, frozenset(), "network"),  # GET only
    "planning:context_note_edit": Rule(PLANNERS, PLANNERS, "network"),
    "planning:stakeholder_create": Rule(PLANNERS, PLANNERS, "network"),
    "planning:stakeholder_detail": Rule(PLAN_READERS, frozenset(), "stakeholder"),  # GET only
    "planning:stakeholder_edit": Rule(PLANNERS, PLANNERS, "stakeholder"),
    "planning:stakeholder_assess": Rule(PLANNERS, PLANNERS, "stakeholder"),
    # Advocacy: Benin's positions are read as its governance is; those who act for Benin
    # draft them and record their submissions, campaigns and alliances; those who govern it
    # adopt, publish and archive them. Starting one is for whoever acts for some network
    # (Togo's coordinator too). Published positions and their PDF are everyone's.
    "advocacy:position_list": Rule(LOGGED_IN, frozenset()),  # GET only
    "advocacy:position_create": Rule(
        ACTORS | {"sibling_coordinator"}, ACTORS | {"sibling_coordinator"}
    ),
    "advocacy:position_detail": Rule(READERS, frozenset(), "adopted_position"),  # GET only
    "advocacy:position_edit": Rule(ACTORS, ACTORS, "position"),
    "advocacy:position_adopt": Rule(GOVERNORS, GOVERNORS, "position"),
    # Buttons (POST only); an empty post changes nothing and says the page is out of date.
    "advocacy:position_publish": Rule(frozenset(), GOVERNORS, "adopted_position"),
    "advocacy:position_archive": Rule(frozenset(), GOVERNORS, "position"),
    "advocacy:submission_create": Rule(ACTORS, ACTORS, "position"),
    "advocacy:submission_edit": Rule(ACTORS, ACTORS, "submission"),
    "advocacy:submission_outcome": Rule(ACTORS, ACTORS, "submission"),
    "advocacy:campaign_list": Rule(LOGGED_IN, frozenset()),  # GET only
    "advocacy:campaign_create": Rule(
        ACTORS | {"sibling_coordinator"}, ACTORS | {"sibling_coordinator"}
    ),
    "advocacy:campaign_detail": Rule(READERS, frozenset(), "campaign"),  # GET only
    "advocacy:campaign_edit": Rule(ACTORS, ACTORS, "campaign"),
    "advocacy:alliance_list": Rule(LOGGED_IN, frozenset()),  # GET only
    "advocacy:alliance_create": Rule(
        ACTORS | {"sibling_coordinator"}, ACTORS | {"sibling_coordinator"}
    ),
    "advocacy:alliance_edit": Rule(ACTORS, ACTORS, "alliance"),
    "advocacy:public_list": Rule(EVERYONE, frozenset()),  # GET only
    "advocacy:public_detail": Rule(EVERYONE, frozenset(), "public_position"),  # GET only
    "advocacy:position_pdf": Rule(EVERYONE, frozenset(), "public_position"),  # GET only
    # Learning: the library is read by every member of the platform (everyone here holds a
    # role or a seat); Benin's resource, its files and its need are written by those who act
    # for Benin; adding one is for whoever acts for some network (Togo's coordinator too).
    "learning:library": Rule(LOGGED_IN, frozenset()),  # GET only
    "learning:resource_create": Rule(
        ACTORS | {"sibling_coordinator"}, ACTORS | {"sibling_coordinator"}
    ),
    "learning:resource_detail": Rule(LOGGED_IN, frozenset(), "library_resource"),  # GET only
    "learning:resource_edit": Rule(ACTORS, ACTORS, "library_resource"),
    "learning:attachment_upload": Rule(ACTORS, ACTORS, "library_resource"),
    "learning:attachment_download": Rule(LOGGED_IN, frozenset(), "library_attachment"),  # GET
    "learning:attachment_delete": Rule(ACTORS, ACTORS, "new_library_attachment", fresh=True),
    "learning:need_list": Rule(LOGGED_IN, frozenset()),  # GET only
    "learning:need_create": Rule(
        ACTORS | {"sibling_coordinator"}, ACTORS | {"sibling_coordinator"}
    ),
    "learning:need_edit": Rule(ACTORS, ACTORS, "library_need"),
    # Financing: the board, the totals and the funders are read by every member of a network
    # (amounts: the proposal's team and its coordinators, tested in financing's own tests);
    # Benin's funder and its calls are written by those who act for Benin; adding a funder or
    # starting a proposal by whoever acts for some network (Togo's coordinator too). Benin's
    # proposal is read as Benin's governance and written by those who act for Benin.
    "financing:board": Rule(LOGGED_IN, frozenset()),  # GET only
    "financing:totals": Rule(LOGGED_IN, frozenset()),  # GET only
    "financing:funder_list": Rule(LOGGED_IN, frozenset()),  # GET only
    "financing:funder_create": Rule(
        ACTORS | {"sibling_coordinator"}, ACTORS | {"sibling_coordinator"}
    ),
    "financing:funder_detail": Rule(LOGGED_IN, frozenset(), "funder"),  # GET only
    "financing:funder_edit": Rule(ACTORS, ACTORS, "funder"),
    "financing:call_create": Rule(ACTORS, ACTORS, "funder"),
    "financing:call_edit": Rule(ACTORS, ACTORS, "funding_call"),
    "financing:proposal_create": Rule(
        ACTORS | {"sibling_coordinator"}, ACTORS | {"sibling_coordinator"}
    ),
    "financing:proposal_detail": Rule(READERS, frozenset(), "funding_proposal"),  # GET only
    "financing:proposal_edit": Rule(ACTORS, ACTORS, "funding_proposal"),
    # An empty post moves nothing: the form comes back, saying what to choose.
    "financing:proposal_move": Rule(ACTORS, ACTORS, "funding_proposal"),
    "financing:document_upload": Rule(ACTORS, ACTORS, "funding_proposal"),
    "financing:document_download": Rule(READERS, frozenset(), "funding_document"),  # GET only
    "financing:document_delete": Rule(ACTORS, ACTORS, "new_funding_document", fresh=True),
    # Identity: the brand kit and every network's logo files are public (GET only).
    "identity:brand_kit": Rule(EVERYONE, frozenset()),
    "identity:network_kit": Rule(EVERYONE, frozenset(), "network"),
    "identity:mark_svg": Rule(EVERYONE, frozenset(), "brand_file"),
    "identity:compact_svg": Rule(EVERYONE, frozenset(), "brand_file"),
    "identity:mark_png": Rule(EVERYONE, frozenset(), "brand_png"),
    "identity:social_image": Rule(EVERYONE, frozenset(), "network"),
    # Website: the public pages are everyone's (GET only); the contact form takes anyone's
    # message (an empty post comes back with what is missing). Benin's news is written by
    # those who edit its content; the newsroom and a new post by whoever edits some
    # network's (Togo's coordinator too). A draft's picture is for its network's editors.
    "sitemap": Rule(EVERYONE, frozenset()),  # GET only
    "robots_txt": Rule(EVERYONE, frozenset()),  # GET only
    "website:about": Rule(EVERYONE, frozenset()),  # GET only
    "website:contact": Rule(EVERYONE, EVERYONE),
    "website:publications": Rule(EVERYONE, frozenset()),  # GET only
    "website:news_index": Rule(EVERYONE, frozenset()),  # GET only
    "website:feed": Rule(EVERYONE, frozenset()),  # GET only
    "website:network_news": Rule(EVERYONE, frozenset(), "network"),  # GET only
    "website:network_feed": Rule(EVERYONE, frozenset(), "network"),  # GET only
    "website:post_detail": Rule(EVERYONE, frozenset(), "website_post"),  # GET only
    "website:post_image": Rule(EVERYONE, frozenset(), "website_post_image"),  # GET only
    "website:post_list": Rule(CONTENT_EDITORS | {"sibling_coordinator"}, frozenset()),  # GET only
    "website:post_create": Rule(
        CONTENT_EDITORS | {"sibling_coordinator"}, CONTENT_EDITORS | {"sibling_coordinator"}
    ),
    "website:post_edit": Rule(CONTENT_EDITORS, CONTENT_EDITORS, "website_draft"),
    # Newsletters: the archive, a sent issue and subscribing are everyone's; the links of
    # the e-mails (confirm, preferences, unsubscribe) work without an account, by their
    # token. Composing and sending Benin's issues is for those who edit its content; the
    # list and a new issue for whoever edits some network's (Togo's coordinator too).
    "newsletters:archive": Rule(EVERYONE, frozenset()),  # GET only
    "newsletters:network_archive": Rule(EVERYONE, frozenset(), "network"),  # GET only
    "newsletters:public_issue": Rule(EVERYONE, frozenset(), "newsletter_sent_issue"),
    "newsletters:subscribe": Rule(EVERYONE, EVERYONE),
    "newsletters:subscribe_sent": Rule(EVERYONE, frozenset()),  # GET only
    "newsletters:confirm": Rule(EVERYONE, EVERYONE, "newsletter_confirm"),
    "newsletters:preferences": Rule(EVERYONE, EVERYONE, "newsletter_token"),
    "newsletters:unsubscribe": Rule(EVERYONE, EVERYONE, "newsletter_token"),
    "newsletters:issue_list": Rule(CONTENT_EDITORS | {"sibling_coordinator"}, frozenset()),
    "newsletters:issue_create": Rule(
        CONTENT_EDITORS | {"sibling_coordinator"}, CONTENT_EDITORS | {"sibling_coordinator"}
    ),
    "newsletters:issue_detail": Rule(CONTENT_EDITORS, frozenset(), "newsletter_issue"),
    "newsletters:issue_edit": Rule(CONTENT_EDITORS, CONTENT_EDITORS, "newsletter_issue"),
    "newsletters:issue_preview": Rule(CONTENT_EDITORS, frozenset(), "newsletter_issue"),
    "newsletters:issue_test": Rule(frozenset(), CONTENT_EDITORS, "newsletter_issue"),  # POST
    "newsletters:issue_send": Rule(CONTENT_EDITORS, CONTENT_EDITORS, "newsletter_issue"),
    # The annual report of Africa (the target's continental network): its members and
    # those of the networks below read it; those who own Africa's plan produce it. The
    # world's edition is not published (a published one is everyone's: reports' own tests).
    "reports:report_list": Rule(EVERYONE, frozenset()),  # GET only
    "reports:report_detail": Rule(REPORT_READERS, frozenset(), "report"),  # GET only
    "reports:report_preview": Rule(REPORT_PRODUCERS, frozenset(), "report"),  # GET only
    "reports:report_text_edit": Rule(REPORT_PRODUCERS, REPORT_PRODUCERS, "report"),
    "reports:editions_generate": Rule(frozenset(), REPORT_PRODUCERS, "report"),  # POST only
    "reports:edition_download": Rule(REPORT_READERS, frozenset(), "report_edition"),
    "reports:edition_publish": Rule(frozenset(), REPORT_PRODUCERS, "report_edition"),
    "translations:home": Rule(LOGGED_IN, frozenset()),  # GET only
    "translations:ask": Rule(frozenset(), LOGGED_IN),  # POST only
    "translations:coverage": Rule(ANY_COORDINATOR, frozenset()),  # GET only
    "translations:queue": Rule(TRANSLATORS, frozenset(), "translation_queue"),  # GET only
    "translations:export": Rule(TRANSLATORS, frozenset(), "translation_queue"),  # GET only
    "translations:import": Rule(TRANSLATORS, TRANSLATORS, "translation_queue"),
    "translations:edit": Rule(TRANSLATORS, TRANSLATORS, "translation_text"),
    # POST only: reviewing (the translation was made by Benin's coordinator) and a machine
    # draft (no service configured here: refused with a message).
    "translations:review": Rule(frozenset(), TRANSLATORS, "translation_text"),
    "translations:machine": Rule(frozenset(), TRANSLATORS, "translation_text"),
    "translations:translators": Rule(COORDINATORS_OF_TARGET, COORDINATORS_OF_TARGET, "network"),
    "translations:translator_remove": Rule(
        frozenset(), COORDINATORS_OF_TARGET, "new_translator", fresh=True
    ),
    "accounts_profile": ACCOUNT,
    # One's own profile in the network: every signed-in person completes and edits theirs.
    "accounts_profile_edit": MEMBERS,
    "accounts_my_data": ACCOUNT,
    "accounts_my_data_download": ACCOUNT,
    "accounts_invitations": Rule(ANY_COORDINATOR, ANY_COORDINATOR),
    "accounts_invitation_revoke": Rule(frozenset(), COORDINATORS_OF_TARGET, "invitation"),
    "accounts_invitation_resend": Rule(
        frozenset(), COORDINATORS_OF_TARGET, "undelivered_invitation"
    ),
    "accounts_invitation_accept": Rule(EVERYONE, ANY, "token"),
    "account_login": FLOW,
    "account_logout": FLOW,
    "account_inactive": FLOW,
    "account_signup": FLOW,
    "account_reauthenticate": Rule(OWN, OWN),
    "account_email": ACCOUNT,
    "account_email_verification_sent": FLOW,
    "account_change_password": ACCOUNT,
    "account_set_password": ACCOUNT,
    "account_reset_password": FLOW,
    "account_confirm_login_code": FLOW,
    "account_confirm_email": Rule(ANY, ANY, "key"),
    "account_reset_password_from_key_done": FLOW,
    "account_reset_password_from_key": Rule(ANY, ANY, "reset_key"),
    "account_reset_password_done": FLOW,
    "mfa_index": ACCOUNT,
    "mfa_authenticate": FLOW,
    "mfa_reauthenticate": ACCOUNT,
    "mfa_activate_totp": ACCOUNT,
    "mfa_deactivate_totp": ACCOUNT,
    "mfa_view_recovery_codes": ACCOUNT,
    "mfa_generate_recovery_codes": ACCOUNT,
    "mfa_download_recovery_codes": ACCOUNT,
    "mfa_list_webauthn": ACCOUNT,
    "mfa_add_webauthn": ACCOUNT,
    "mfa_reauthenticate_webauthn": ACCOUNT,
    "mfa_remove_webauthn": Rule(OWN, OWN, "pk"),
    "mfa_edit_webauthn": Rule(OWN, OWN, "pk"),
}
# The admin site: staff only, everywhere (its own log-in page aside).
ADMIN_OPEN = {"admin:login", "admin:logout", "admin:jsi18n", "admin:view_on_site"}
ADMIN = Rule(STAFF, STAFF, "admin")
# Admin pages that refuse even staff on purpose: the audit trail and the task queue are
# read-only there (no adding, changing or deleting entries), and some pages take GET only;
# the worker's schedule is changed there but never added to or deleted from (its commands
# are fixed by the code).
ADMIN_READ_ONLY = (
    "admin:core_auditentry_",
    "admin:django_tasks_database_dbtaskresult_",
    "admin:core_scheduledjob_",
)


def url_names(urlconf: str | None = None) -> Iterator[tuple[str, URLPattern]]:
    def walk(resolver: URLResolver, namespace: str) -> Iterator[tuple[str, URLPattern]]:
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                inner = namespace
                if pattern.namespace:
                    inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
                yield from walk(pattern, inner)
            elif pattern.name:
                yield (f"{namespace}:{pattern.name}" if namespace else pattern.name), pattern

    yield from walk(get_resolver(urlconf), "")


# Django's admin checks staff status the same way on all its pages, so its pages are tried
# with the roles that matter for it rather than all of them.
ADMIN_ROLES = ("anonymous", "member", "intercontinental_coordinator", "staff")


def rule_for(name: str) -> Rule | None:
    if name.startswith("admin:"):
        if name in ADMIN_OPEN or name == "admin:password_change_done":
            return Rule(ANY, ANY, "admin")
        if name == "admin:autocomplete":  # staff, and a valid field to complete
            return Rule(ANY, frozenset(), "admin")
        if name.startswith(ADMIN_READ_ONLY) and name.endswith("_change"):
            return Rule(STAFF, ANY, "admin")  # staff may read an entry, never save it
        if name.startswith(ADMIN_READ_ONLY) and not name.endswith(("_changelist", "_history")):
            return Rule(frozenset(), frozenset(), "admin")
        return ADMIN
    return MATRIX.get(name)


def outcome(response, login_paths: tuple[str, ...]) -> str:
    status = response.status_code
    if status >= 500:
        return "error"
    location = response.get("Location", "")
    if status in {301, 302} and any(path in location for path in login_paths):
        return "denied"
    if status in {401, 403, 404, 405, 410}:
        return "denied"
    return "allowed"


def visitor_page_with_a_script(name: str, role: str, method: str, seen: str, response) -> bool:
    """Visitors' pages carry no script: on a slow phone even a small one delays the largest
    paint by a round trip (decision 0031). The admin's own pages are Django's."""
    return (
        role == "anonymous"
        and method == "GET"
        and seen == "allowed"
        and not name.startswith("admin:")
        and response.get("Content-Type", "").startswith("text/html")
        and not getattr(response, "streaming", False)
        and b"<script" in response.content
    )


def check_matrix(
    client_for: Callable[[str], Client],
    kwargs_for: Callable[[str, URLPattern], dict[str, object]],
    urlconf: str | None = None,
    only: set[str] | None = None,
) -> list[str]:
    """Every disagreement between the platform and the matrix, as readable lines.
    Every pattern must be listed; `only` limits the requests to some of them."""
    problems = []
    login_paths = ("/accounts/login/", "/admin/login/")
    for name, pattern in url_names(urlconf):
        rule = rule_for(name)
        if rule is None:
            problems.append(f"{name}: not in the permission matrix")
            continue
        if only is not None and name not in only:
            continue
        url = reverse(name, urlconf=urlconf, kwargs=kwargs_for(rule.kwargs, pattern))
        for role in ADMIN_ROLES if name.startswith("admin:") else ROLES:
            for method, allowed in (("GET", rule.get), ("POST", rule.post)):
                if rule.fresh:
                    url = reverse(name, urlconf=urlconf, kwargs=kwargs_for(rule.kwargs, pattern))
                # A fresh client each time: some requests log out or change the session.
                client = client_for(role)
                response = client.get(url) if method == "GET" else client.post(url, {})
                seen = outcome(response, login_paths)
                if visitor_page_with_a_script(name, role, method, seen, response):
                    problems.append(f"{name} {method} as anonymous: the page carries a script")
                if seen == "error":
                    problems.append(f"{name} {method} as {role}: server error")
                elif allowed is OWN:
                    if role == "anonymous" and seen == "allowed":
                        problems.append(f"{name} {method} as anonymous: allowed, expected denied")
                elif allowed is not None and (seen == "allowed") != (role in allowed):
                    expected = "allowed" if role in allowed else "denied"
                    problems.append(
                        f"{name} {method} as {role}: {seen} ({response.status_code}), "
                        f"expected {expected}"
                    )
    return problems
