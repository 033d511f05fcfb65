"""A throwaway search index in its own database, built with the production schema.

`evaluate_search` and `bench/search.py` load documents into it through the same services and
query it through the same selectors as the site, and nothing touches the site's data.
"""

import shutil
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import dj_database_url
import psycopg
from django.db import connections

from civicdesk.search.fulltext import create_statements
from civicdesk.search.models import SearchEntry


def _settings_for(url: str, name: str) -> dict[str, Any]:
    config = dict(dj_database_url.parse(url))
    config["NAME"] = name
    config["OPTIONS"] = {"prepare_threshold": None}  # as the site runs (measurements.md)
    return config


@contextmanager
def throwaway_index(database_url: str | None = None) -> Iterator[str]:
    """Yield a connection alias with an empty search index; drop everything afterwards.

    Without `database_url` the index is an SQLite file in a temporary directory; with a
    PostgreSQL URL a temporary database is created on that server and dropped afterwards.
    """
    suffix = uuid.uuid4().hex[:10]
    alias = f"search_throwaway_{suffix}"
    directory: str | None = None
    server: dict[str, Any] | None = None
    if database_url is None or database_url.startswith("sqlite"):
        directory = tempfile.mkdtemp(prefix="civicdesk-search-")
        config: dict[str, Any] = {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(Path(directory) / "index.sqlite3"),
            "OPTIONS": {"init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;"},
        }
    else:
        server = dict(dj_database_url.parse(database_url))
        name = f"civicdesk_search_{suffix}"
        _postgres_admin(server, f'CREATE DATABASE "{name}"')
        config = _settings_for(database_url, name)
    configured = connections.configure_settings({"default": {}, alias: config})
    connections.settings[alias] = configured[alias]
    try:
        connection = connections[alias]
        with connection.schema_editor() as editor:
            editor.create_model(SearchEntry)
            for statement in create_statements(connection.vendor):
                editor.execute(statement)
        yield alias
    finally:
        connections[alias].close()
        del connections[alias]
        del connections.settings[alias]
        if directory is not None:
            shutil.rmtree(directory, ignore_errors=True)
        if server is not None:
            _postgres_admin(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _postgres_admin(server: dict[str, Any], statement: str) -> None:
    with psycopg.connect(
        host=server.get("HOST") or None,
        port=server.get("PORT") or None,
        user=server.get("USER") or None,
        password=server.get("PASSWORD") or None,
        dbname="postgres",
        autocommit=True,
    ) as connection:
        connection.execute(statement.encode())
