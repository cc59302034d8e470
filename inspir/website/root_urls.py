"""Addresses outside the language prefix: the sitemap and the site-wide files."""

from django.urls import URLPattern, path

from inspir.website.views import site

urlpatterns: list[URLPattern] = [
    path("sitemap.xml", site.sitemap, name="sitemap"),
    path("robots.txt", site.robots_txt, name="robots_txt"),
]
