import datetime
import zoneinfo
from functools import cached_property

from babel import Locale
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inspir.core.collation import SortKeyField, SortKeysMixin
from inspir.core.i18n import current_language
from inspir.core.versioning import Versioned


def validate_time_zone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(
            _("%(value)s is not a known IANA time zone."), params={"value": value}
        )


class Country(models.Model):
    """A country where the network works. Names come from the Unicode CLDR through Babel
    in the reader's language, so they are never typed (or mistyped) by hand."""

    code = models.CharField(_("ISO 3166 code"), max_length=2, unique=True)
    time_zones = models.JSONField(
        _("IANA time zones"), default=list, help_text=_("The first is the capital's.")
    )

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.name_in(current_language())

    def name_in(self, language: str) -> str:
        return Locale.parse(language).territories.get(self.code, self.code)

    @property
    def main_time_zone(self) -> str:
        return self.time_zones[0] if self.time_zones else "UTC"


class Level(models.TextChoices):
    NATIONAL = "national", _("National")
    CONTINENTAL = "continental", _("Continental")
    INTERCONTINENTAL = "intercontinental", _("Intercontinental")


def top_down(prefix: str = "") -> models.Case:
    """An ordering of networks from the top of the tree down (intercontinental, continental,
    national): `order_by(top_down(), name_order())`; `top_down("network__")` for a record's
    network."""
    return models.Case(
        models.When(**{f"{prefix}level": Level.INTERCONTINENTAL}, then=models.Value(0)),
        models.When(**{f"{prefix}level": Level.CONTINENTAL}, then=models.Value(1)),
        default=models.Value(2),
        output_field=models.IntegerField(),
    )


# The level a network's parent must have: national networks sit in a continental network,
# continental networks in the intercontinental one, which has no parent.
PARENT_LEVEL = {
    Level.NATIONAL: Level.CONTINENTAL,
    Level.CONTINENTAL: Level.INTERCONTINENTAL,
    Level.INTERCONTINENTAL: None,
}


class NetworkQuerySet(models.QuerySet["Network"]):
    def subtree_of(self, network_ids: "list[int] | models.QuerySet") -> "NetworkQuerySet":
        """The networks given and every network below them (the tree is three levels deep)."""
        return self.filter(
            Q(pk__in=network_ids) | Q(parent__in=network_ids) | Q(parent__parent__in=network_ids)
        )

    def existing(self, on: datetime.date | None = None) -> "NetworkQuerySet":
        """The networks that exist on day `on` (today by default): started by then (or with
        no known start: counted as having always existed) and not ended before it."""
        day = on or timezone.localdate()
        return self.filter(
            Q(start_date__isnull=True) | Q(start_date__lte=day),
            Q(end_date__isnull=True) | Q(end_date__gte=day),
        )


class Network(SortKeysMixin, Versioned):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short address"), max_length=80, unique=True)
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    countries = models.ManyToManyField(
        Country, verbose_name=_("countries"), related_name="networks", blank=True
    )
    # When the network was formed and, should it be dissolved, its last day: the annual report
    # counts a network only in the years it existed. An unknown start counts it from always.
    start_date = models.DateField(
        _("active since"),
        null=True,
        blank=True,
        help_text=_("Leave empty if unknown: the network is then counted in every year."),
    )
    end_date = models.DateField(_("active until"), null=True, blank=True)
    # Written in one language; its translations are kept beside it (core/texts.py).
    description = models.TextField(_("description"), blank=True)
    # The name's place in each language's alphabetical order (`name_order()` picks one).
    name_sort_fr = SortKeyField(language="fr")
    name_sort_en = SortKeyField(language="en")
    name_sort_es = SortKeyField(language="es")

    objects = NetworkQuerySet.as_manager()

    class Meta:
        verbose_name = _("network")
        verbose_name_plural = _("networks")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(level="intercontinental", parent__isnull=True)
                | (~Q(level="intercontinental") & Q(parent__isnull=False)),
                name="network_parent_matches_level",
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="network_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("network:network_detail", kwargs={"slug": self.slug})

    def clean(self) -> None:
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("A network cannot end before it started.")})
        if self.level not in Level.values:
            return  # the field's own validation reports it
        expected = PARENT_LEVEL[Level(self.level)]
        if expected is None and self.parent_id:
            raise ValidationError({"parent": _("The intercontinental network has no parent.")})
        if expected is not None and (self.parent is None or self.parent.level != expected):
            raise ValidationError(
                {"parent": _("A %(level)s network must be part of a %(parent)s network.")},
                params={"level": self.get_level_display(), "parent": Level(expected).label},
            )


