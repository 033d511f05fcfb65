"""Staff screens of the kernel in the Wagtail admin: office closures (停止上班)."""

from typing import Any

from django.db.models import QuerySet
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.generic import CreateView, DeleteView, EditView, IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log

from civicdesk.core.forms import OfficeClosureForm
from civicdesk.core.models import OfficeDay
from civicdesk.core.services import OfficeClosureError, office_closure_add, office_closure_remove

# Closures are listed, added and deleted, never edited: a wrong one is deleted and added again,
# so every write goes through the two services. Imported DGPA days are not shown at all.


class OfficeClosureIndexView(IndexView):
    def get_base_queryset(self) -> QuerySet[OfficeDay]:
        return OfficeDay.objects.closures().select_related("created_by")

    def get_edit_url(self, instance: OfficeDay) -> None:
        return None


class OfficeClosureCreateView(CreateView):
    def form_valid(self, form: OfficeClosureForm) -> HttpResponse:
        try:
            return super().form_valid(form)  # type: ignore[no-any-return]
        except OfficeClosureError as exc:
            form.add_error(None, str(exc))
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)  # type: ignore[no-any-return]

    def save_instance(self) -> OfficeDay:
        closure = office_closure_add(
            day=self.form.cleaned_data["date"],
            reason=self.form.cleaned_data["note"],
            user=self.request.user,
        )
        log(instance=closure, action="wagtail.create", user=self.request.user)
        return closure

    def get_success_buttons(self) -> list[Any]:
        return []


class OfficeClosureEditView(EditView):
    def get_queryset(self) -> QuerySet[OfficeDay]:
        return OfficeDay.objects.none()  # every edit URL is a 404; see the module comment


class OfficeClosureDeleteView(DeleteView):
    def get_queryset(self) -> QuerySet[OfficeDay]:
        return OfficeDay.objects.closures()

    def delete_action(self) -> None:
        log(instance=self.object, action="wagtail.delete", user=self.request.user)
        office_closure_remove(day=self.object.date)


class OfficeClosureInspectView(InspectView):
    def get_object(self) -> OfficeDay:
        return get_object_or_404(OfficeDay.objects.closures(), pk=self.pk)

    def get_edit_url(self) -> None:
        return None


class OfficeClosureViewSet(ModelViewSet):
    model = OfficeDay
    icon = "date"
    menu_label = _("Office closures")
    add_to_admin_menu = True
    menu_order = 250
    list_display = ["date", "note", "created_by", "created_at"]
    ordering = "-date"
    copy_view_enabled = False
    add_to_reference_index = False  # nothing points at an office day
    inspect_view_enabled = True
    inspect_view_fields = ["date", "note", "created_by", "created_at"]

    index_view_class = OfficeClosureIndexView
    add_view_class = OfficeClosureCreateView
    edit_view_class = OfficeClosureEditView
    delete_view_class = OfficeClosureDeleteView
    inspect_view_class = OfficeClosureInspectView

    def get_form_class(self, for_update: bool = False) -> type[OfficeClosureForm]:
        return OfficeClosureForm
