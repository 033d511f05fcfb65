"""Wagtail model screens whose every write goes through the owning app's services.

A viewset names a save service, `save(*, instance=None, **cleaned_data) -> instance`, and a
delete service, `delete(*, instance) -> None`; the form still validates and renders, but never
saves. Each write leaves Wagtail's log entry (Reports → Site history) as before.
"""

from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponse
from wagtail.admin.views.generic import CreateView, DeleteView, EditView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log

SaveService = Callable[..., models.Model]
DeleteService = Callable[..., None]


class _ServiceFormMixin:
    save_service: SaveService | None = None
    form: Any
    request: Any

    def form_valid(self, form: Any) -> HttpResponse:
        try:
            return super().form_valid(form)  # type: ignore[misc, no-any-return]
        except ValidationError as exc:
            form.add_error(None, exc)
            return self.form_invalid(form)  # type: ignore[attr-defined, no-any-return]

    def _save(self, instance: models.Model | None, action: str) -> models.Model:
        assert self.save_service is not None, "a ServiceModelViewSet names its save service"
        saved = self.save_service(instance=instance, **self.form.cleaned_data)
        log(instance=saved, action=action, user=self.request.user)
        return saved


class ServiceCreateView(_ServiceFormMixin, CreateView):
    def save_instance(self) -> models.Model:
        return self._save(None, "wagtail.create")


class ServiceEditView(_ServiceFormMixin, EditView):
    def save_instance(self) -> models.Model:
        return self._save(self.object, "wagtail.edit")


class ServiceDeleteView(DeleteView):
    delete_service: DeleteService | None = None

    def delete_action(self) -> None:
        assert self.delete_service is not None, "a ServiceModelViewSet names its delete service"
        log(instance=self.object, action="wagtail.delete", user=self.request.user)
        self.delete_service(instance=self.object)


class ServiceModelViewSet(ModelViewSet):
    """A ModelViewSet that saves and deletes through services; copying is off (it would not)."""

    save_service: SaveService
    delete_service: DeleteService | None = None
    add_view_class = ServiceCreateView
    edit_view_class = ServiceEditView
    delete_view_class = ServiceDeleteView
    copy_view_enabled = False

    def get_add_view_kwargs(self, **kwargs: Any) -> Any:
        return super().get_add_view_kwargs(save_service=type(self).save_service, **kwargs)

    def get_edit_view_kwargs(self, **kwargs: Any) -> Any:
        return super().get_edit_view_kwargs(save_service=type(self).save_service, **kwargs)

    def get_delete_view_kwargs(self, **kwargs: Any) -> Any:
        return super().get_delete_view_kwargs(delete_service=type(self).delete_service, **kwargs)

    def get_common_view_kwargs(self, **kwargs: Any) -> Any:
        if self.delete_service is None:  # nothing may delete it: no button, no URL
            kwargs["delete_url_name"] = None
        return super().get_common_view_kwargs(**kwargs)

    def get_urlpatterns(self) -> Any:
        patterns = super().get_urlpatterns()
        if self.delete_service is None:
            return [p for p in patterns if p.name != "delete"]
        return patterns
