"""Fixed-window rate limits for public forms, on the shared cache (Redis in production)."""

from django.core.cache import cache
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    # REMOTE_ADDR only: the front server is trusted to set it; X-Forwarded-For is spoofable.
    return str(request.META.get("REMOTE_ADDR", "unknown"))


def over_limit(request: HttpRequest, scope: str, *, limit: int) -> bool:
    """True when this client already used up `scope` (nothing is counted)."""
    return int(cache.get(f"ratelimit:{scope}:{client_ip(request)}", 0)) >= limit


def rate_limited(request: HttpRequest, scope: str, *, limit: int, window_seconds: int) -> bool:
    """Count one hit for this client in `scope`; True when it is over `limit` in the window."""
    key = f"ratelimit:{scope}:{client_ip(request)}"
    cache.add(key, 0, window_seconds)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window_seconds)
        count = 1
    return count > limit
