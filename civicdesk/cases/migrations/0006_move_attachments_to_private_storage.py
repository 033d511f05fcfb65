"""Attachments saved before private storage lived under the public media folder: move them."""

from django.core.files.storage import default_storage
from django.db import migrations

from civicdesk.core.storage import private_storage


def move_to_private(apps, schema_editor):
    Attachment = apps.get_model("cases", "Attachment")
    private = private_storage()
    for attachment in Attachment.objects.exclude(file="").iterator():
        name = attachment.file.name
        if private.exists(name) or not default_storage.exists(name):
            continue
        with default_storage.open(name, "rb") as public_file:
            stored = private.save(name, public_file)
        if stored != name:
            Attachment.objects.filter(pk=attachment.pk).update(file=stored)
        default_storage.delete(name)


class Migration(migrations.Migration):
    dependencies = [("cases", "0005_attachments_private_access_purpose")]

    operations = [migrations.RunPython(move_to_private, migrations.RunPython.noop)]
