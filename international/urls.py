from django.urls import path

from .views import applications, budget, catalogs, events, gifts, home, requests, trips

app_name = "international"

urlpatterns = [
    path("", home.home, name="home"),
    # Legal-assistance requests (IR 4.2, 7.22, 7.27)
    path("requests/", requests.request_list, name="request-list"),
    path("requests/export/", requests.request_export, name="request-export"),
    path("requests/new/", requests.request_edit, name="request-create"),
    path("requests/figures/", requests.request_figures, name="request-figures"),
    path("requests/figures/export/", requests.request_figures_export, name="request-figures-export"),
    path("requests/<int:pk>/", requests.request_detail, name="request-detail"),
    path("requests/<int:pk>/edit/", requests.request_edit, name="request-update"),
    path("requests/<int:pk>/check/", requests.request_check, name="request-check"),
    path("requests/<int:pk>/move/<slug:move>/", requests.request_move, name="request-move"),
    path("requests/<int:pk>/letter/<slug:move>/", requests.request_letter, name="request-letter"),
    path("requests/<int:pk>/files/", requests.request_file_add, name="request-file-add"),
    path("requests/<int:pk>/files/<int:file_pk>/", requests.request_file_download, name="request-file-download"),
    # Applications of persons about legal assistance (IR 7.25)
    path("applications/", applications.application_list, name="application-list"),
    path("applications/new/", applications.application_create, name="application-create"),
    path("applications/<int:pk>/", applications.application_detail, name="application-detail"),
    path("applications/<int:pk>/answer/", applications.application_answer, name="application-answer"),
    path("applications/<int:pk>/close/", applications.application_close, name="application-close"),
    path("applications/<int:pk>/receipt/", applications.application_receipt, name="application-receipt"),
    # Business trips abroad and foreign delegations (IR 7.11, 7.16, 7.17)
    path("trips/", trips.trip_list, name="trip-list"),
    path("trips/new/", trips.trip_edit, name="trip-create"),
    path("trips/<int:pk>/", trips.trip_detail, name="trip-detail"),
    path("trips/<int:pk>/edit/", trips.trip_edit, name="trip-update"),
    path("trips/<int:pk>/reports/", trips.trip_report_add, name="trip-report-add"),
    path("trips/<int:pk>/reports/<int:report_pk>/", trips.trip_report_download, name="trip-report-download"),
    path("trips/<int:pk>/published/", trips.trip_report_published, name="trip-report-published"),
    path("delegations/", trips.delegation_list, name="delegation-list"),
    path("delegations/new/", trips.delegation_edit, name="delegation-create"),
    path("delegations/<int:pk>/", trips.delegation_detail, name="delegation-detail"),
    path("delegations/<int:pk>/edit/", trips.delegation_edit, name="delegation-update"),
    path("delegations/<int:pk>/move/<slug:move>/", trips.delegation_move, name="delegation-move"),
    path("delegations/access/", trips.delegation_access, name="delegation-access"),
    # International events, their calendar and figures (IR 5.3, 7.6, 7.14, 7.15, 7.18, 7.23)
    path("events/", events.event_list, name="event-list"),
    path("events/export/", events.event_export, name="event-export"),
    path("events/figures/", events.event_figures, name="event-figures"),
    path("events/calendar/", events.event_calendar, name="event-calendar"),
    path("events/calendar.ics", events.event_feed, name="event-feed"),
    path("events/new/", events.event_edit, name="event-create"),
    path("events/<int:pk>/", events.event_detail, name="event-detail"),
    path("events/<int:pk>/edit/", events.event_edit, name="event-update"),
    path("events/<int:pk>/move/<slug:move>/", events.event_move, name="event-move"),
    path("events/<int:pk>/materials/", events.event_material_add, name="event-material-add"),
    path(
        "events/<int:pk>/materials/<int:material_pk>/prepared/",
        events.event_material_prepared,
        name="event-material-prepared",
    ),
    path("events/<int:pk>/follow-up/", events.event_follow_up, name="event-follow-up"),
    # The budget programmes and the souvenirs' stock (IR 7.21)
    path("budgets/", budget.budget_list, name="budget-list"),
    path("budgets/export/", budget.budget_export, name="budget-export"),
    path("budgets/new/", budget.budget_edit, name="budget-create"),
    path("budgets/<int:pk>/", budget.budget_detail, name="budget-detail"),
    path("budgets/<int:pk>/edit/", budget.budget_edit, name="budget-update"),
    path("budgets/<int:pk>/spending/", budget.budget_spending_add, name="budget-spending-add"),
    path("budgets/<int:pk>/spending/<int:spending_pk>/paid/", budget.budget_spending_paid, name="budget-spending-paid"),
    path("souvenirs/", budget.souvenir_list, name="souvenir-list"),
    path("souvenirs/new/", budget.souvenir_create, name="souvenir-create"),
    path("souvenirs/<int:pk>/", budget.souvenir_detail, name="souvenir-detail"),
    path("souvenirs/<int:pk>/movements/", budget.souvenir_movement_add, name="souvenir-movement-add"),
    # Gifts given and received (ISD 6.14 for those received above the threshold)
    path("gifts/", gifts.gift_list, name="gift-list"),
    path("gifts/export/", gifts.gift_export, name="gift-export"),
    path("gifts/new/", gifts.gift_edit, name="gift-create"),
    path("gifts/<int:pk>/", gifts.gift_detail, name="gift-detail"),
    path("gifts/<int:pk>/edit/", gifts.gift_edit, name="gift-update"),
    # Catalogs kept by IR staff
    path("catalogs/", catalogs.catalog_index, name="catalog-index"),
    path("catalogs/<slug:catalog>/", catalogs.catalog_list, name="catalog-list"),
    path("catalogs/<slug:catalog>/new/", catalogs.catalog_edit, name="catalog-create"),
    path("catalogs/<slug:catalog>/<int:pk>/", catalogs.catalog_edit, name="catalog-update"),
    path("catalogs/courts/import/", catalogs.court_import, name="catalog-import"),
]
