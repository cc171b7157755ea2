"""A Redis cache that a Redis down or hung does not bring down (the reliability issue).

The portal keeps nothing in the cache that it cannot count again (the dashboards' finished
months, the working-day calendar's transfers): when Redis does not answer within its socket
timeouts, a read is a miss and a write is skipped, and the page is counted live."""

import logging

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

log = logging.getLogger(__name__)


class TolerantRedisCache(RedisCache):
    def _tolerate(name, failed=None):  # noqa: N805 - a decorator of this class's methods
        def wrap(self, *args, **kwargs):
            try:
                return getattr(super(), name)(*args, **kwargs)
            except RedisError as error:
                log.warning("cache %s without Redis (%s): counted live instead", name, type(error).__name__)
                return failed(args, kwargs) if callable(failed) else failed

        wrap.__name__ = name
        return wrap

    get = _tolerate("get", failed=lambda args, kwargs: kwargs.get("default", args[1] if len(args) > 1 else None))
    get_many = _tolerate("get_many", failed=lambda args, kwargs: {})
    has_key = _tolerate("has_key", failed=False)
    set = _tolerate("set")
    set_many = _tolerate("set_many", failed=lambda args, kwargs: list(args[0]) if args else [])
    add = _tolerate("add", failed=False)
    touch = _tolerate("touch", failed=False)
    delete = _tolerate("delete", failed=False)
    delete_many = _tolerate("delete_many")
    clear = _tolerate("clear")
    incr = _tolerate("incr", failed=None)
