"""The world the platform-wide matrices (permissions, hostile input) request pages in: a
continent with two national networks, one far away, someone in every role, and governance
records at the three levels. `kwargs` names the objects URL patterns are reversed with."""

import datetime

from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress
from allauth.account.utils import user_pk_to_url_str
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import URLPattern
from django.utils import timezone

from inspir.accounts.models import Role, User
from inspir.accounts.services import invitation_create
from inspir.accounts.tests.factories import UserFactory, user_with_role
from inspir.core import history
from inspir.core.mail import send_email
from inspir.core.models import OutgoingEmail
from inspir.governance.models import (
    AgendaDocument,
    CalendarFeed,
    Consultation,
    Office,
    ProposalStatus,
    SeatKind,
)
from inspir.governance.tests.factories import (
    AgendaItemFactory,
    CommitteeFactory,
    DecisionFactory,
    FollowUpFactory,
    MeetingFactory,
    ParticipantFactory,
    ProposalFactory,
    seat,
)
from inspir.network.tests.factories import (
    NetworkFactory,
    PersonFactory,
    continental,
    member_of,
    national,
)


def build_world() -> dict[str, object]:
    intercontinental = NetworkFactory(name="INSP!R", slug="inspir")
    africa = continental(intercontinental, name="Africa", slug="africa")
    benin = national(africa, name="Benin", slug="benin")
    togo = national(africa, name="Togo", slug="togo")
    nepal = national(continental(intercontinental, name="Asia"), name="Nepal", slug="nepal")
    union = member_of(benin, name="Union of Cotonou", slug="union")
    # Someone of a member organisation, whom the people pages and the search show alike.
    searchable_person = PersonFactory(name="Ana Núñez Cotonou", organisation=union)
    users = {
        "outsider": user_with_role(nepal, Role.MEMBER),
        "member": user_with_role(benin, Role.MEMBER),
        "focal_point": user_with_role(benin, Role.FOCAL_POINT),
        "coordinator": user_with_role(benin, Role.COORDINATOR),
        "sibling_coordinator": user_with_role(togo, Role.COORDINATOR),
        "continental_coordinator": user_with_role(africa, Role.COORDINATOR),
        "intercontinental_coordinator": user_with_role(intercontinental, Role.COORDINATOR),
        "staff": UserFactory(is_staff=True, is_superuser=True),
        "committee_member": user_with_role(benin, Role.MEMBER),
        # An office needs a second factor, as a coordinator's role does.
        "committee_secretariat": user_with_role(benin, Role.MEMBER, second_factor=True),
    }
    # Accepting an invitation verifies one's address, as for everyone here.
    for user in users.values():
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    governance = governance_world(intercontinental, africa, benin, users)
    # An invitation whose e-mail was finally not delivered: it can be sent again.
    undelivered_invitation, _token = invitation_create(
        network=benin,
        email="undelivered@example.org",
        role=Role.MEMBER,
        language="en",
        actor=users["coordinator"],
    )
    OutgoingEmail.objects.filter(object_id=str(undelivered_invitation.pk)).update(
        status=OutgoingEmail.Status.FAILED, attempts=8, last_error="550 5.1.1 No such user"
    )
    # E-mails whose delivery failed or is uncertain, for the list of undelivered mail (one to
    # send again, one to set aside).
    [failed_email, undelivered_email] = send_email(
        subject="Agenda published",
        body="The agenda is ready.",
        recipients=["gone@example.org", "away@example.org"],
    )
    OutgoingEmail.objects.filter(pk=failed_email.pk).update(
        status=OutgoingEmail.Status.FAILED, attempts=8
    )
    OutgoingEmail.objects.filter(pk=undelivered_email.pk).update(
        status=OutgoingEmail.Status.UNCERTAIN, attempts=1
    )
    # One invitation to withdraw, another whose link stays valid throughout.
    invitation, _token = invitation_create(
        network=benin,
        email="withdrawn@example.org",
        role=Role.MEMBER,
        language="en",
        actor=users["coordinator"],
    )
    _valid, token = invitation_create(
        network=benin,
        email="new@example.org",
        role=Role.MEMBER,
        language="en",
        actor=users["coordinator"],
    )
    # Someone who asked for a new password: the e-mailed link is built for them.
    forgetful = user_with_role(benin, Role.MEMBER, email="forgetful@example.org")
    EmailAddress.objects.create(user=forgetful, email=forgetful.email, verified=True, primary=True)
    return {
        "users": users,
        "forgetful": forgetful,
        "benin": benin,
        "union": union,
        "searchable_person": searchable_person,
        "invitation": invitation,
        "token": token,
        "undelivered_invitation": undelivered_invitation,
        "undelivered_email": undelivered_email,
        **governance,
        **notifications_world(users),
        **translations_world(users, benin, governance["decision"]),
        **planning_world(users, benin),
        # advocacy: Benin's positions, a submission, a campaign, an alliance
        **advocacy_world(users, benin, governance["decision"]),
        # learning: the library
        **learning_world(users, benin),
        # financing: a funder, its call, a proposal and its documents
        **financing_world(users, benin, union),
        # website: Benin's published post, with a picture, and its draft
        **website_world(users, benin),
        # newsletters: Benin's draft issue and a sent one, a pending and an active subscriber
        **newsletters_world(users, benin),
        # reports: an edition of Africa's 2020 report, not published
        **reports_world(africa),
    }


