"""An index for the statistics' period filter (received_on). On PostgreSQL it covers every
column the dashboard groups and counts by, so the dashboard reads the index alone instead
of the case table with its long texts (bench/cases.py measures it at 1M cases). SQLite has
no covering indexes and gets the plain index."""

from django.db import migrations

COVERED = (
    "category_id, channel, unit_id, officer_id, outcome, state, closed_at, deadline, "
    "extension_count, repeat_of_id"
)


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX cases_received_on_cover ON cases_case (received_on) INCLUDE ({COVERED})"
        )
    else:
        schema_editor.execute("CREATE INDEX cases_received_on_cover ON cases_case (received_on)")


def drop(apps, schema_editor):
    schema_editor.execute("DROP INDEX cases_received_on_cover")


class Migration(migrations.Migration):
    dependencies = [("cases", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
