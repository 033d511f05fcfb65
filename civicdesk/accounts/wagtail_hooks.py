from wagtail import hooks

from civicdesk.accounts.staff.viewsets import OrganisationViewSetGroup


@hooks.register("register_admin_viewset")
def register_organisation() -> OrganisationViewSetGroup:
    return OrganisationViewSetGroup()