def planning_world(users: dict[str, User], benin) -> dict[str, object]:
    """Benin's part of the 2020–2021 plan: an action, a stakeholder of its context analysis
    and a suggestion from its member awaiting a decision (a fresh one for each decision)."""
    from inspir.planning.models import SuggestionKind
    from inspir.planning.tests.factories import (
        ContextNoteFactory,
        PlanActionFactory,
        PlanPeriodFactory,
        StakeholderFactory,
        SuggestionFactory,
    )

    period = PlanPeriodFactory()
    action = PlanActionFactory(period=period, network=benin, title="Radio programmes")
    stakeholder = StakeholderFactory(network=benin, name="Ministry of Labour")
    action.stakeholders.add(stakeholder)
    ContextNoteFactory(network=benin)

    def new_suggestion():
        return SuggestionFactory(
            kind=SuggestionKind.CHANGE,
            action=action,
            action_version=action.version,
            period=period,
            network=benin,
            from_network=benin,
            author=users["member"],
        )

    return {
        "plan_action": action,
        "stakeholder": stakeholder,
        "suggestion": new_suggestion(),
        "new_suggestion": new_suggestion,
    }


# --- learning -----------------------------------------------------------------------------------


def learning_world(users: dict[str, User], benin) -> dict[str, object]:
    """A resource of Benin's in the library with a file (a fresh file for each removal),
    and a need of Benin's."""
    from inspir.learning.models import Attachment
    from inspir.learning.tests.factories import NeedFactory, ResourceFactory

    resource = ResourceFactory(network=benin, title="Visit to the mutuals of Lomé")

    def new_attachment() -> Attachment:
        attachment = Attachment(
            resource=resource, original_name="notes.txt", content_type="text/plain", size=5
        )
        attachment.file.save("notes.txt", ContentFile(b"notes"), save=True)
        return attachment

    return {
        "library_resource": resource,
        "library_attachment": new_attachment(),
        "new_library_attachment": new_attachment,
        "library_need": NeedFactory(network=benin, title="Learn to reach informal workers"),
    }


# --- advocacy -----------------------------------------------------------------------------------


