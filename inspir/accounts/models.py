from typing import Any

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models, router
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True
    # `get(pk=…)`'s SQL per database, compiled once (see `get`).
    _by_pk: dict[str, str] = {}

    def get(self, *args: Any, **kwargs: Any) -> "User":
        """`get(pk=<int>)`, which every logged-in request makes to load its user (the
        authentication backends), runs SQL compiled once per process: the ORM's building
        and compiling cost more than the read. Any other lookup goes through the ORM."""
        pk = kwargs.get("pk")
        if args or len(kwargs) != 1 or type(pk) is not int or self._db is not None:
            return super().get(*args, **kwargs)
        alias = router.db_for_read(self.model)
        sql = self._by_pk.get(alias)
        if sql is None:
            sql, params = self.get_queryset().filter(pk=0).query.sql_with_params()
            if list(params) != [0]:  # not the plain statement expected: let the ORM do it
                return super().get(*args, **kwargs)
            self._by_pk[alias] = sql
        found = list(self.raw(sql, [pk], using=alias))
        if not found:
            raise self.model.DoesNotExist(
                f"{self.model._meta.object_name} matching query does not exist."
            )
        return found[0]

    def _create(self, email: str, password: str | None, **extra: object) -> "User":
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra: object) -> "User":
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra: object) -> "User":
        extra.update(is_staff=True, is_superuser=True)
        return self._create(email, password, **extra)


class User(AbstractUser):
    """An account. People log in with their e-mail address; there is no user name."""

    username = None  # type: ignore[assignment]
    email = models.EmailField(_("e-mail address"), unique=True)
    person = models.OneToOneField(
        "network.Person",
        verbose_name=_("person in the network"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="user",
    )

    # Set when the person asked for erasure: the row stays so that what they did in the
    # network keeps an author ("former member"), but nothing personal remains on it.
    erased_at = models.DateTimeField(null=True, blank=True, editable=False)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []  # type: ignore[misc]

    objects = UserManager()  # type: ignore[assignment,misc]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        if self.erased_at:
            return str(_("former member"))
        return self.get_full_name() or self.email


class Role(models.TextChoices):
    MEMBER = "member", _("Member")
    # The national focal point: acts for the network (its input, its reports, its proposals)
    # and keeps its pages and its organisations' profiles (accounts/permissions.py).
    FOCAL_POINT = "focal_point", _("Focal point")
    COORDINATOR = "coordinator", _("Coordinator")


class NetworkRole(models.Model):
    """What a user may do in one network (and, through it, in the networks below it)."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="network_roles")
    network = models.ForeignKey(
        "network.Network", on_delete=models.CASCADE, related_name="user_roles"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)

    class Meta:
        verbose_name = _("role in a network")
        verbose_name_plural = _("roles in networks")
        constraints = [
            models.UniqueConstraint(fields=["user", "network"], name="one_role_per_user_network")
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} — {self.network}"


class InvitationQuerySet(models.QuerySet["Invitation"]):
    def pending(self) -> "InvitationQuerySet":
        return self.filter(
            accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now()
        )


class Invitation(models.Model):
    """A coordinator's invitation to join a network with a role. The link it sends carries
    a random token; only its SHA-256 digest is stored, so a database leak opens no account."""

    email = models.EmailField(_("e-mail address"))
    network = models.ForeignKey(
        "network.Network",
        verbose_name=_("network"),
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    language = models.CharField(_("language of the e-mail"), max_length=5, default="en")
    token_digest = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, related_name="invitations_sent"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"))
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.email} → {self.network} ({self.get_role_display()})"

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()
