from django.urls import path

from inspir.learning.views import attachments, needs, resources

app_name = "learning"

urlpatterns = [
    path("", resources.library, name="library"),
    path("resources/new/", resources.resource_create, name="resource_create"),
    path("resources/<int:pk>/", resources.resource_detail, name="resource_detail"),
    path("resources/<int:pk>/edit/", resources.resource_edit, name="resource_edit"),
    path(
        "resources/<int:pk>/attachments/new/",
        attachments.attachment_upload,
        name="attachment_upload",
    ),
    path("attachments/<int:pk>/", attachments.attachment_download, name="attachment_download"),
    path("attachments/<int:pk>/delete/", attachments.attachment_delete, name="attachment_delete"),
    path("needs/", needs.need_list, name="need_list"),
    path("needs/new/", needs.need_create, name="need_create"),
    path("needs/<int:pk>/edit/", needs.need_edit, name="need_edit"),
]
