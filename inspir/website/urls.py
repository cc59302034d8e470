from django.urls import URLPattern, path

from inspir.website.views import editors, feeds, public

app_name = "website"

urlpatterns: list[URLPattern] = [
    path("about/", public.about, name="about"),
    path("contact/", public.contact, name="contact"),
    path("publications/", public.publications, name="publications"),
    path("news/", public.news_index, name="news_index"),
    path("news/feed/", feeds.site_feed, name="feed"),
    path("news/<slug:slug>/", public.network_news, name="network_news"),
    path("news/<slug:slug>/feed/", feeds.network_feed, name="network_feed"),
    path("news/<slug:slug>/<int:pk>/", public.post_detail, name="post_detail"),
    path("news/<slug:slug>/<int:pk>/image/<str:size>/", public.post_image, name="post_image"),
    # The editors' pages, apart from the news so that no network's address can clash.
    path("newsroom/", editors.post_list, name="post_list"),
    path("newsroom/new/", editors.post_create, name="post_create"),
    path("newsroom/<int:pk>/edit/", editors.post_edit, name="post_edit"),
]
