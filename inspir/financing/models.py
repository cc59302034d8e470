"""Financing social protection (DOMAIN.md, domain 4): the funders the networks follow, their
funding calls, and the joint proposals the networks prepare for them.

A funder is tracked by one network (whose focal point and coordinators keep it up to date);
every member reads it. A funding proposal is a joint application: owned by a network, led by
one organisation with partner organisations, prepared by a team of their people, asking a
funder (perhaps through one of its calls) for an amount in one currency. Amounts are
sensitive: only staff, the holders of `view_budgets` on the proposal's network and the
proposal's team see them (`financing/permissions.py`).

A proposal moves along a pipeline (`rules.PIPELINE`): idea → drafting → submitted → granted
or refused; a refused proposal may go back to drafting to be reworked. It counts in one year
(`year`, kept by the services, `rules.counting_year`): the year of its decision once decided,
else of its submission, else of its deadline, else of its creation."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from inspir.core.versioning import Versioned
from inspir.network.models import Network, Organisation, Person
from inspir.planning.models import PlanAction

AMOUNT_DIGITS = 14
AMOUNT_PLACES = 2


class FunderKind(models.TextChoices):
    MULTILATERAL = "multilateral", _("multilateral agency")
    BILATERAL = "bilateral", _("bilateral cooperation")
    EUROPEAN_UNION = "european_union", _("European Union")
    FOUNDATION = "foundation", _("foundation")
    PRIVATE = "private", _("private donor")
    GOVERNMENT = "government", _("government")


class Currency(models.TextChoices):
    """ISO 4217 codes of the currencies the network's funders pay in."""

    EUR = "EUR", _("EUR — euro")
    USD = "USD", _("USD — US dollar")
    XOF = "XOF", _("XOF — West African CFA franc")
    XAF = "XAF", _("XAF — Central African CFA franc")
    GBP = "GBP", _("GBP — pound sterling")
    CHF = "CHF", _("CHF — Swiss franc")
    CAD = "CAD", _("CAD — Canadian dollar")
    CDF = "CDF", _("CDF — Congolese franc")
    GNF = "GNF", _("GNF — Guinean franc")
    GTQ = "GTQ", _("GTQ — Guatemalan quetzal")
    INR = "INR", _("INR — Indian rupee")
    NPR = "NPR", _("NPR — Nepalese rupee")
    PEN = "PEN", _("PEN — Peruvian sol")
    BOB = "BOB", _("BOB — Bolivian boliviano")


class ProposalStatus(models.TextChoices):
    IDEA = "idea", _("idea")
    DRAFTING = "drafting", _("drafting")
    SUBMITTED = "submitted", _("submitted")
    GRANTED = "granted", _("granted")
    REFUSED = "refused", _("refused")


class Funder(Versioned):
    """A donor or agency the network follows: tracked by one network, read by every member."""

    network = models.ForeignKey(
        Network,
        verbose_name=_("tracked by"),
        on_delete=models.PROTECT,
        related_name="funders",
    )
    name = models.CharField(_("name"), max_length=200)
    acronym = models.CharField(_("acronym"), max_length=40, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=FunderKind.choices)
    url = models.URLField(_("web site"), blank=True)
    # What the network knows of it: priorities, contacts' roles, how to approach it.
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("funder")
        verbose_name_plural = _("funders")
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    def get_absolute_url(self) -> str:
        return reverse("financing:funder_detail", kwargs={"pk": self.pk})


