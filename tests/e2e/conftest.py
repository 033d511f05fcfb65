"""Browser journeys against a real server process (gunicorn + SQLite + the demo plant),
driven by Debian's Chromium through Playwright. In CI a missing browser fails the run."""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from civicdesk.notifications.testing import SMTPTestServer, smtp_server

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/e2e" in str(item.path):
            item.add_marker(pytest.mark.e2e)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_for(url: str, process: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - loopback
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"server did not answer {url} within {timeout}s")


@pytest.fixture(scope="session")
def mailbox() -> Iterator[SMTPTestServer]:
    """The real SMTP server the e2e site sends its mail to."""
    with smtp_server() as smtp:
        yield smtp


@pytest.fixture(scope="session")
def server_env(tmp_path_factory: pytest.TempPathFactory, mailbox: SMTPTestServer) -> dict[str, str]:
    workdir = tmp_path_factory.mktemp("e2e")
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": f"sqlite:///{workdir / 'e2e.sqlite3'}",
        "MEDIA_ROOT": str(workdir / "media"),
        "PRIVATE_MEDIA_ROOT": str(workdir / "private"),
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(mailbox.port),
    }


def manage(env: dict[str, str], *args: str) -> str:
    """Run a management command against the e2e server's database."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout


@pytest.fixture(scope="session")
def server(server_env: dict[str, str]) -> Iterator[str]:
    """The demo site served by gunicorn on a free loopback port, on its own SQLite file."""
    env = server_env
    manage = [sys.executable, str(ROOT / "manage.py")]
    # The demo goes through the real task queue and worker, as under `make run`.
    queued = {**env, "TASKS_BACKEND": "django_tasks_db.DatabaseBackend"}
    for command in (
        ["migrate", "--no-input", "-v0"],
        ["load_demo", "-v0"],
        ["db_worker", "--batch", "--no-startup-delay", "-v0"],
    ):
        subprocess.run([*manage, *command], cwd=ROOT, env=queued, check=True)
    port = _free_port()
    gunicorn = shutil.which("gunicorn", path=str(Path(sys.executable).parent)) or "gunicorn"
    process = subprocess.Popen(
        [
            gunicorn,
            "config.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_for(f"{base}/readyz", process)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        message = f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    context = browser.new_context()  # type: ignore[attr-defined]
    tab = context.new_page()
    yield tab
    context.close()
