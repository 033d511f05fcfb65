"""The shared cache survives its Redis server going away and coming back (a real redis-server
on a free loopback port, stopped and started by the test)."""

import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest

from civicdesk.core.cache import ResilientRedisCache

REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RedisProcess:
    def __init__(self):
        self.port = _free_port()
        self.process = None

    def start(self):
        self.process = subprocess.Popen(  # noqa: S603 - the fixed redis-server binary
            [
                REDIS_SERVER,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


@pytest.fixture
def redis_server():
    if not Path(REDIS_SERVER).exists():
        pytest.fail("redis-server is needed (apt-get install redis-server)")
    server = RedisProcess()
    server.start()
    yield server
    if server.process.poll() is None:
        server.stop()


def make_cache(port):
    cache = ResilientRedisCache(
        f"redis://127.0.0.1:{port}/0",
        {"OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}},
    )
    cache.retry_after_seconds = 0.2
    return cache


def test_values_go_to_redis_while_it_answers(redis_server):
    cache = make_cache(redis_server.port)
    cache.set("greeting", "您好", 60)
    assert make_cache(redis_server.port).get("greeting") == "您好"  # shared, not per process
    assert cache.ping() and not cache.is_degraded


def test_an_outage_degrades_to_memory_with_a_warning_and_recovers(redis_server, caplog):
    cache = make_cache(redis_server.port)
    cache.set("before", 1, 60)
    redis_server.stop()

    cache.set("during", 2, 60)  # no exception reaches the page
    assert cache.get("during") == 2
    assert cache.add("counter", 0, 60) and cache.incr("counter") == 1
    assert cache.is_degraded and not cache.ping()
    assert "Redis cache unreachable" in caplog.text

    redis_server.start()
    time.sleep(0.3)  # past retry_after_seconds
    assert cache.get("before") is None  # a fresh server (nothing persisted here)
    cache.set("after", 3, 60)
    assert make_cache(redis_server.port).get("after") == 3
    assert cache.ping() and not cache.is_degraded
