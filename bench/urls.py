"""The project's URLs plus the baseline view. `config.urls` uses `i18n_patterns`, which only
works in a root URLconf, so its patterns are copied rather than included."""

from django.urls import URLPattern, URLResolver, path

from bench.views import baseline
from config.urls import urlpatterns as project_urlpatterns

urlpatterns: list[URLPattern | URLResolver] = [
    path("bench/baseline/", baseline, name="bench_baseline"),
    *project_urlpatterns,
]
