"""Open-data catalogue endpoints: data.gov.tw dataset fields (JSON) and DCAT-AP (JSON-LD)."""

from django.http import HttpRequest, JsonResponse
from django.urls import reverse
from django.views.decorators.cache import cache_page
from django.views.decorators.http import require_safe

from civicdesk.api.catalogue import datagovtw_catalogue, dcat_catalogue
from civicdesk.api.selectors import (
    catalogue_datasets,
    catalogue_publisher,
    catalogue_schemes,
    catalogue_texts,
)
from civicdesk.core.siteurl import absolute_url

CACHE_SECONDS = 600
JSON_OPTIONS = {"ensure_ascii": False, "indent": 1}


@require_safe
@cache_page(CACHE_SECONDS)
def catalogue_datagovtw(request: HttpRequest) -> JsonResponse:
    publisher = catalogue_publisher()
    records = datagovtw_catalogue(catalogue_datasets(), publisher)
    response = JsonResponse(records, safe=False, json_dumps_params=JSON_OPTIONS)
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_safe
@cache_page(CACHE_SECONDS)
def catalogue_dcat(request: HttpRequest) -> JsonResponse:
    publisher = catalogue_publisher()
    title, description = catalogue_texts(publisher)
    document = dcat_catalogue(
        catalogue_datasets(),
        publisher,
        catalogue_url=absolute_url(reverse("api:catalogue_dcat")),
        title=title,
        description=description,
        schemes=catalogue_schemes(),
    )
    response = JsonResponse(
        document, json_dumps_params=JSON_OPTIONS, content_type="application/ld+json"
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response
