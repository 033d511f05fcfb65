"""The shared cache (Redis) with a local stand-in: while Redis cannot be reached, every cache
call goes to this process's memory instead, so pages and forms keep working (rate limits and
cached values are then per process) and a warning is logged; Redis is tried again shortly."""

import logging
import time
from typing import Any

import redis
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger(__name__)

UNREACHABLE = (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError)


class ResilientRedisCache(RedisCache):
    """`RedisCache` that degrades to local memory while the server is down."""

    # After a failure Redis is not asked again for this long: a server that times out
    # would otherwise cost every cache call its socket timeout.
    retry_after_seconds = 5.0

    def __init__(self, server: str, params: dict[str, Any]) -> None:
        super().__init__(server, params)
        self._fallback = LocMemCache(
            f"civicdesk-fallback-{server}",
            {"TIMEOUT": params.get("TIMEOUT", 300), "OPTIONS": {"MAX_ENTRIES": 10_000}},
        )
        self._down_until = 0.0

    @property
    def is_degraded(self) -> bool:
        """True while calls go to the local stand-in."""
        return time.monotonic() < self._down_until

    def _call(self, name: str, *args: Any, **kwargs: Any) -> Any:
        if not self.is_degraded:
            try:
                return getattr(super(), name)(*args, **kwargs)
            except UNREACHABLE as exc:
                self._down_until = time.monotonic() + self.retry_after_seconds
                logger.warning("Redis cache unreachable (%s): using this process's memory.", exc)
        return getattr(self._fallback, name)(*args, **kwargs)

    def ping(self) -> bool:
        """Ask Redis itself, whatever the state: for the readiness check."""
        try:
            self._cache.get_client(write=False).ping()  # type: ignore[attr-defined]
        except UNREACHABLE:
            self._down_until = time.monotonic() + self.retry_after_seconds
            return False
        self._down_until = 0.0
        return True

    def add(self, *args: Any, **kwargs: Any) -> Any:
        return self._call("add", *args, **kwargs)

    def get(self, *args: Any, **kwargs: Any) -> Any:
        return self._call("get", *args, **kwargs)

    def set(self, *args: Any, **kwargs: Any) -> Any:
        return self._call("set", *args, **kwargs)

    def touch(self, *args: Any, **kwargs: Any) -> Any:
        return self._call("touch", *args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        return self._call("delete", *args, **kwargs)

    def get_many(self, *args: Any, **kwargs: Any) -> Any:
        return self._call("get_many", *args, **kwargs)

    def has_key(self, *args: Any, **kwargs: Any) -> Any:
        return self._call("has_key", *args, **kwargs)

    def incr(self, *args: Any, **kwargs: Any) -> Any:
        return self._call("incr", *args, **kwargs)

    def set_many(self, *args: Any, **kwargs: Any) -> Any:
        return self._call("set_many", *args, **kwargs)

    def delete_many(self, *args: Any, **kwargs: Any) -> Any:
        return self._call("delete_many", *args, **kwargs)

    def clear(self) -> Any:
        return self._call("clear")
