"""Demo log-ins for the admin: one curator and one town editor (Arnsberg).

Created only by `load_demo` and only on a development installation: with DEBUG off or the
production settings module the function refuses, because a published password on a public
site would be an open door. The passwords are printed by load_demo and listed in the README.
"""

import os
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction

from wiki.permissions import CURATOR_GROUP, editor_group_name, find_municipality

EDITOR_TOWN_AGS = "05958004"  # Arnsberg, a pioneer town with demo content


@dataclass(frozen=True)
class DemoAccount:
    username: str
    password: str
    label: str
    first_name: str
    last_name: str


DEMO_ACCOUNTS = {
    "curator": DemoAccount(
        "demo-kuratorin", "Kuratorin-Demo-2026", "Kuratorin (prüft und veröffentlicht)", "Karla", "Kuratorin"
    ),
    "editor": DemoAccount(
        "demo-redaktion-arnsberg",
        "Redaktion-Demo-2026",
        "Redaktion Arnsberg (schreibt, reicht zur Prüfung ein)",
        "Ralf",
        "Redakteur",
    ),
}


class DemoAccountsRefused(RuntimeError):
    """Demo accounts were asked for on an installation that may be public."""


def demo_accounts_allowed():
    """(allowed, reason): only with DEBUG on and not under the production settings."""
    module = os.environ.get("DJANGO_SETTINGS_MODULE", "")
    if module.endswith(".production"):
        return False, "die Produktionseinstellungen sind aktiv"
    if not settings.DEBUG:
        return False, "DEBUG ist ausgeschaltet"
    return True, ""


@transaction.atomic
def ensure_demo_accounts():
    """Create or reset the demo accounts (password as documented); returns them.

    Needs the groups of setup_site. Raises DemoAccountsRefused outside development."""
    from django.contrib.auth.models import Group

    allowed, reason = demo_accounts_allowed()
    if not allowed:
        raise DemoAccountsRefused(f"Demo-Konten werden nicht angelegt: {reason}.")
    town = find_municipality(EDITOR_TOWN_AGS)
    groups = {
        "curator": Group.objects.get(name=CURATOR_GROUP),
        "editor": Group.objects.get(name=editor_group_name(town)),
    }
    User = get_user_model()
    for role, account in DEMO_ACCOUNTS.items():
        user, _ = User.objects.get_or_create(username=account.username)
        user.first_name, user.last_name = account.first_name, account.last_name
        user.email = f"{account.username}@example.org"
        user.is_active = True
        user.set_password(account.password)
        user.save()
        user.groups.add(groups[role])
    return DEMO_ACCOUNTS


def login_instructions(base_url=None):
    """What `make run` shows at the end: where the site and the admin are, how to log in."""
    base = (base_url or settings.WAGTAILADMIN_BASE_URL).rstrip("/")
    lines = [
        f"Website:        {base}/",
        f"Verwaltung:     {base}/admin/",
        "Demo-Anmeldung (nur in der Entwicklung):",
    ]
    for account in DEMO_ACCOUNTS.values():
        lines.append(f"  {account.label}: Benutzername {account.username}, Passwort {account.password}")
    return "\n".join(lines)


def create_demo_accounts(write):
    """load_demo's step: create the accounts where allowed, otherwise say why not."""
    try:
        ensure_demo_accounts()
    except DemoAccountsRefused as refused:
        write(str(refused))
        return False
    write(login_instructions())
    return True
