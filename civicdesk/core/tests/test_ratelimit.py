"""Rate limits count each real client: behind trusted proxies the forwarded address, never a
header a client wrote itself; while the shared cache is down they fall back to local counts."""

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from civicdesk.core.ratelimit import client_ip, client_key, over_limit, rate_limited


def request(remote="203.0.113.7", forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


@pytest.mark.parametrize(
    ("trusted", "remote", "forwarded", "expected"),
    [
        # No proxy configured: the connection's address, whatever the header says.
        ([], "203.0.113.7", None, "203.0.113.7"),
        ([], "203.0.113.7", "198.51.100.1", "203.0.113.7"),
        # Behind our front server: the address it saw.
        (["10.0.0.5"], "10.0.0.5", "198.51.100.1", "198.51.100.1"),
        (["10.0.0.0/24"], "10.0.0.5", "198.51.100.1", "198.51.100.1"),
        # A client's own forged entry lies left of what our proxy appended: never reached.
        (["10.0.0.5"], "10.0.0.5", "1.2.3.4, 198.51.100.1", "198.51.100.1"),
        # Two of our proxies in a row (load balancer, then nginx).
        (["10.0.0.0/24"], "10.0.0.5", "1.2.3.4, 198.51.100.1, 10.0.0.9", "198.51.100.1"),
        # A client talking to the app directly cannot claim another address.
        (["10.0.0.5"], "203.0.113.7", "198.51.100.1", "203.0.113.7"),
        # The proxy sent no header, or garbage: the proxy's own address, not a guess.
        (["10.0.0.5"], "10.0.0.5", None, "10.0.0.5"),
        (["10.0.0.5"], "10.0.0.5", "not-an-ip", "10.0.0.5"),
        (["::1"], "::1", "2001:db8::1", "2001:db8::1"),
    ],
)
def test_client_address(settings, trusted, remote, forwarded, expected):
    settings.CORE_TRUSTED_PROXIES = trusted
    assert client_ip(request(remote, forwarded)) == expected


def test_ipv6_clients_are_counted_per_64(settings):
    settings.CORE_TRUSTED_PROXIES = []
    assert client_key(request("2001:db8:1:2:aaaa::1")) == "2001:db8:1:2::/64"
    assert client_key(request("2001:db8:1:2:bbbb::9")) == "2001:db8:1:2::/64"
    assert client_key(request("203.0.113.7")) == "203.0.113.7"


def test_citizens_behind_the_same_proxy_have_their_own_budget(settings):
    settings.CORE_TRUSTED_PROXIES = ["10.0.0.5"]
    cache.clear()
    first = request("10.0.0.5", "198.51.100.1")
    second = request("10.0.0.5", "198.51.100.2")
    for _ in range(3):
        assert not rate_limited(first, "test-scope", limit=3, window_seconds=60)
    assert rate_limited(first, "test-scope", limit=3, window_seconds=60)
    assert not rate_limited(second, "test-scope", limit=3, window_seconds=60)
    cache.clear()


DEAD_REDIS = {
    "default": {
        "BACKEND": "civicdesk.core.cache.ResilientRedisCache",
        # Nothing listens here: a Redis server that is down.
        "LOCATION": "redis://127.0.0.1:6390/0",
        "OPTIONS": {"socket_connect_timeout": 0.5},
    }
}


def test_a_redis_outage_falls_back_to_local_counting_with_a_warning(settings, caplog):
    settings.CACHES = DEAD_REDIS
    client = request("203.0.113.50")
    results = [rate_limited(client, "down", limit=2, window_seconds=60) for _ in range(3)]
    assert results == [False, False, True]
    assert over_limit(client, "down", limit=2)
    assert "Redis cache unreachable" in caplog.text


def test_untrusted_proxy_settings_are_reported_by_the_system_check(settings):
    from civicdesk.core.checks import check_trusted_proxies

    settings.CORE_TRUSTED_PROXIES = ["10.0.0.0/24", "nginx"]
    errors = check_trusted_proxies()
    assert [error.id for error in errors] == ["core.E010"]
    assert "'nginx'" in errors[0].msg


def test_private_files_under_a_served_folder_are_reported(settings, tmp_path):
    from civicdesk.core.checks import check_private_files

    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "media" / "private"
    assert [error.id for error in check_private_files()] == ["core.E011"]
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    assert check_private_files() == []
