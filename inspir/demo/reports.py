"""The demo's 2020 annual report: the introduction and credits its producers wrote (in
French, translated into English and Spanish), and its editions, asked for as the
intercontinental coordinator would and published once laid out.

Keyed so that loading again changes nothing: the texts on their network and year, the
editions on their data's fingerprint (an edition of the same data is not made twice). With
the database queue the worker lays the editions out (`make demo`); with the immediate one
they wait until `manage.py resume_report_editions` finds them stalled."""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone, translation
from django_tasks_db import DatabaseBackend

from inspir.core.models import TextOriginal, TextTranslation
from inspir.core.tasks import enqueue_with_change
from inspir.network.models import Level, Network
from inspir.reports import selectors
from inspir.reports.models import Edition, ReportText

YEAR = 2020

INTRODUCTION = {
    "fr": (
        "2020 devait être l'année où INSP!R, fondé à Genève en novembre 2019, se mettait en "
        "route sur les quatre continents. La pandémie a fermé les frontières : le comité de "
        "pilotage s'est donc réuni en ligne, et les réseaux continentaux et nationaux ont "
        "appris à travailler ensemble à distance.\n\n"
        "Ce rapport montre ce que le réseau a accompli malgré tout : une prise de position sur "
        "la COVID-19, des critères pour un Fonds mondial pour la protection sociale remis au "
        "Rapporteur spécial des Nations unies, des échanges entre mouvements sociaux, une "
        "identité visuelle commune et les premières propositions de financement conjointes."
    ),
    "en": (
        "2020 was to be the year when INSP!R, founded in Geneva in November 2019, got under "
        "way on four continents. The pandemic closed the borders: the steering committee met "
        "online, and the continental and national networks learned to work together at a "
        "distance.\n\n"
        "This report shows what the network achieved all the same: a position on COVID-19, "
        "criteria for a Global Fund for Social Protection handed to the UN Special Rapporteur, "
        "exchanges between social movements, a shared visual identity and the first joint "
        "funding proposals."
    ),
    "es": (
        "2020 debía ser el año en que INSP!R, fundado en Ginebra en noviembre de 2019, se "
        "pusiera en marcha en cuatro continentes. La pandemia cerró las fronteras: el comité "
        "de pilotaje se reunió en línea, y las redes continentales y nacionales aprendieron a "
        "trabajar juntas a distancia.\n\n"
        "Este informe muestra lo que la red logró a pesar de todo: un posicionamiento sobre la "
        "COVID-19, criterios para un Fondo Mundial de Protección Social entregados al Relator "
        "Especial de las Naciones Unidas, intercambios entre movimientos sociales, una "
        "identidad visual común y las primeras propuestas de financiación conjuntas."
    ),
}
CREDITS = {
    "fr": (
        "Rapport rédigé par le secrétariat du comité de pilotage avec les coordinations "
        "continentales. Chiffres tirés des données du réseau au 31 décembre 2020."
    ),
    "en": (
        "Report written by the steering committee's secretariat with the continental "
        "coordinators. Figures drawn from the network's records on 31 December 2020."
    ),
    "es": (
        "Informe redactado por la secretaría del comité de pilotaje con las coordinaciones "
        "continentales. Cifras tomadas de los datos de la red al 31 de diciembre de 2020."
    ),
}


def _texts_load(network: Network) -> ReportText:
    with translation.override("fr"):  # the language the originals are kept in
        text, _created = ReportText.objects.update_or_create(
            network=network,
            year=YEAR,
            defaults={"introduction": INTRODUCTION["fr"], "credits": CREDITS["fr"]},
        )
    content_type = ContentType.objects.get_for_model(ReportText, for_concrete_model=False)
    for field, versions in (("introduction", INTRODUCTION), ("credits", CREDITS)):
        original = TextOriginal.objects.filter(
            content_type=content_type, object_id=text.pk, field=field
        ).first()
        if original is None:
            continue
        for language in ("en", "es"):
            TextTranslation.objects.update_or_create(
                original=original,
                language=language,
                defaults={
                    "text": versions[language],
                    "status": "reviewed",
                    "source_revision": original.revision,
                    "source_text": versions["fr"],
                },
            )
    return text


def load_reports() -> int:
    """Write the 2020 report's texts and ask for its editions; the number of editions newly
    asked for."""
    from inspir.reports.tasks import edition_render

    network = Network.objects.filter(level=Level.INTERCONTINENTAL).first()
    if network is None:
        return 0
    _texts_load(network)
    asked = 0
    for language in ("fr", "en", "es"):
        data = selectors.report_data(network, YEAR, language)
        digest = selectors.fingerprint(data)
        with transaction.atomic():
            edition, created = Edition.objects.get_or_create(
                network=network,
                year=YEAR,
                language=language,
                fingerprint=digest,
                defaults={
                    "snapshot": data,
                    "progress_at": timezone.now(),
                    # Public once laid out: only ready editions are ever offered.
                    "published_at": datetime.datetime(2021, 3, 1, tzinfo=datetime.UTC),
                },
            )
            if created:
                asked += 1
                # With the database queue (`make demo`) the worker lays them out. With the
                # immediate one (the tests) they wait: laying three PDFs out inline would
                # add seconds to every test that loads the demo; their pages read the data.
                if isinstance(edition_render.get_backend(), DatabaseBackend):
                    enqueue_with_change(edition_render, edition.pk)
    return asked
