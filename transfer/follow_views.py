"""Subscribing to an e-mail digest: form, double opt-in confirmation, one-click unsubscribe.

Confirming and unsubscribing change data, so both happen on POST: a GET of the link shows a
button (mail scanners that open links must neither confirm nor cancel an address). The
unsubscribe POST is exempt from CSRF because RFC 8058 mail clients send it without a form;
the secret token in the URL is the authorisation.
"""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from transfer import digest, selection
from transfer.forms import SubscribeForm
from transfer.models import CONFIRMATION_DAYS, Subscription, new_token

# A second request for the same unconfirmed address within this time sends no second mail.
RESEND_AFTER = timedelta(minutes=10)
# Nobody needs more open requests than this; beyond it the form sends no further mail, so the
# site cannot be used to flood an address with confirmation mails.
MAX_PENDING_PER_ADDRESS = 5


def _message(request, heading, paragraphs, status=200, action_url=None, action_label=None):
    context = {"heading": heading, "paragraphs": paragraphs, "action_url": action_url, "action_label": action_label}
    return render(request, "transfer/follow/message.html", context, status=status)


@require_http_methods(["GET", "HEAD", "POST"])
def subscribe(request):
    source = request.POST.get("params", "") if request.method == "POST" else request.GET.urlencode()
    try:
        query = selection.parse(source)
    except selection.QueryError as exc:
        context = {"choice_error": {"param": exc.param, "message": exc.message}, "days": CONFIRMATION_DAYS}
        return render(request, "transfer/follow/subscribe.html", context, status=400)
    params = selection.normalise(query)
    if request.method != "POST":
        form = SubscribeForm(initial={"params": params})
        context = {"form": form, "choice": selection.describe(query), "days": CONFIRMATION_DAYS}
        return render(request, "transfer/follow/subscribe.html", context)
    form = SubscribeForm(request.POST)
    if not form.is_valid():
        context = {"form": form, "choice": selection.describe(query), "days": CONFIRMATION_DAYS}
        return render(request, "transfer/follow/subscribe.html", context, status=400)
    email = form.cleaned_data["email"].strip()
    email = email[: email.rindex("@")] + email[email.rindex("@") :].lower()
    subscription = _pending(email, params, form.cleaned_data["frequency"])
    if subscription is not None:
        transaction.on_commit(lambda: digest.send_confirmation(subscription))
    # The same answer whether or not the address was known: nobody learns who subscribed.
    return _message(
        request,
        "Fast geschafft",
        [
            f"Wir haben eine E-Mail an {email} geschickt. Bitte bestätigen Sie das Abo über den Link darin.",
            f"Ohne Bestätigung löschen wir die Adresse nach {CONFIRMATION_DAYS} Tagen.",
        ],
    )


def _pending(email, params, frequency):
    """The subscription to (re)confirm, or None if no mail should go out."""
    now = timezone.now()
    with transaction.atomic():
        existing = (
            Subscription.objects.select_for_update().filter(email=email, params=params, frequency=frequency).first()
        )
        if existing is None:
            pending = Subscription.objects.filter(email=email, confirmed_at__isnull=True).count()
            if pending >= MAX_PENDING_PER_ADDRESS:
                return None
            try:
                with transaction.atomic():
                    return Subscription.objects.create(email=email, params=params, frequency=frequency)
            except IntegrityError:  # a parallel request created it
                return None
        if existing.is_confirmed or now - existing.created_at < RESEND_AFTER:
            return None
        # Expired or old link: a fresh token and a fresh deadline.
        existing.token, existing.created_at = new_token(), now
        existing.save(update_fields=["token", "created_at"])
        return existing


@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    subscription = Subscription.objects.filter(token=token).first()
    if subscription is None or (not subscription.is_confirmed and subscription.confirmation_expired()):
        return _message(
            request,
            "Link abgelaufen",
            [
                f"Dieser Bestätigungslink ist ungültig oder älter als {CONFIRMATION_DAYS} Tage. Bitte melden Sie sich erneut an."
            ],
            status=410,
        )
    if subscription.is_confirmed:
        return _message(request, "Abo bestätigt", ["Ihr Abo ist bereits bestätigt."])
    if request.method != "POST":
        return _message(
            request,
            "Abo bestätigen",
            [f"Auswahl: {selection.describe(selection.parse(subscription.params))}"],
            action_url=reverse("transfer:confirm", args=[token]),
            action_label="Ja, Abo bestätigen",
        )
    now = timezone.now()
    Subscription.objects.filter(pk=subscription.pk, confirmed_at__isnull=True).update(
        confirmed_at=now, covered_until=now
    )
    return _message(
        request, "Abo bestätigt", ["Danke! Sie erhalten ab jetzt Zusammenfassungen neuer und geänderter Seiten."]
    )


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    subscription = Subscription.objects.filter(token=token).first()
    if request.method == "POST":
        if subscription is not None:
            subscription.delete()
        return _message(request, "Abgemeldet", ["Sie erhalten keine E-Mails mehr; Ihre Adresse ist gelöscht."])
    if subscription is None:
        return _message(
            request, "Abgemeldet", ["Dieses Abo besteht nicht (mehr). Ihre Adresse ist bei uns nicht gespeichert."]
        )
    return _message(
        request,
        "Abo beenden",
        [f"Abo für {subscription.email}: {selection.describe(selection.parse(subscription.params))}"],
        action_url=reverse("transfer:unsubscribe", args=[token]),
        action_label="Abo beenden und Adresse löschen",
    )
