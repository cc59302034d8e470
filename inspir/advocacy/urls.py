from django.urls import path

from inspir.advocacy.views import campaigns, positions, public, submissions

app_name = "advocacy"

urlpatterns = [
    path("", positions.position_list, name="position_list"),
    path("positions/new/", positions.position_create, name="position_create"),
    path("positions/<int:pk>/", positions.position_detail, name="position_detail"),
    path("positions/<int:pk>/edit/", positions.position_edit, name="position_edit"),
    path("positions/<int:pk>/adopt/", positions.position_adopt, name="position_adopt"),
    path("positions/<int:pk>/publish/", positions.position_publish, name="position_publish"),
    path("positions/<int:pk>/archive/", positions.position_archive, name="position_archive"),
    path(
        "positions/<int:pk>/submissions/new/",
        submissions.submission_create,
        name="submission_create",
    ),
    path("submissions/<int:pk>/edit/", submissions.submission_edit, name="submission_edit"),
    path(
        "submissions/<int:pk>/outcome/", submissions.submission_outcome, name="submission_outcome"
    ),
    path("campaigns/", campaigns.campaign_list, name="campaign_list"),
    path("campaigns/new/", campaigns.campaign_create, name="campaign_create"),
    path("campaigns/<int:pk>/", campaigns.campaign_detail, name="campaign_detail"),
    path("campaigns/<int:pk>/edit/", campaigns.campaign_edit, name="campaign_edit"),
    path("alliances/", campaigns.alliance_list, name="alliance_list"),
    path("alliances/new/", campaigns.alliance_create, name="alliance_create"),
    path("alliances/<int:pk>/edit/", campaigns.alliance_edit, name="alliance_edit"),
    path("public/", public.public_list, name="public_list"),
    path("public/<int:pk>/", public.public_detail, name="public_detail"),
    path("public/<int:pk>/pdf/", public.position_pdf, name="position_pdf"),
]
