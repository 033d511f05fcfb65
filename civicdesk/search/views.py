"""Public site search: one box for the whole site, with facets, and browsing by scheme."""

from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.core.paginator import Paginator
from django.db.models import Count
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from civicdesk.accounts.selectors import unit_names
from civicdesk.core.i18n import is_english, language_tag
from civicdesk.metadata.models import Scheme
from civicdesk.metadata.selectors import code_list_for_browsing, code_names
from civicdesk.search.backends import Filters
from civicdesk.search.documents import KIND_LABELS
from civicdesk.search.forms import MAX_QUERY, SearchForm
from civicdesk.search.highlight import highlight
from civicdesk.search.models import SearchEntry
from civicdesk.search.registry import facet_labels
from civicdesk.search.selectors import SearchOutcome, search_run, search_suggestions

PAGE_SIZE = 10
# Form field → Filters attribute / index column.
FACET_PARAMS = {
    "kind": "kind",
    "theme": "theme",
    "cake": "cake",
    "service": "service",
    "unit": "unit",
    "category": "disclosure_category",
}
FACET_HEADINGS = {
    "kind": _("Type"),
    "category": _("Disclosure category (§7)"),
    "theme": Scheme.THEME.label,
    "cake": Scheme.CAKE.label,
    "service": Scheme.SERVICE.label,
    "unit": _("Unit"),
}


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    url: str
    is_active: bool


@dataclass(frozen=True)
class FacetGroup:
    param: str
    heading: str
    values: list[FacetValue]
    clear_url: str | None


def _language() -> str:
    return "en" if is_english() else "zh-hant"


def _url(params: QueryDict, **changes: str | None) -> str:
    query = params.copy()
    query.pop("page", None)
    for key, value in changes.items():
        if value is None:
            query.pop(key, None)
        else:
            query[key] = value
    return "?" + query.urlencode()


def _labels(param: str) -> dict[str, str]:
    if param == "kind":
        return {key: str(label) for key, label in KIND_LABELS.items()}
    if param in ("theme", "cake", "service"):
        return code_names(param)
    if param == "unit":
        return unit_names()
    return facet_labels(FACET_PARAMS[param])


def _facet_groups(request: HttpRequest, outcome: SearchOutcome) -> list[FacetGroup]:
    groups: list[FacetGroup] = []
    for param, column in FACET_PARAMS.items():
        counts: Counter[str] = outcome.facet_counts.get(column, Counter())
        active = request.GET.get(param, "")
        if not counts and not active:
            continue
        labels = _labels(param)
        values = [
            FacetValue(
                value=value,
                label=labels.get(value, value),
                count=count,
                url=_url(request.GET, **{param: value}),
                is_active=value == active,
            )
            for value, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        ]
        clear = _url(request.GET, **{param: None}) if active else None
        groups.append(FacetGroup(param, str(FACET_HEADINGS[param]), values, clear))
    return groups


@require_safe
def results(request: HttpRequest) -> HttpResponse:
    params = request.GET.copy()
    if "q" in params:
        # A search box is forgiving: an over-long query is cut, not refused.
        params["q"] = params.get("q", "")[:MAX_QUERY]
    form = SearchForm(params or None)
    context: dict[str, Any] = {"form": form, "query": "", "searched": False}
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        filters = Filters(
            language=_language(),
            **{column: data[param] for param, column in FACET_PARAMS.items()},
            date_from=data["date_from"],
            date_to=data["date_to"],
        )
        context["query"] = data["q"]
        if data["q"] or filters.is_narrowed:
            outcome = search_run(data["q"], filters, sort=data["sort"])
            page = Paginator(outcome.ids, PAGE_SIZE).get_page(request.GET.get("page"))
            start = (page.number - 1) * PAGE_SIZE
            hits = outcome.hits(start, start + PAGE_SIZE)
            context.update(
                searched=True,
                outcome=outcome,
                page_obj=page,
                results=[
                    {
                        "entry": entry,
                        "kind": KIND_LABELS.get(entry.kind, ""),
                        "title": highlight(entry.title, outcome.query, width=200),
                        "snippet": highlight(entry.body, outcome.query),
                    }
                    for entry in hits
                ],
                first_partial=outcome.partial_from
                if outcome.partial_from < outcome.total
                else None,
                facets=_facet_groups(request, outcome),
                suggestions=_suggestion_links(outcome, data["q"]) if outcome.total == 0 else [],
                base_query=_url(request.GET)[1:],
                plain_query_url="?" + _q_only(data["q"]),
            )
    return render(request, "search/search_results.html", context)


def _suggestion_links(outcome: SearchOutcome, query: str) -> list[dict[str, Any]]:
    links = []
    for suggestion in search_suggestions(outcome):
        if suggestion.drop_filters:
            links.append(
                {"kind": "filters", "url": "?" + _q_only(query), "count": suggestion.count}
            )
            continue
        with translation.override(suggestion.language):
            url = reverse("search:results") + "?" + _q_only(query)
        links.append(
            {
                "kind": "language",
                "url": url,
                "count": suggestion.count,
                "lang": language_tag(suggestion.language),
                "hreflang": suggestion.language,
            }
        )
    return links


def _q_only(query: str) -> str:
    params = QueryDict(mutable=True)
    params["q"] = query
    return params.urlencode()


@require_safe
def browse(request: HttpRequest) -> HttpResponse:
    """The three classification schemes, each code with how many items carry it."""
    language = _language()
    schemes = []
    for scheme in (Scheme.THEME, Scheme.CAKE, Scheme.SERVICE):
        counts = dict(
            SearchEntry.objects.filter(language=language)
            .exclude(**{scheme.value: ""})
            .values_list(scheme.value)
            .annotate(n=Count("id"))
            .values_list(scheme.value, "n")
        )
        codes = [
            {"code": code, "count": counts.get(code.code, 0), "param": scheme.value}
            for code in code_list_for_browsing(scheme.value)
        ]
        schemes.append({"scheme": scheme, "codes": codes})
    return render(request, "search/browse.html", {"schemes": schemes})
