from django.db import migrations

BATCH_SIZE = 500


def copy_figures(apps, schema_editor):
    """Each organisation's figure and its year, as the profile holds them, become the first
    entry of its history of figures (`BeneficiaryCount`)."""
    organisation = apps.get_model("network", "Organisation")
    beneficiary_count = apps.get_model("network", "BeneficiaryCount")
    figures = organisation.objects.filter(
        beneficiaries__isnull=False, beneficiaries_year__isnull=False
    ).values_list("pk", "beneficiaries_year", "beneficiaries")
    beneficiary_count.objects.bulk_create(
        [
            beneficiary_count(organisation_id=pk, year=year, beneficiaries=beneficiaries)
            for pk, year, beneficiaries in figures.iterator(chunk_size=BATCH_SIZE)
        ],
        batch_size=BATCH_SIZE,
        ignore_conflicts=True,
    )


def forget_figures(apps, schema_editor):
    """Going back: the profile still holds each organisation's latest figure."""
    apps.get_model("network", "BeneficiaryCount").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0009_network_dates_and_beneficiary_counts"),
    ]

    operations = [migrations.RunPython(copy_figures, forget_figures)]