class FundingCall(Versioned):
    """A funding stream or a call for proposals of a funder."""

    funder = models.ForeignKey(
        Funder, verbose_name=_("funder"), on_delete=models.PROTECT, related_name="calls"
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    opens_on = models.DateField(_("opens on"), null=True, blank=True)
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    url = models.URLField(_("web address"), blank=True)
    max_amount = models.DecimalField(
        _("largest amount"),
        max_digits=AMOUNT_DIGITS,
        decimal_places=AMOUNT_PLACES,
        null=True,
        blank=True,
    )
    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("funding call")
        verbose_name_plural = _("funding calls")
        ordering = ["deadline", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(max_amount__isnull=True) | Q(max_amount__gt=0, currency__gt=""),
                name="funding_call_amount_has_currency",
            ),
            models.CheckConstraint(
                condition=Q(opens_on__isnull=True)
                | Q(deadline__isnull=True)
                | Q(deadline__gte=models.F("opens_on")),
                name="funding_call_closes_after_opening",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("financing:funder_detail", kwargs={"pk": self.funder_id}) + (
            f"#call-{self.pk}"
        )


class FundingProposal(Versioned):
    """A joint application to a funder, prepared by a network's organisations."""

    network = models.ForeignKey(
        Network,
        verbose_name=_("network"),
        on_delete=models.PROTECT,
        related_name="funding_proposals",
    )
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    funder = models.ForeignKey(
        Funder, verbose_name=_("funder"), on_delete=models.PROTECT, related_name="proposals"
    )
    call = models.ForeignKey(
        FundingCall,
        verbose_name=_("call"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proposals",
    )
    lead_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("lead organisation"),
        on_delete=models.PROTECT,
        related_name="funding_proposals_led",
    )
    partner_organisations = models.ManyToManyField(
        Organisation, verbose_name=_("partner organisations"), blank=True, related_name="+"
    )
    # Only people of the lead or partner organisations (checked by the services).
    team = models.ManyToManyField(
        Person, verbose_name=_("team"), blank=True, related_name="funding_proposals"
    )
    amount_requested = models.DecimalField(
        _("amount requested"), max_digits=AMOUNT_DIGITS, decimal_places=AMOUNT_PLACES
    )
    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices)
    amount_granted = models.DecimalField(
        _("amount granted"),
        max_digits=AMOUNT_DIGITS,
        decimal_places=AMOUNT_PLACES,
        null=True,
        blank=True,
    )
    status = models.CharField(
        _("status"), max_length=12, choices=ProposalStatus.choices, default=ProposalStatus.IDEA
    )
    deadline = models.DateField(_("submission deadline"), null=True, blank=True)
    submitted_on = models.DateField(_("submitted on"), null=True, blank=True)
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    # The year it counts in (rules.counting_year), kept by the services: the totals group
    # by it in one query.
    year = models.PositiveSmallIntegerField(_("year"), db_index=True)
    plan_actions = models.ManyToManyField(
        PlanAction,
        verbose_name=_("plan actions it serves"),
        blank=True,
        related_name="funding_proposals",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("funding proposal")
        verbose_name_plural = _("funding proposals")
        ordering = ["-year", "deadline", "pk"]
        indexes = [models.Index(fields=["status", "deadline"], name="funding_status_deadline")]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount_requested__gte=0), name="funding_requested_not_negative"
            ),
            models.CheckConstraint(
                condition=Q(amount_granted__isnull=True) | Q(amount_granted__gte=0),
                name="funding_granted_not_negative",
            ),
            models.CheckConstraint(
                condition=~Q(status="granted") | Q(amount_granted__isnull=False),
                name="funding_granted_has_amount",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("financing:proposal_detail", kwargs={"pk": self.pk})


def document_path(instance: "ProposalDocument", filename: str) -> str:
    return f"financing/{instance.proposal_id}/{filename}"


class ProposalDocument(models.Model):
    """A file of a proposal (its narrative, its budget sheet, the funder's answer): read by
    those who read the proposal, never through a public address."""

    proposal = models.ForeignKey(
        FundingProposal,
        verbose_name=_("funding proposal"),
        on_delete=models.CASCADE,
        related_name="documents",
    )
    file = models.FileField(_("file"), upload_to=document_path, max_length=300)
    name = models.CharField(_("name"), max_length=255)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("proposal document")
        verbose_name_plural = _("proposal documents")
        ordering = ["uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.name
