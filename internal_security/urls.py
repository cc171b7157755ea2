from django.urls import path

from .views import cases, home, inspections, investigations, notices, plans, signals
from .views import complaints as views

app_name = "internal_security"

urlpatterns = [
    path("", home.home, name="home"),
    # Complaints about corruption (ISD 6.23) and their figures (issue 7.6)
    path("complaints/", views.complaint_list, name="complaint-list"),
    path("complaints/new/", views.complaint_create, name="complaint-create"),
    path("complaints/export/", views.complaint_export, name="complaint-export"),
    path("complaints/figures/", views.complaint_figures, name="complaint-figures"),
    path("complaints/<int:pk>/", views.complaint_detail, name="complaint-detail"),
    path("complaints/<int:pk>/move/<slug:move>/", views.complaint_move, name="complaint-move"),
    path("complaints/<int:pk>/edit/", views.complaint_update, name="complaint-update"),
    path("complaints/<int:pk>/assign/", views.complaint_assign, name="complaint-assign"),
    path("complaints/<int:pk>/hand-over/", views.complaint_hand_over, name="complaint-hand-over"),
    path("complaints/<int:pk>/conflict/", views.complaint_conflict, name="complaint-conflict"),
    path("complaints/<int:pk>/extend/", views.complaint_extend, name="complaint-extend"),
    path("complaints/<int:pk>/answer/", views.complaint_answer, name="complaint-answer"),
    path("complaints/<int:pk>/files/", views.complaint_file_add, name="complaint-file-add"),
    path("complaints/<int:pk>/receipt/", views.complaint_receipt, name="complaint-receipt"),
    path("complaints/<int:pk>/files/<int:file_pk>/", views.complaint_file_download, name="complaint-file-download"),
    # Information on corruption and all on record about a person or a court (ISD 6.15)
    path("signals/", signals.signal_list, name="signal-list"),
    path("on-record/", signals.on_record, name="on-record"),
    # The criminal-case registry (ISD 6.16)
    path("cases/", cases.case_list, name="case-list"),
    path("cases/new/", cases.case_edit, name="case-create"),
    path("cases/export/", cases.case_export, name="case-export"),
    path("cases/figures/", cases.case_figures, name="case-figures"),
    path("cases/<int:pk>/", cases.case_detail, name="case-detail"),
    path("cases/<int:pk>/edit/", cases.case_edit, name="case-update"),
    path("cases/<int:pk>/move/<slug:move>/", cases.case_move_view, name="case-move"),
    # Notices of decisions on territorial ISD staff (ISD 13)
    path("plans/", plans.plan_list, name="plan-list"),
    path("plans/new/", plans.plan_create, name="plan-create"),
    path("plans/export/", plans.plan_export, name="plan-export"),
    path("plans/<int:pk>/", plans.plan_detail, name="plan-detail"),
    path("plans/<int:pk>/move/<slug:move>/", plans.plan_move_view, name="plan-move"),
    path("plans/<int:pk>/document/", plans.plan_document, name="plan-document"),
    path("plans/<int:pk>/items/", plans.plan_item_add, name="plan-item-add"),
    path("plans/<int:pk>/items/<int:item_pk>/remove/", plans.plan_item_remove, name="plan-item-remove"),
    path("plans/<int:pk>/items/<int:item_pk>/move/<slug:move>/", plans.plan_item_move_view, name="plan-item-move"),
    path("inspections/", inspections.inspection_list, name="inspection-list"),
    path("inspections/new/", inspections.inspection_create, name="inspection-create"),
    path("inspections/export/", inspections.inspection_export, name="inspection-export"),
    path("inspections/<int:pk>/", inspections.inspection_detail, name="inspection-detail"),
    path("inspections/<int:pk>/move/<slug:move>/", inspections.inspection_move_view, name="inspection-move"),
    path(
        "inspections/<int:pk>/recommendations/",
        inspections.inspection_recommendation_add,
        name="inspection-recommendation-add",
    ),
    path(
        "inspections/<int:pk>/recommendations/<int:recommendation_pk>/move/<slug:move>/",
        inspections.inspection_recommendation_move,
        name="inspection-recommendation-move",
    ),
    path("notices/", notices.notice_list, name="notice-list"),
    path("notices/new/", notices.notice_create, name="notice-create"),
    path("notices/export/", notices.notice_export, name="notice-export"),
    path("notices/<int:pk>/", notices.notice_detail, name="notice-detail"),
    path("notices/<int:pk>/move/<slug:move>/", notices.notice_move_view, name="notice-move"),
    path("notices/<int:pk>/files/", notices.notice_file_add, name="notice-file-add"),
    path("notices/<int:pk>/files/<int:file_pk>/", notices.notice_file_download, name="notice-file-download"),
    # Official investigations (ISD 6.21, 6.22, 5.2, 5.3, 5.9)
    path("investigations/", investigations.investigation_list, name="investigation-list"),
    path("investigations/new/", investigations.investigation_create, name="investigation-create"),
    path("investigations/export/", investigations.investigation_export, name="investigation-export"),
    path("investigations/<int:pk>/", investigations.investigation_detail, name="investigation-detail"),
    path("investigations/<int:pk>/team/", investigations.investigation_team_add, name="investigation-team-add"),
    path(
        "investigations/<int:pk>/explanations/",
        investigations.investigation_explanation_add,
        name="investigation-explanation-add",
    ),
    path(
        "investigations/<int:pk>/explanations/<int:explanation_pk>/",
        investigations.investigation_explanation_download,
        name="investigation-explanation-download",
    ),
    path(
        "investigations/<int:pk>/interviews/",
        investigations.investigation_interview_add,
        name="investigation-interview-add",
    ),
    path(
        "investigations/<int:pk>/personal-files/",
        investigations.investigation_personal_file_add,
        name="investigation-personal-file-add",
    ),
    path(
        "investigations/<int:pk>/personal-files/<int:personal_file_pk>/grant/",
        investigations.investigation_personal_file_grant,
        name="investigation-personal-file-grant",
    ),
    path(
        "investigations/<int:pk>/conclusion/",
        investigations.investigation_conclusion,
        name="investigation-conclusion",
    ),
    path("investigations/<int:pk>/close/", investigations.investigation_close, name="investigation-close"),
    path("investigations/<int:pk>/extend/", investigations.investigation_extend, name="investigation-extend"),
    path("investigations/<int:pk>/persons/", investigations.investigation_person_add, name="investigation-person-add"),
    path("investigations/<int:pk>/link/", investigations.investigation_link, name="investigation-link"),
    path("investigations/<int:pk>/files/", investigations.investigation_file_add, name="investigation-file-add"),
    path(
        "investigations/<int:pk>/files/<int:file_pk>/",
        investigations.investigation_file_download,
        name="investigation-file-download",
    ),
]
