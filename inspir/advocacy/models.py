"""The network's advocacy: its positions and their demands, where they were submitted and
what came of it, its campaigns and the alliances it belongs to.

A position belongs to one network (its owner). Those who act for the network draft it and
its list of demands; those who govern it link it to the decision that adopted it, publish it
and archive it (`advocacy/permissions.py`). Once published, anyone reads it and downloads it
as a PDF. Every saved state of its title, summary, body and demands is kept in the change
history (`advocacy/history.py`): the demands are kept there as one line each
(`demand_list`), the demands themselves as rows, each translated on its own.

A submission says to whom a position was taken (a stakeholder of the context analysis, or a
free name), when, how (directly, by letter, in a meeting, in a public consultation, through
an ally), what came of it and what follows. A campaign is the network's own or one it joins
with allies; an alliance is a membership of the network in a wider coalition (USP2030, the
GCSPF)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from inspir.core.versioning import Versioned
from inspir.governance.models import Decision
from inspir.network.models import Network
from inspir.planning.models import PlanAction, Stakeholder


class PositionStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    ADOPTED = "adopted", _("adopted")
    ARCHIVED = "archived", _("archived")


class Position(Versioned):
    """A position of a network: what it asks for, and why."""

    network = models.ForeignKey(
        Network, verbose_name=_("network"), on_delete=models.PROTECT, related_name="positions"
    )
    # Written in one language; their translations are kept beside them (core/texts.py).
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    body = models.TextField(_("text"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=PositionStatus.choices, default=PositionStatus.DRAFT
    )
    # The decision that adopted it, and the day it was taken.
    decision = models.ForeignKey(
        Decision,
        verbose_name=_("adopted by the decision"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="adopted_positions",
    )
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    # Public from then on (anyone reads it and downloads it); None: for the members only.
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    endorsing_networks = models.ManyToManyField(
        Network, verbose_name=_("endorsing networks"), blank=True, related_name="+"
    )
    plan_actions = models.ManyToManyField(
        PlanAction, verbose_name=_("plan actions it serves"), blank=True, related_name="+"
    )
    # The demands as last saved, one a line: what the change history keeps of them (the
    # `Demand` rows are what pages read, each translated on its own).
    demand_list = models.TextField(_("demands"), blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("position")
        verbose_name_plural = _("positions")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["network", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="adopted") | Q(decision__isnull=False),
                name="adopted_position_names_its_decision",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("advocacy:position_detail", kwargs={"pk": self.pk})

    @property
    def is_public(self) -> bool:
        return self.published_at is not None


class Demand(models.Model):
    """One of a position's demands (or criteria), in its order."""

    position = models.ForeignKey(Position, on_delete=models.CASCADE, related_name="demands")
    order = models.PositiveSmallIntegerField(_("order"))
    text = models.TextField(_("demand"))

    class Meta:
        verbose_name = _("demand")
        verbose_name_plural = _("demands")
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["position", "order"], name="one_demand_per_place")
        ]

    def __str__(self) -> str:
        return self.text[:80]


class Channel(models.TextChoices):
    DIRECT = "direct", _("directly")
    LETTER = "letter", _("by letter")
    MEETING = "meeting", _("in a meeting")
    CONSULTATION = "consultation", _("in a public consultation")
    ALLY = "ally", _("through an ally")


class Outcome(models.TextChoices):
    PENDING = "pending", _("awaiting an answer")
    ACKNOWLEDGED = "acknowledged", _("acknowledged")
    TAKEN_UP = "taken_up", _("taken up")
    PARTLY = "partly", _("partly taken up")
    REJECTED = "rejected", _("rejected")
    NO_ANSWER = "no_answer", _("no answer")


class Alliance(Versioned):
    """A network's membership of a wider coalition: what it brings and what it gets."""

    network = models.ForeignKey(
        Network, verbose_name=_("member network"), on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField(_("name"), max_length=200)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    url = models.URLField(_("website"), blank=True)
    joined_on = models.DateField(_("member since"), null=True, blank=True)
    # Written in one language; their translations are kept beside them (core/texts.py).
    brings = models.TextField(_("what the network brings"), blank=True)
    gets = models.TextField(_("what the network gets"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("alliance")
        verbose_name_plural = _("alliances")
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["network", "name"], name="one_alliance_per_name")
        ]

    def __str__(self) -> str:
        return self.acronym or self.name


class Submission(Versioned):
    """A position taken to someone: to whom, when, how, what came of it and what follows."""

    position = models.ForeignKey(
        Position, verbose_name=_("position"), on_delete=models.CASCADE, related_name="submissions"
    )
    # To a stakeholder of the context analysis, or to a target named here.
    stakeholder = models.ForeignKey(
        Stakeholder,
        verbose_name=_("stakeholder"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    target_name = models.CharField(_("target"), max_length=200, blank=True)
    submitted_on = models.DateField(_("submitted on"))
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    # Through an ally: one of the network's alliances, or another ally named here.
    alliance = models.ForeignKey(
        Alliance,
        verbose_name=_("through the alliance"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="submissions",
    )
    ally = models.CharField(_("ally"), max_length=200, blank=True)
    outcome = models.CharField(
        _("outcome"), max_length=20, choices=Outcome.choices, default=Outcome.PENDING
    )
    # Written in one language; their translations are kept beside them (core/texts.py).
    outcome_notes = models.TextField(_("what came of it"), blank=True)
    follow_up = models.TextField(_("follow-up"), blank=True)
    follow_up_on = models.DateField(_("follow up by"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        ordering = ["-submitted_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(stakeholder__isnull=False) | ~Q(target_name=""),
                name="submission_names_its_target",
            ),
        ]

    def __str__(self) -> str:
        return self.target

    @property
    def target(self) -> str:
        if self.stakeholder_id is not None and self.stakeholder is not None:
            return self.stakeholder.name
        return self.target_name

    @property
    def relayed_by(self) -> str:
        if self.alliance_id is not None and self.alliance is not None:
            return str(self.alliance)
        return self.ally


class CampaignKind(models.TextChoices):
    OWN = "own", _("the network's own")
    ALLIED = "allied", _("with allies")


class Campaign(Versioned):
    """A campaign the network runs or joins, the networks taking part and the positions it
    carries."""

    network = models.ForeignKey(
        Network, verbose_name=_("network"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=CampaignKind.choices)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    url = models.URLField(_("website"), blank=True)
    participants = models.ManyToManyField(
        Network, verbose_name=_("networks taking part"), blank=True, related_name="+"
    )
    positions = models.ManyToManyField(
        Position, verbose_name=_("positions"), blank=True, related_name="campaigns"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")
        ordering = ["-starts_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="campaign_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("advocacy:campaign_detail", kwargs={"pk": self.pk})
