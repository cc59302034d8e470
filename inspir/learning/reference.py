"""What a resource of the library is classified by: the nine branches of social security
(Parts II–X of ILO Convention No. 102) and the five policy principles the network defends.

The branches' keys and names in English, French and Spanish are copied from
/work/shared/data/branches.json (sources in /work/shared/data/SOURCES.md, section 1:
"C102: Social Security (Minimum Standards) Convention, 1952"). They are the Part titles of
the Convention, as that file's `note_on_naming` advises for an interface; they are the
instrument's own names, so they are kept here in the three languages rather than in the
interface's catalogues. Verification, as the file flags it: every name is "verified" in a
cited source except the French title of Part VI ("Prestations en cas d'accidents du travail
et de maladies professionnelles"), which is "official_text_recalled" (the official text as
recalled, its exact passage not seen in a source excerpt): check it before publishing.

The principles are the network's vision (DOMAIN.md, "Policy principles the network
defends"), in the interface's words (gettext)."""

from dataclasses import dataclass

from django.utils.functional import lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Branch:
    part: str  # the Part of Convention No. 102 (II–X)
    key: str
    en: str
    fr: str
    es: str


BRANCHES: tuple[Branch, ...] = (
    Branch("II", "medical_care", "Medical Care", "Soins médicaux", "Asistencia médica"),
    Branch(
        "III",
        "sickness",
        "Sickness Benefit",
        "Indemnités de maladie",
        "Prestaciones monetarias de enfermedad",
    ),
    Branch(
        "IV",
        "unemployment",
        "Unemployment Benefit",
        "Prestations de chômage",
        "Prestaciones de desempleo",
    ),
    Branch("V", "old_age", "Old-Age Benefit", "Prestations de vieillesse", "Prestaciones de vejez"),
    Branch(
        "VI",
        "employment_injury",
        "Employment Injury Benefit",
        # Not verified in a source excerpt (branches.json: "official_text_recalled").
        "Prestations en cas d'accidents du travail et de maladies professionnelles",
        "Prestaciones en caso de accidente del trabajo y de enfermedad profesional",
    ),
    Branch(
        "VII", "family", "Family Benefit", "Prestations aux familles", "Prestaciones familiares"
    ),
    Branch(
        "VIII",
        "maternity",
        "Maternity Benefit",
        "Prestations de maternité",
        "Prestaciones de maternidad",
    ),
    Branch(
        "IX",
        "invalidity",
        "Invalidity Benefit",
        "Prestations d'invalidité",
        "Prestaciones de invalidez",
    ),
    Branch(
        "X",
        "survivors",
        "Survivors' Benefit",
        "Prestations de survivants",
        "Prestaciones de sobrevivientes",
    ),
)
BRANCH_KEYS = tuple(branch.key for branch in BRANCHES)
_BY_KEY = {branch.key: branch for branch in BRANCHES}


def branch_name(key: str, language: str | None = None) -> str:
    """The Part title of branch `key` in `language` (the interface's by default; English
    for a language the file does not give)."""
    branch = _BY_KEY.get(key)
    if branch is None:
        return key
    language = (language or get_language() or "en")[:2]
    if language not in ("en", "fr", "es"):
        return branch.en
    return str(getattr(branch, language))


branch_name_lazy = lazy(branch_name, str)
# (key, name in the reader's language), in the order of the Convention's Parts.
BRANCH_CHOICES = [(branch.key, branch_name_lazy(branch.key)) for branch in BRANCHES]


PRINCIPLES: tuple[tuple[str, object], ...] = (
    ("rights_based", _("Rights-based approach")),
    ("combination", _("Combination of measures (prevention, protection, promotion)")),
    ("stakeholders", _("Multiple stakeholders (state, civil society, private sector)")),
    ("financing", _("Multiple sources of financing (national and international)")),
    ("life_cycle", _("Life-cycle approach (from birth to death)")),
)
PRINCIPLE_KEYS = tuple(key for key, _label in PRINCIPLES)
PRINCIPLE_CHOICES = list(PRINCIPLES)


def reference_rows_ensure(using: str = "default", **_signal_arguments: object) -> None:
    """Write the branches' and principles' rows where they are missing: the migration writes
    them once, and this, run after every `migrate` and `flush` (post_migrate), puts them back
    in a database emptied for a restore or between tests, as contenttypes does its own."""
    from inspir.learning.models import Branch, Principle

    Branch.objects.using(using).bulk_create(
        [Branch(key=key, position=order) for order, key in enumerate(BRANCH_KEYS, start=1)],
        ignore_conflicts=True,
    )
    Principle.objects.using(using).bulk_create(
        [Principle(key=key, position=order) for order, key in enumerate(PRINCIPLE_KEYS, start=1)],
        ignore_conflicts=True,
    )
