"""The operational plan and the context analysis it is derived from.

A plan is kept per period (2020–2021) and per network: each network's coordinators (and its
committee's offices) own its part (`planning/permissions.py`). A priority action belongs to
one of the four domains governance already names (`governance.Domain`), has a lead, partners,
dates, a status, a progress and indicators, and links to what produced it (decisions,
meetings), to the stakeholders it targets and, for subsidiarity, to the actions of the
networks below that it strengthens. Members suggest new actions or changes (`Suggestion`);
the owners accept, merge or decline them. Every saved state of an action is kept in the
platform's change history (`planning/history.py`).

The context analysis of a network is a note and its stakeholders; a stakeholder's influence
and stance are assessed on a date (`Assessment`) and change over time, so the power map can
be drawn as it stood on any date."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from inspir.core.versioning import Versioned
from inspir.governance.models import Decision, Domain, Meeting
from inspir.network.models import Network, Organisation, Person

PROGRESS_MAX = 100
INFLUENCE_MIN, INFLUENCE_MAX = 1, 5


class PlanPeriod(models.Model):
    """The years an operational plan covers, the same for every network."""

    name = models.CharField(_("name"), max_length=40, unique=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))

    class Meta:
        verbose_name = _("plan period")
        verbose_name_plural = _("plan periods")
        ordering = ["-starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="plan_period_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return self.name


# --- Context analysis ---------------------------------------------------------------------------


class ContextNote(Versioned):
    """A network's analysis of its context: the situation its plan answers."""

    network = models.OneToOneField(
        Network, verbose_name=_("network"), on_delete=models.PROTECT, related_name="context_note"
    )
    # Written in one language; its translations are kept beside it (core/texts.py).
    text = models.TextField(_("context analysis"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("context analysis")
        verbose_name_plural = _("context analyses")

    def __str__(self) -> str:
        return str(self.network)

    def get_absolute_url(self) -> str:
        return reverse("planning:context", kwargs={"slug": self.network.slug})


class StakeholderKind(models.TextChoices):
    INTERGOVERNMENTAL = "intergovernmental", _("intergovernmental organisation")
    UN_MANDATE = "un_mandate", _("UN body or rapporteur")
    EU_INSTITUTION = "eu_institution", _("EU institution")
    GOVERNMENT = "government", _("government or ministry")
    FORUM = "forum", _("international forum")
    PARTNERSHIP = "partnership", _("partnership or coalition")
    EMPLOYERS = "employers", _("employers' organisation")
    CIVIL_SOCIETY = "civil_society", _("civil-society network")
    DONOR = "donor", _("donor")
    OTHER = "other", _("other")


class StakeholderLevel(models.TextChoices):
    NATIONAL = "national", _("national")
    REGIONAL = "regional", _("regional")
    INTERNATIONAL = "international", _("international")


class Stance(models.IntegerChoices):
    STRONG_OPPONENT = -2, _("strong opponent")
    OPPONENT = -1, _("opponent")
    NEUTRAL = 0, _("neutral")
    ALLY = 1, _("ally")
    STRONG_ALLY = 2, _("strong ally")


class Stakeholder(Versioned):
    """An institution or network that matters to a network's plan, with its influence and
    stance as last assessed (the assessments keep how they changed)."""

    network = models.ForeignKey(
        Network, verbose_name=_("network"), on_delete=models.PROTECT, related_name="stakeholders"
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=StakeholderKind.choices)
    level = models.CharField(_("level"), max_length=20, choices=StakeholderLevel.choices)
    influence = models.PositiveSmallIntegerField(
        _("influence"),
        validators=[MinValueValidator(INFLUENCE_MIN), MaxValueValidator(INFLUENCE_MAX)],
    )
    stance = models.SmallIntegerField(_("stance"), choices=Stance.choices)
    assessed_on = models.DateField(_("assessed on"))
    # What they want and what they can do for or against the network (translatable).
    interest = models.TextField(_("interest"), blank=True)
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("stakeholder")
        verbose_name_plural = _("stakeholders")
        ordering = ["-influence", "name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(influence__gte=INFLUENCE_MIN, influence__lte=INFLUENCE_MAX),
                name="stakeholder_influence_1_to_5",
            ),
            models.CheckConstraint(
                condition=Q(stance__gte=-2, stance__lte=2), name="stakeholder_stance_in_range"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("planning:stakeholder_detail", kwargs={"pk": self.pk})


class Assessment(models.Model):
    """A stakeholder's influence and stance as assessed on a date; one per day."""

    stakeholder = models.ForeignKey(
        Stakeholder, on_delete=models.CASCADE, related_name="assessments"
    )
    assessed_on = models.DateField(_("assessed on"))
    influence = models.PositiveSmallIntegerField(
        _("influence"),
        validators=[MinValueValidator(INFLUENCE_MIN), MaxValueValidator(INFLUENCE_MAX)],
    )
    stance = models.SmallIntegerField(_("stance"), choices=Stance.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        ordering = ["-assessed_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["stakeholder", "assessed_on"], name="one_assessment_per_day"
            ),
            models.CheckConstraint(
                condition=Q(influence__gte=INFLUENCE_MIN, influence__lte=INFLUENCE_MAX),
                name="assessment_influence_1_to_5",
            ),
            models.CheckConstraint(
                condition=Q(stance__gte=-2, stance__lte=2), name="assessment_stance_in_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.stakeholder} ({self.assessed_on})"


# --- The plan -----------------------------------------------------------------------------------


class ActionStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    ONGOING = "ongoing", _("ongoing")
    DONE = "done", _("done")
    POSTPONED = "postponed", _("postponed")
    DROPPED = "dropped", _("dropped")


class PlanAction(Versioned):
    """A priority action of one network's part of the plan."""

    period = models.ForeignKey(
        PlanPeriod, verbose_name=_("period"), on_delete=models.PROTECT, related_name="actions"
    )
    # Whose part of the plan it is; its level is the network's.
    network = models.ForeignKey(
        Network, verbose_name=_("network"), on_delete=models.PROTECT, related_name="plan_actions"
    )
    domain = models.CharField(_("domain"), max_length=20, choices=Domain.choices)
    title = models.CharField(_("title"), max_length=200)
    # Written in one language; its translations are kept beside it (core/texts.py).
    description = models.TextField(_("description"), blank=True)
    # Who leads it: a network, a member organisation or a person (one of them, or nobody yet).
    lead_network = models.ForeignKey(
        Network,
        verbose_name=_("lead network"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="led_plan_actions",
    )
    lead_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("lead organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="led_plan_actions",
    )
    lead_person = models.ForeignKey(
        Person,
        verbose_name=_("lead person"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="led_plan_actions",
    )
    partner_networks = models.ManyToManyField(
        Network, verbose_name=_("partner networks"), blank=True, related_name="+"
    )
    partner_organisations = models.ManyToManyField(
        Organisation, verbose_name=_("partner organisations"), blank=True, related_name="+"
    )
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ActionStatus.choices, default=ActionStatus.PLANNED
    )
    progress = models.PositiveSmallIntegerField(
        _("progress (%)"), default=0, validators=[MaxValueValidator(PROGRESS_MAX)]
    )
    # What produced or changed it.
    decisions = models.ManyToManyField(
        Decision, verbose_name=_("decisions"), blank=True, related_name="plan_actions"
    )
    meetings = models.ManyToManyField(
        Meeting, verbose_name=_("meetings"), blank=True, related_name="plan_actions"
    )
    stakeholders = models.ManyToManyField(
        Stakeholder, verbose_name=_("stakeholders targeted"), blank=True, related_name="actions"
    )
    # Subsidiarity: the actions of networks below that this one serves and strengthens.
    strengthens = models.ManyToManyField(
        "self",
        verbose_name=_("strengthens"),
        symmetrical=False,
        blank=True,
        related_name="strengthened_by",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("plan action")
        verbose_name_plural = _("plan actions")
        ordering = ["domain", "starts_on", "pk"]
        indexes = [models.Index(fields=["period", "network", "domain"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(progress__lte=PROGRESS_MAX), name="plan_action_progress_at_most_100"
            ),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True)
                | Q(starts_on__isnull=True)
                | Q(ends_on__gte=models.F("starts_on")),
                name="plan_action_ends_after_start",
            ),
            models.CheckConstraint(
                condition=(
                    Q(lead_organisation__isnull=True, lead_person__isnull=True)
                    | Q(lead_network__isnull=True, lead_person__isnull=True)
                    | Q(lead_network__isnull=True, lead_organisation__isnull=True)
                ),
                name="plan_action_one_lead",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("planning:action_detail", kwargs={"pk": self.pk})

    @property
    def lead(self) -> Network | Organisation | Person | None:
        return self.lead_network or self.lead_organisation or self.lead_person


class Indicator(models.Model):
    """How an action's result is measured: a target, the value reached and when."""

    action = models.ForeignKey(PlanAction, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(_("indicator"), max_length=200)
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    target = models.DecimalField(
        _("target"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    actual = models.DecimalField(
        _("reached"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    measured_on = models.DateField(_("measured on"), null=True, blank=True)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name


class SuggestionKind(models.TextChoices):
    NEW = "new", _("a new action")
    CHANGE = "change", _("a change to an action")


class SuggestionStatus(models.TextChoices):
    PENDING = "pending", _("awaiting a decision")
    ACCEPTED = "accepted", _("accepted")
    MERGED = "merged", _("merged into an action")
    DECLINED = "declined", _("declined")


class Suggestion(models.Model):
    """A member's suggestion for a network's part of the plan, made from their own network:
    a new action, or a change to one. The plan's owners accept it (the action is created or
    changed), merge it into an existing action, or decline it with a reason."""

    kind = models.CharField(_("kind"), max_length=10, choices=SuggestionKind.choices)
    period = models.ForeignKey(
        PlanPeriod, verbose_name=_("period"), on_delete=models.PROTECT, related_name="+"
    )
    # The plan it is for (whose owners decide) and the network it comes from.
    network = models.ForeignKey(
        Network, verbose_name=_("for the plan of"), on_delete=models.PROTECT, related_name="+"
    )
    from_network = models.ForeignKey(
        Network, verbose_name=_("from"), on_delete=models.PROTECT, related_name="+"
    )
    # The action a change is suggested to, and its version then (to show what changed since).
    action = models.ForeignKey(
        PlanAction,
        verbose_name=_("action"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="suggestions",
    )
    action_version = models.PositiveIntegerField(null=True, blank=True)
    domain = models.CharField(_("domain"), max_length=20, choices=Domain.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    reason = models.TextField(_("why"), blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=SuggestionStatus.choices,
        default=SuggestionStatus.PENDING,
    )
    # The action it created, changed or was merged into.
    result = models.ForeignKey(
        PlanAction,
        verbose_name=_("resulting action"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="from_suggestions",
    )
    answer = models.TextField(_("answer"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("suggestion")
        verbose_name_plural = _("suggestions")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["network", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="new", action__isnull=True)
                | Q(kind="change", action__isnull=False),
                name="suggestion_change_names_its_action",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("planning:suggestion_detail", kwargs={"pk": self.pk})
