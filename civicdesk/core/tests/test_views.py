import pytest


def test_healthz_needs_nothing_but_the_process(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_readyz_reports_ready_when_migrated(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


@pytest.mark.django_db
def test_readyz_reports_pending_migrations(client, monkeypatch):
    from django.db.migrations.executor import MigrationExecutor

    monkeypatch.setattr(MigrationExecutor, "migration_plan", lambda self, targets: [("x", False)])
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["pending_migrations"] == 1


def test_readyz_reports_an_unreachable_database(client, settings):
    from django.db import connections

    connection = connections["default"]

    def refuse():
        raise OSError("database down")

    original = connection.ensure_connection
    connection.ensure_connection = refuse
    try:
        response = client.get("/readyz")
    finally:
        connection.ensure_connection = original
    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"


def test_health_endpoints_refuse_post(client):
    assert client.post("/healthz").status_code == 405


@pytest.mark.django_db
def test_the_admin_has_its_own_content_security_policy(client):
    def directives(response):
        policy = response["Content-Security-Policy"]
        return dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())

    admin = directives(client.get("/admin/login/"))
    assert admin["script-src"] == "'self'"  # no inline scripts, no eval
    assert admin["frame-ancestors"] == "'self'"  # Wagtail previews frame our own pages
    public = directives(client.get("/"))
    assert public["style-src"] == "'self'" and public["frame-ancestors"] == "'none'"


def test_staff_avatars_are_not_fetched_from_gravatar(settings):
    from wagtail.users.utils import get_gravatar_url

    assert get_gravatar_url("officer@example.gov.tw") is None
