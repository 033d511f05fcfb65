"""Fixed-window rate limits for public forms, per real client, on the shared cache (Redis in
production; while it is down, core.cache counts in each process's memory)."""

import ipaddress
from functools import cache as memoise

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
# An IPv6 client holds a whole /64 and may use any address in it.
IPV6_CLIENT_PREFIX = 64


@memoise
def _trusted_networks(entries: tuple[str, ...]) -> tuple[Network, ...]:
    return tuple(ipaddress.ip_network(entry.strip(), strict=False) for entry in entries)


def _is_trusted(address: str) -> bool:
    networks = _trusted_networks(tuple(settings.CORE_TRUSTED_PROXIES))
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in networks)


def client_ip(request: HttpRequest) -> str:
    """The address of the client itself, not of our own front servers.

    `X-Forwarded-For` is read only when the connection comes from a trusted proxy
    (CORE_TRUSTED_PROXIES), and only as far back as the proxies are ours: walking the chain
    from the right, the first hop that is not a trusted proxy is the client. Anything a client
    writes into the header itself lies further left and is never reached.
    """
    remote = str(request.META.get("REMOTE_ADDR", "")) or "unknown"
    if not _is_trusted(remote):
        return remote
    forwarded = str(request.META.get("HTTP_X_FORWARDED_FOR", ""))
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    for hop in reversed(hops):
        try:
            ipaddress.ip_address(hop)
        except ValueError:
            return remote  # a malformed chain is not evidence of anything
        if not _is_trusted(hop):
            return hop
    return hops[0] if hops else remote


def client_key(request: HttpRequest) -> str:
    """The rate-limit bucket of the client: its address, or its /64 for IPv6."""
    address = client_ip(request)
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if ip.version == 6:
        return str(ipaddress.ip_network(f"{ip}/{IPV6_CLIENT_PREFIX}", strict=False))
    return str(ip)


def over_limit(request: HttpRequest, scope: str, *, limit: int) -> bool:
    """True when this client already used up `scope` (nothing is counted)."""
    return int(cache.get(f"ratelimit:{scope}:{client_key(request)}", 0)) >= limit


def count_hit(request: HttpRequest, scope: str, *, window_seconds: int) -> int:
    """Count one hit for this client in `scope`; return the hits in the current window."""
    key = f"ratelimit:{scope}:{client_key(request)}"
    cache.add(key, 0, window_seconds)
    try:
        return int(cache.incr(key))
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window_seconds)
        return 1


def rate_limited(request: HttpRequest, scope: str, *, limit: int, window_seconds: int) -> bool:
    """Count one hit for this client in `scope`; True when it is over `limit` in the window."""
    return count_hit(request, scope, window_seconds=window_seconds) > limit
