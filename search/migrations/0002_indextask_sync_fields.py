# Outbox fields for the index sync (issue 5). Written by hand so that it holds only the
# IndexTask changes; the integrator regenerates migrations at the end.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("search", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="indextask",
            name="claimed_until",
            field=models.DateTimeField(blank=True, null=True, verbose_name="Reserviert bis"),
        ),
        migrations.AddField(
            model_name="indextask",
            name="fallback_applied_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="Datenbank-Index aktualisiert"),
        ),
        migrations.AddIndex(
            model_name="indextask",
            index=models.Index(fields=["done_at", "next_attempt_at"], name="search_task_due"),
        ),
    ]