def advocacy_world(users: dict[str, User], benin, decision) -> dict[str, object]:
    """Benin's draft position (a fresh one for each adoption or archiving), one adopted by
    its committee's decision, one adopted and published, a submission of the draft, a
    campaign and an alliance of Benin's."""
    from inspir.advocacy.models import PositionStatus
    from inspir.advocacy.tests.factories import (
        AllianceFactory,
        CampaignFactory,
        DemandFactory,
        PositionFactory,
        SubmissionFactory,
    )

    def new_position():
        position = PositionFactory(network=benin, created_by=users["focal_point"])
        DemandFactory(position=position, order=1, text="Health insurance for informal workers")
        return position

    def adopted(**extra: object):
        position = new_position()
        type(position).objects.filter(pk=position.pk).update(
            status=PositionStatus.ADOPTED,
            decision=decision,
            adopted_on=datetime.date(2020, 6, 1),
            **extra,
        )
        position.refresh_from_db()
        return position

    position = new_position()
    alliance = AllianceFactory(network=benin, name="Social protection coalition of Benin")
    campaign = CampaignFactory(network=benin, title="Health for all workers")
    campaign.participants.set([benin])
    campaign.positions.add(position)
    return {
        "position": position,
        "new_position": new_position,
        "adopted_position": adopted(),
        "public_position": adopted(published_at=PAST),
        "submission": SubmissionFactory(position=position, created_by=users["focal_point"]),
        "campaign": campaign,
        "alliance": alliance,
    }


# --- website ------------------------------------------------------------------------------------


def website_world(users: dict[str, User], benin) -> dict[str, object]:
    """Benin's news: a published post with a picture, and a draft, by its focal point."""
    from inspir.website.models import PostStatus
    from inspir.website.tests.factories import PostFactory

    post = PostFactory(network=benin, author=users["focal_point"], publish_at=PAST)
    post.image_small.save("post-small.png", ContentFile(b"\x89PNG\r\n\x1a\n"), save=False)
    post.save()
    draft = PostFactory(
        network=benin, author=users["focal_point"], status=PostStatus.DRAFT, publish_at=None
    )
    return {"website_post": post, "website_draft": draft}


# --- newsletters --------------------------------------------------------------------------------


def newsletters_world(users: dict[str, User], benin) -> dict[str, object]:
    """Benin's newsletter: a draft issue and a sent one; an address waiting to confirm (its
    confirmation link) and a subscriber (the link of their preferences and unsubscribe)."""
    from inspir.newsletters import tokens
    from inspir.newsletters.models import Consent, IssueStatus, SubscriberStatus
    from inspir.newsletters.tests.factories import IssueFactory, SubscriberFactory

    draft = IssueFactory(network=benin, created_by=users["focal_point"])
    sent = IssueFactory(network=benin, status=IssueStatus.SENT, sent_at=PAST)
    pending = SubscriberFactory(status=SubscriberStatus.PENDING, confirmed_at=None)
    consent = Consent.objects.get(subscriber=pending)
    Consent.objects.filter(pk=consent.pk).update(confirmed_at=None)
    active = SubscriberFactory()
    return {
        "newsletter_issue": draft,
        "newsletter_sent_issue": sent,
        "newsletter_confirm": tokens.confirm_token(pending.pk, consent.pk, pending.secret),
        "newsletter_token": tokens.manage_token(active.pk, active.secret),
    }


# --- reports ------------------------------------------------------------------------------------


def reports_world(africa) -> dict[str, object]:
    """An edition of Africa's 2020 report, laid out and not published."""
    from django.core.files.base import ContentFile

    from inspir.reports.models import Edition, EditionStatus

    edition = Edition(
        network=africa, year=2020, language="en", fingerprint="f" * 64, snapshot={}, pages=1
    )
    edition.pdf.save("africa-2020-en.pdf", ContentFile(b"%PDF-1.7 matrix"), save=False)
    edition.status = EditionStatus.READY
    edition.save()
    return {"africa": africa, "report_edition": edition}


# --- financing ----------------------------------------------------------------------------------


