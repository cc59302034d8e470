import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    """Apart from the data migration that fills it: PostgreSQL does not alter a table in
    the transaction that updated its rows' foreign keys."""

    dependencies = [("governance", "0009_offices_consent_rounds_minutes_data")]

    operations = [
        migrations.AlterField(
            model_name="decision",
            name="committee",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="decisions",
                to="governance.committee",
                verbose_name="committee",
            ),
        ),
    ]
