from django.db import migrations

from wiki.reference_data import municipality_rows, topic_rows


def load(apps, schema_editor):
    Municipality = apps.get_model("wiki", "Municipality")
    Topic = apps.get_model("wiki", "Topic")
    for row in municipality_rows():
        Municipality.objects.update_or_create(ags=row["ags"], defaults=row)
    for row in topic_rows():
        Topic.objects.get_or_create(name=row["name"], defaults=row)


class Migration(migrations.Migration):
    dependencies = [("wiki", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
