"""Mails stored before secrets were sealed held query passwords and confirmation tokens in their
text: take them out. Queued mails keep them sealed so the citizen still gets a usable mail."""

import re

from django.db import migrations

from civicdesk.notifications.sealing import placeholder, seal

PATTERNS = {
    "case_confirmed": ("password", re.compile(r"(?<=查詢密碼：)(\S+)|(?<=Query password: )(\S+)")),
    "case_confirm": ("token", re.compile(r"(?<=/petitions/confirm/)([A-Za-z0-9_-]+)(?=/)")),
}


def seal_stored_secrets(apps, schema_editor):
    OutboundMail = apps.get_model("notifications", "OutboundMail")
    for template, (name, pattern) in PATTERNS.items():
        for mail in OutboundMail.objects.filter(template=template).iterator():
            match = pattern.search(mail.body)
            if match is None or match.group(0) == placeholder(name):
                continue
            mail.body = pattern.sub(placeholder(name), mail.body)
            mail.sealed_secrets = seal({name: match.group(0)}) if mail.status == "queued" else ""
            mail.save(update_fields=["body", "sealed_secrets"])


class Migration(migrations.Migration):
    dependencies = [("notifications", "0002_mail_secrets_sealed")]

    operations = [migrations.RunPython(seal_stored_secrets, migrations.RunPython.noop)]