def financing_world(users: dict[str, User], benin, union) -> dict[str, object]:
    """A funder followed by Benin with a call; a proposal of Benin led by the Union, still
    being drafted, with a document (a fresh document for each removal)."""
    from inspir.financing.models import ProposalDocument
    from inspir.financing.tests.factories import (
        FunderFactory,
        FundingCallFactory,
        FundingProposalFactory,
    )

    funder = FunderFactory(network=benin, name="International Labour Organization", acronym="ILO")
    call = FundingCallFactory(funder=funder, title="Social protection floors")
    proposal = FundingProposalFactory(
        network=benin, funder=funder, call=call, lead_organisation=union, title="Mutuals"
    )

    def new_document() -> ProposalDocument:
        document = ProposalDocument(
            proposal=proposal, name="budget.txt", content_type="text/plain", size=6
        )
        document.file.save("budget.txt", ContentFile(b"budget"), save=True)
        return document

    return {
        "funder": funder,
        "funding_call": call,
        "funding_proposal": proposal,
        "funding_document": new_document(),
        "new_funding_document": new_document,
    }


def translations_world(users: dict[str, User], benin, decision) -> dict[str, object]:
    """Benin's focal point is its translator into Spanish; the decision's statement was
    written in French and translated into Spanish by Benin's coordinator (so that others
    may review it). A fresh translator to remove, each time."""
    from django.contrib.contenttypes.models import ContentType

    from inspir.core.models import TextOriginal, TextStatus, TextTranslation
    from inspir.translations.models import Translator

    Translator.objects.create(network=benin, user=users["focal_point"], languages=["es"])
    statement = TextOriginal.objects.get(
        content_type=ContentType.objects.get_for_model(type(decision)),
        object_id=decision.pk,
        field="statement",
    )
    TextOriginal.objects.filter(pk=statement.pk).update(language="fr")
    TextTranslation.objects.create(
        original=statement,
        language="es",
        text="Declaración",
        status=TextStatus.TRANSLATED,
        source_revision=statement.revision,
        source_text=decision.statement,
        translated_by=users["coordinator"],
    )

    def new_translator() -> Translator:
        return Translator.objects.create(
            network=benin, user=user_with_role(benin, Role.MEMBER), languages=["en"]
        )

    return {"statement": statement, "new_translator": new_translator}


def notifications_world(users: dict[str, User]) -> dict[str, object]:
    """A notice of the member's (opened by them alone) and the member's link that stops
    their daily digest (valid for anyone who has it)."""
    from inspir.notifications.models import Notification
    from inspir.notifications.services import notice_settings_for
    from inspir.notifications.tokens import DIGEST_KIND, unsubscribe_token

    member = users["member"]
    notice = Notification.objects.create(
        user=member, kind="world.notice", key="world", delivery="in_app"
    )
    secret = notice_settings_for([member.pk])[member.pk].unsubscribe_secret
    return {"notice": notice, "unsubscribe": unsubscribe_token(member.pk, DIGEST_KIND, secret)}


PAST = datetime.datetime(2020, 6, 1, 13, 0, tzinfo=datetime.UTC)


