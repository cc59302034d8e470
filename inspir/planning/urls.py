from django.urls import path

from inspir.planning.views import actions, context, dashboard, exports, suggestions

app_name = "planning"

urlpatterns = [
    path("", actions.plan, name="plan"),
    path("periods/", actions.periods, name="periods"),
    path("actions/new/", actions.action_create, name="action_create"),
    path("actions/<int:pk>/", actions.action_detail, name="action_detail"),
    path("actions/<int:pk>/edit/", actions.action_edit, name="action_edit"),
    path("actions/<int:pk>/indicators/", actions.action_indicators, name="action_indicators"),
    path("suggestions/", suggestions.suggestion_list, name="suggestion_list"),
    path("suggestions/new/", suggestions.suggestion_create, name="suggestion_create"),
    path("suggestions/<int:pk>/", suggestions.suggestion_detail, name="suggestion_detail"),
    path("suggestions/<int:pk>/decide/", suggestions.suggestion_decide, name="suggestion_decide"),
    path("dashboard/", dashboard.dashboard, name="dashboard"),
    path("print/", exports.plan_print, name="plan_print"),
    path("export.csv", exports.export_csv, name="export_csv"),
    path("export.xlsx", exports.export_xlsx, name="export_xlsx"),
    path("context/", context.context_list, name="context_list"),
    path("context/<slug:slug>/", context.context, name="context"),
    path("context/<slug:slug>/note/", context.context_note_edit, name="context_note_edit"),
    path(
        "context/<slug:slug>/stakeholders/new/",
        context.stakeholder_create,
        name="stakeholder_create",
    ),
    path("stakeholders/<int:pk>/", context.stakeholder_detail, name="stakeholder_detail"),
    path("stakeholders/<int:pk>/edit/", context.stakeholder_edit, name="stakeholder_edit"),
    path("stakeholders/<int:pk>/assess/", context.stakeholder_assess, name="stakeholder_assess"),
]
