from django.urls import path

from inspir.financing.views import documents, funders, proposals

app_name = "financing"

urlpatterns = [
    path("", proposals.board, name="board"),
    path("totals/", proposals.totals, name="totals"),
    path("funders/", funders.funder_list, name="funder_list"),
    path("funders/new/", funders.funder_create, name="funder_create"),
    path("funders/<int:pk>/", funders.funder_detail, name="funder_detail"),
    path("funders/<int:pk>/edit/", funders.funder_edit, name="funder_edit"),
    path("funders/<int:pk>/calls/new/", funders.call_create, name="call_create"),
    path("calls/<int:pk>/edit/", funders.call_edit, name="call_edit"),
    path("proposals/new/", proposals.proposal_create, name="proposal_create"),
    path("proposals/<int:pk>/", proposals.proposal_detail, name="proposal_detail"),
    path("proposals/<int:pk>/edit/", proposals.proposal_edit, name="proposal_edit"),
    path("proposals/<int:pk>/move/", proposals.proposal_move, name="proposal_move"),
    path("proposals/<int:pk>/documents/new/", documents.document_upload, name="document_upload"),
    path("documents/<int:pk>/", documents.document_download, name="document_download"),
    path("documents/<int:pk>/delete/", documents.document_delete, name="document_delete"),
]
