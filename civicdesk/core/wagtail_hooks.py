from wagtail import hooks

from civicdesk.core.viewsets import OfficeClosureViewSet


@hooks.register("register_admin_viewset")
def register_office_closures() -> OfficeClosureViewSet:
    return OfficeClosureViewSet("office_closures")
