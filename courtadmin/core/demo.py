"""Demo data registry: the organisation first, then what each department registers."""

from collections.abc import Callable

from courtadmin.org.models import Person

DemoLoader = Callable[[dict[str, Person]], str]
_loaders: list[DemoLoader] = []


def register_demo_loader(loader: DemoLoader) -> None:
    """A department registers a function that adds its demo records (idempotently) and
    returns a one-line summary of what the demo holds."""
    if loader not in _loaders:
        _loaders.append(loader)


def demo_loaders() -> list[DemoLoader]:
    return list(_loaders)