def governance_world(intercontinental, africa, benin, users) -> dict[str, object]:
    """Committees at the three levels; Benin's has the committee member's seat, a past
    meeting whose agenda is not published, a proposal, a decision; an intercontinental
    agenda on which Africa, and through it Benin, are consulted."""
    person = PersonFactory(name="Committee member")
    users["committee_member"].person = person
    users["committee_member"].save()
    benin_committee = CommitteeFactory(network=benin)
    mandate = seat(benin_committee, person, seats=3)
    secretariat = PersonFactory(name="Committee secretariat")
    users["committee_secretariat"].person = secretariat
    users["committee_secretariat"].save()
    seat(benin_committee, secretariat, office=Office.SECRETARIAT, kind=SeatKind.FACILITATION)
    # Its minutes are written, not yet published: the form to publish them is on its page.
    meeting = MeetingFactory(
        committee=benin_committee, starts_at=PAST, minutes="The budget was discussed."
    )
    ParticipantFactory(meeting=meeting, person=person)
    # The minutes' history (core/history.py): an earlier text, then the one saved now.
    history.record(meeting, actor=None, before={"minutes": "An earlier text."})
    item = AgendaItemFactory(meeting=meeting)

    def new_document() -> AgendaDocument:
        document = AgendaDocument(
            item=item, title="Budget", original_name="budget.txt", content_type="text/plain"
        )
        document.size = 6
        document.file.save("budget.txt", ContentFile(b"budget"), save=True)
        return document

    top_meeting = MeetingFactory(
        committee=CommitteeFactory(network=intercontinental),
        agenda_circulated_at=PAST,
        agenda_published_at=PAST,
    )
    AgendaItemFactory(meeting=top_meeting)
    africa_consulted = Consultation.objects.create(meeting=top_meeting, network=africa)
    Consultation.objects.create(meeting=top_meeting, network=benin, parent=africa_consulted)
    africa_meeting = MeetingFactory(committee=CommitteeFactory(network=africa), starts_at=PAST)
    follow_up = FollowUpFactory(decision=DecisionFactory(meeting=africa_meeting), network=benin)
    # A decision of the intercontinental committee followed up in Africa, which may pass it
    # on to the national networks below it.
    continental_follow_up = FollowUpFactory(
        decision=DecisionFactory(meeting=top_meeting), network=africa
    )
    author = users["member"]

    def new_proposal(status: str = ProposalStatus.SUBMITTED):
        return ProposalFactory(origin_network=benin, author=author, status=status)

    feed = CalendarFeed.objects.create(user=users["committee_member"], token="secret-feed")
    return {
        "mandate": mandate,
        # A mandate to withdraw: a withdrawn one cannot be withdrawn again by the next role.
        "new_mandate": lambda: seat(benin_committee, PersonFactory(), seats=3),
        "meeting": meeting,
        "new_meeting": lambda: MeetingFactory(committee=benin_committee, starts_at=PAST),
        # A meeting to come to which the committee member is invited, not answered yet.
        "new_invitation": lambda: (
            ParticipantFactory(
                meeting=MeetingFactory(committee=benin_committee), person=person
            ).meeting
        ),
        "new_minuted_meeting": lambda: MeetingFactory(
            committee=benin_committee, starts_at=PAST, minutes="The budget was discussed."
        ),
        "item": item,
        "new_item": lambda: AgendaItemFactory(meeting=meeting),
        "document": new_document(),
        "new_document": new_document,
        "top_meeting": top_meeting,
        "proposal": new_proposal(),
        "draft": new_proposal(ProposalStatus.DRAFT),
        "new_proposal": new_proposal,
        "decision": DecisionFactory(meeting=meeting),
        # A consent round of Benin's committee, open for another week.
        "open_round": DecisionFactory(
            meeting=None,
            committee=benin_committee,
            outcome="",
            closes_at=timezone.now() + datetime.timedelta(days=7),
        ),
        "follow_up": follow_up,
        "continental_follow_up": continental_follow_up,
        "feed": feed,
        **minutes_world(benin_committee, top_meeting),
    }


