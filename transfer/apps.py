from django.apps import AppConfig


class TransferConfig(AppConfig):
    """Transfer between towns made visible: adoptions, the region map, feeds and digests."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "transfer"
    verbose_name = "Transfer und Folgen"

    def ready(self):
        from transfer import receivers

        receivers.connect()
