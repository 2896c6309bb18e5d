"""An adoption changes what search shows of the adopted page (its count, sort=adoptions):
recording, changing or deleting one announces the page through the knowledge base's signal,
which search turns into an outbox task in the same transaction. Transfer thereby needs no
import of search."""

from django.db.models.signals import post_delete, post_save

from wiki.signals import demo_content_loaded, knowledge_pages_changed


def adoption_changed(sender, instance, raw=False, **kwargs):
    if raw or instance.page_id is None:
        return
    knowledge_pages_changed.send(sender=sender, page_ids=[instance.page_id], reason="adoption")


def demo_loaded(sender, write=None, **kwargs):
    """load_demo: the demo adoptions (deterministic, idempotent), so the start page's "am
    häufigsten übernommen", the panels and the map's arrows have something to show."""
    from transfer.demo import load_demo_adoptions

    created = load_demo_adoptions()
    if write is not None:
        write(f"Demo-Übernahmen: {created} angelegt." if created else "Demo-Übernahmen: schon vorhanden.")


def connect():
    from transfer.models import Adoption

    demo_content_loaded.connect(demo_loaded, dispatch_uid="transfer-demo-adoptions")
    post_save.connect(adoption_changed, sender=Adoption, dispatch_uid="transfer-adoption-saved")
    post_delete.connect(adoption_changed, sender=Adoption, dispatch_uid="transfer-adoption-deleted")
