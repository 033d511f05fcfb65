from django.apps import AppConfig
from django.core import checks


class CoreConfig(AppConfig):
    name = "civicdesk.core"
    label = "core"
    verbose_name = "civicdesk core"

    def ready(self) -> None:
        from civicdesk.core.checks import check_private_files, check_trusted_proxies
        from civicdesk.core.office.fonts import check_font_files
        from civicdesk.core.siteurl import check_site_base_url

        checks.register(check_trusted_proxies)
        checks.register(check_private_files)
        checks.register(check_site_base_url)
        checks.register(check_font_files)
