from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from courtadmin.core.pagination import CappedPaginator

from . import selectors, services
from .forms import EmailChoiceForm


def notification_list(request):
    page = CappedPaginator(selectors.notifications_of(request.user), 50).get_page(request.GET.get("page"))
    form = EmailChoiceForm(instance=selectors.email_choice_of(request.user))
    return render(request, "deadlines/notification_list.html", {"page": page, "form": form})


def bell(request):
    """The bell's count, fetched by htmx after the page loads and every minute after."""
    return render(request, "deadlines/bell.html", {"unread": selectors.unread_count(request.user)})


def notification_open(request, pk):
    """Open what a notification is about, and count it as read."""
    notification = selectors.get_notification_for_user(request.user, pk)
    services.notifications_mark_read(user=request.user, ids=[notification.pk])
    target = notification.url if notification.url.startswith("/") and not notification.url.startswith("//") else "/"
    return redirect(target)


@require_POST
def notifications_read(request):
    services.notifications_mark_read(user=request.user)
    return redirect("deadlines:notification-list")


@require_POST
def email_choice(request):
    form = EmailChoiceForm(request.POST, instance=selectors.email_choice_of(request.user))
    if form.is_valid():
        services.email_choice_set(
            user=request.user,
            reminders=form.cleaned_data["reminders"],
            digest=form.cleaned_data["digest"],
            moves=form.cleaned_data["moves"],
        )
        messages.success(request, _("Your choice of e-mails is saved."))
    return redirect("deadlines:notification-list")