class OrganisationKind(models.TextChoices):
    TRADE_UNION = "trade_union", _("Trade union")
    HEALTH_MUTUAL = "health_mutual", _("Health mutual")
    WOMEN = "women", _("Women's organisation")
    YOUTH = "youth", _("Youth organisation")
    OLDER_PEOPLE = "older_people", _("Older people's organisation")
    MIGRANT_WORKERS = "migrant_workers", _("Migrant or precarious workers' organisation")
    SOCIAL_ECONOMY = "social_economy", _("Social and solidarity economy initiative")
    NGO = "ngo", _("NGO or support organisation")
    RESEARCH = "research", _("Research centre")
    COORDINATING = "coordinating", _("Coordinating organisation")


class Organisation(SortKeysMixin, Versioned):
    name = models.CharField(_("name"), max_length=250)
    acronym = models.CharField(_("acronym"), max_length=40, blank=True)
    slug = models.SlugField(_("short address"), max_length=100, unique=True)
    kind = models.CharField(_("kind"), max_length=30, choices=OrganisationKind.choices)
    is_social_movement = models.BooleanField(
        _("social movement"),
        default=False,
        help_text=_("A movement of people active on the ground, rather than a support body."),
    )
    country = models.ForeignKey(
        Country, verbose_name=_("country"), on_delete=models.PROTECT, related_name="organisations"
    )
    beneficiaries = models.PositiveIntegerField(_("direct beneficiaries"), null=True, blank=True)
    beneficiaries_year = models.PositiveSmallIntegerField(
        _("year of the beneficiaries figure"), null=True, blank=True
    )
    website = models.URLField(_("website"), blank=True)
    # Written in one language; its translations are kept beside it (core/texts.py).
    description = models.TextField(_("description"), blank=True)
    languages = models.JSONField(_("working languages"), default=list, blank=True)
    # The name's place in each language's alphabetical order (`name_order()` picks one).
    name_sort_fr = SortKeyField(language="fr")
    name_sort_en = SortKeyField(language="en")
    name_sort_es = SortKeyField(language="es")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(beneficiaries_year__isnull=True)
                | Q(beneficiaries_year__gte=1900, beneficiaries_year__lte=2100),
                name="organisation_beneficiaries_year_plausible",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    def get_absolute_url(self) -> str:
        return reverse("network:organisation_detail", kwargs={"slug": self.slug})


class BeneficiaryCount(models.Model):
    """An organisation's number of direct beneficiaries for one year. The profile holds the
    latest figure (`Organisation.beneficiaries`, `beneficiaries_year`); every figure saved
    with its year is also kept here, so that a new year's figure does not erase the last
    one, and a year's report keeps the figures of its year."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="beneficiary_counts",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    beneficiaries = models.PositiveIntegerField(_("direct beneficiaries"))

    class Meta:
        verbose_name = _("number of beneficiaries")
        verbose_name_plural = _("numbers of beneficiaries")
        ordering = ["organisation", "-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "year"], name="beneficiary_count_one_per_year"
            ),
            models.CheckConstraint(
                condition=Q(year__gte=1900, year__lte=2100),
                name="beneficiary_count_year_plausible",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} — {self.year}: {self.beneficiaries}"


class MembershipRole(models.TextChoices):
    MEMBER = "member", _("Member organisation")
    STRATEGIC_PARTNER = "strategic_partner", _("Continental strategic partner")


class MembershipQuerySet(models.QuerySet["Membership"]):
    def current(self, on=None) -> "MembershipQuerySet":
        day = on or timezone.localdate()
        return self.filter(Q(start_date__lte=day), Q(end_date__isnull=True) | Q(end_date__gte=day))


class Membership(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="memberships")
    role = models.CharField(
        _("role"), max_length=20, choices=MembershipRole.choices, default=MembershipRole.MEMBER
    )
    start_date = models.DateField(_("from"))
    end_date = models.DateField(_("until"), null=True, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["network__name", "organisation__name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="membership_ends_after_start",
            )
        ]
        indexes = [models.Index(fields=["network", "role", "start_date", "end_date"])]

    def __str__(self) -> str:
        return f"{self.organisation} — {self.network}"


class Person(SortKeysMixin, Versioned):
    """Someone of the network. Edited by the person themselves from their account's
    profile (accounts), hence versioned: two saves of one profile never overwrite silently."""

    name = models.CharField(_("name"), max_length=200)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="people",
    )
    country = models.ForeignKey(
        Country, verbose_name=_("country"), on_delete=models.PROTECT, related_name="people"
    )
    time_zone = models.CharField(
        _("time zone"), max_length=64, validators=[validate_time_zone], default="UTC"
    )
    # Language codes, the preferred one first.
    languages = models.JSONField(_("languages"), default=list, blank=True)
    # The platform's languages the person writes well enough to translate into, so that
    # coordinators know whom to name translator (inspir/translations).
    writes_languages = models.JSONField(_("languages written"), default=list, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    # The name's place in each language's alphabetical order (`name_order()` picks one).
    name_sort_fr = SortKeyField(language="fr")
    name_sort_en = SortKeyField(language="en")
    name_sort_es = SortKeyField(language="es")

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @cached_property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)
