"""The home page's key figures, contributed by the apps (decision 0020).

Core shows the figures but counts nothing itself: each app registers, from its
``AppConfig.ready()``, a provider that returns its figures (objects with ``key``, ``value``
and ``label``), and its place among the others.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

FigureProvider = Callable[[], Iterable[Any]]

_providers: dict[str, tuple[int, FigureProvider]] = {}


def register_figure_provider(*, name: str, order: int, provider: FigureProvider) -> None:
    """Add (or replace, by name) a provider of key figures, shown in ``order``."""
    _providers[name] = (order, provider)


def key_figures() -> list[Any]:
    """Every registered figure, providers in order, each provider's figures in its order."""
    ordered = sorted(_providers.items(), key=lambda item: (item[1][0], item[0]))
    return [figure for _name, (_order, provider) in ordered for figure in provider()]