def minutes_world(committee, top_meeting) -> dict[str, object]:
    """Minutes at each step (circulated, approved, approved and corrected) of Benin's
    committee, a meeting to come (cancellable), and two documents of the published
    intercontinental agenda: one public, one for the members."""
    from inspir.governance.models import MinutesStatus, MinutesVersion

    day = datetime.timedelta(days=1)

    def minuted(status: str, **dates: object):
        return MeetingFactory(
            committee=committee,
            starts_at=PAST,
            minutes="The budget was discussed.",
            minutes_status=status,
            minutes_circulated_at=PAST + day,
            **dates,
        )

    # Approved, corrected before it is published: its correction page offers to publish it.
    corrected = minuted(MinutesStatus.APPROVED, minutes_approved_at=PAST + 2 * day)
    MinutesVersion.objects.create(
        meeting=corrected,
        number=1,
        text="The budjet was discussed.",
        approved_at=PAST + 2 * day,
        replaced_at=PAST + 4 * day,
        correction_note="A typing error.",
    )
    MinutesVersion.objects.create(meeting=corrected, number=2, text=corrected.minutes)
    top_item = AgendaItemFactory(meeting=top_meeting)

    def top_document(public: bool) -> AgendaDocument:
        document = AgendaDocument(
            item=top_item,
            title="Report",
            original_name="report.txt",
            content_type="text/plain",
            public=public,
        )
        document.size = 6
        document.file.save("report.txt", ContentFile(b"report"), save=True)
        return document

    return {
        "new_upcoming_meeting": lambda: MeetingFactory(committee=committee),
        "circulated_meeting": minuted(MinutesStatus.CIRCULATED),
        "new_circulated_meeting": lambda: minuted(MinutesStatus.CIRCULATED),
        "new_approved_meeting": lambda: minuted(
            MinutesStatus.APPROVED, minutes_approved_at=PAST + 2 * day
        ),
        "corrected_meeting": corrected,
        "public_document": top_document(public=True),
        "members_document": top_document(public=False),
    }


def clients(world, raise_request_exception: bool = True):
    def client_for(role: str) -> Client:
        client = Client(raise_request_exception=raise_request_exception)
        if role != "anonymous":
            client.force_login(world["users"][role])
        return client

    return client_for


def reset_key(user: User) -> dict[str, object]:
    """The address parts of a valid password-reset link for `user`, as e-mailed."""
    user.refresh_from_db()
    return {"uidb36": user_pk_to_url_str(user), "key": default_token_generator.make_token(user)}


