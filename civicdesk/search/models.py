"""The site search index: one row per object and language, with a full-text index beside it.

The full-text structures are per database (an FTS5 table on SQLite, a generated tsvector
column with a GIN index on PostgreSQL) and are created by migration 0002; Django sees only
the plain columns, and `backends.py` speaks to the rest.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchEntry(models.Model):
    source = models.CharField(max_length=30)
    object_id = models.CharField(max_length=64)
    language = models.CharField(max_length=10)
    kind = models.CharField(max_length=20)
    title = models.TextField()
    body = models.TextField(blank=True)
    url = models.CharField(max_length=500)
    updated_on = models.DateField(null=True, blank=True)
    keywords = models.TextField(blank=True)
    theme = models.CharField(max_length=20, blank=True)
    cake = models.CharField(max_length=20, blank=True)
    service = models.CharField(max_length=20, blank=True)
    unit = models.CharField(max_length=40, blank=True)
    disclosure_category = models.CharField(max_length=30, blank=True)
    # Folded, tokenised text (core.text.token_string): what the full-text index reads.
    title_tokens = models.TextField(blank=True)
    body_tokens = models.TextField(blank=True)
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("search index entry")
        verbose_name_plural = _("search index entries")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "object_id", "language"], name="search_entry_unique_object"
            )
        ]
        indexes = [
            models.Index(fields=["language", "updated_on"], name="search_entry_lang_date"),
        ]

    def __str__(self) -> str:
        return f"{self.source}:{self.object_id} [{self.language}] {self.title}"