def kwargs(world):
    def kwargs_for(kind: str, pattern: URLPattern) -> dict[str, object]:
        values = {
            "network": {"slug": world["benin"].slug},
            "organisation": {"slug": world["union"].slug},
            "invitation": {"pk": world["invitation"].pk},
            "undelivered_invitation": {"pk": world["undelivered_invitation"].pk},
            "undelivered_email": {"pk": world["undelivered_email"].pk},
            "token": {"token": world["token"]},
            "key": {"key": "not-a-real-key"},
            "reset_key": reset_key(world["forgetful"]),
            "pk": {"pk": 999_999},
            "mandate": {"pk": world["mandate"].pk},
            "seat_rule": {"pk": world["mandate"].rule_id},
            "meeting": {"pk": world["meeting"].pk},
            "item": {"pk": world["item"].pk},
            "document": {"pk": world["document"].pk},
            "proposal": {"pk": world["proposal"].pk},
            "draft": {"pk": world["draft"].pk},
            "decision": {"pk": world["decision"].pk},
            "open_round": {"pk": world["open_round"].pk},
            "circulated_meeting": {"pk": world["circulated_meeting"].pk},
            "corrected_meeting": {"pk": world["corrected_meeting"].pk},
            "minutes_version": {"pk": world["corrected_meeting"].pk, "number": 1},
            "public_document": {"pk": world["public_document"].pk},
            "members_document": {"pk": world["members_document"].pk},
            "follow_up": {"pk": world["follow_up"].pk},
            "continental_follow_up": {"pk": world["continental_follow_up"].pk},
            "feed_token": {"token": world["feed"].token},
            "notice": {"pk": world["notice"].pk},
            "unsubscribe": {"token": world["unsubscribe"]},
            "consulted_network": {"pk": world["top_meeting"].pk, "network": "benin"},
            "consulted_continent": {"pk": world["top_meeting"].pk, "network": "africa"},
            "minutes_history": {"kind": "minutes", "pk": world["meeting"].pk},
            "translation_queue": {"network": "benin", "language": "es"},
            "translation_text": {"original": world["statement"].pk, "language": "es"},
            "minutes_revision": {"kind": "minutes", "pk": world["meeting"].pk, "version": 0},
            "plan_action": {"pk": world["plan_action"].pk},
            "stakeholder": {"pk": world["stakeholder"].pk},
            "suggestion": {"pk": world["suggestion"].pk},
            # advocacy
            "position": {"pk": world["position"].pk},
            "adopted_position": {"pk": world["adopted_position"].pk},
            "public_position": {"pk": world["public_position"].pk},
            "submission": {"pk": world["submission"].pk},
            "campaign": {"pk": world["campaign"].pk},
            "alliance": {"pk": world["alliance"].pk},
            # learning
            "library_resource": {"pk": world["library_resource"].pk},
            "library_attachment": {"pk": world["library_attachment"].pk},
            "library_need": {"pk": world["library_need"].pk},
            # website
            "website_post": {"slug": "benin", "pk": world["website_post"].pk},
            "website_post_image": {
                "slug": "benin",
                "pk": world["website_post"].pk,
                "size": "small",
            },
            "website_draft": {"pk": world["website_draft"].pk},
            # newsletters
            "newsletter_issue": {"pk": world["newsletter_issue"].pk},
            "newsletter_sent_issue": {"pk": world["newsletter_sent_issue"].pk},
            "newsletter_confirm": {"token": world["newsletter_confirm"]},
            "newsletter_token": {"token": world["newsletter_token"]},
            # reports
            "report": {"slug": world["africa"].slug, "year": 2020},
            "report_edition": {"pk": world["report_edition"].pk},
            # financing
            "funder": {"pk": world["funder"].pk},
            "funding_call": {"pk": world["funding_call"].pk},
            "funding_proposal": {"pk": world["funding_proposal"].pk},
            "funding_document": {"pk": world["funding_document"].pk},
            # identity
            "brand_file": {"slug": world["benin"].slug, "variant": "reversed"},
            "brand_png": {"slug": world["benin"].slug, "variant": "full-colour", "width": 256},
        }
        fresh = {
            "new_reset_key": lambda: reset_key(world["forgetful"]),
            "new_meeting": lambda: {"pk": world["new_meeting"]().pk},
            "new_mandate": lambda: {"pk": world["new_mandate"]().pk},
            "new_invitation": lambda: {"pk": world["new_invitation"]().pk},
            "new_minuted_meeting": lambda: {"pk": world["new_minuted_meeting"]().pk},
            "new_upcoming_meeting": lambda: {"pk": world["new_upcoming_meeting"]().pk},
            "new_circulated_meeting": lambda: {"pk": world["new_circulated_meeting"]().pk},
            "new_approved_meeting": lambda: {"pk": world["new_approved_meeting"]().pk},
            "new_item": lambda: {"pk": world["new_item"]().pk},
            "new_document": lambda: {"pk": world["new_document"]().pk},
            "new_translator": lambda: {"slug": "benin", "pk": world["new_translator"]().pk},
            "fresh_translator": lambda: {"slug": world["new_translator"]().network.slug},
            "new_proposal_action": lambda: {"pk": world["new_proposal"]().pk, "action": "submit"},
            "new_suggestion": lambda: {"pk": world["new_suggestion"]().pk},
            # advocacy
            "new_position": lambda: {"pk": world["new_position"]().pk},
            # learning
            "new_library_attachment": lambda: {"pk": world["new_library_attachment"]().pk},
            # financing
            "new_funding_document": lambda: {"pk": world["new_funding_document"]().pk},
        }
        if kind in fresh:
            return fresh[kind]()
        if kind == "admin":
            # Object ids are the staff user's own, so that pages about an existing user
            # (password change) have one to show.
            staff_pk = str(world["users"]["staff"].pk)
            return {
                name: "network" if name == "app_label" else staff_pk
                for name in pattern.pattern.regex.groupindex
            }
        return values.get(kind, {})

    return kwargs_for
