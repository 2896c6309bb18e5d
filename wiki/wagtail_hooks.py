from wagtail.snippets.models import register_snippet

from wiki.models import ContactPerson, Tag, Topic

# Registered here so that curators manage them in the admin; permissions per group are
# set up by the `setup_site` command.
register_snippet(Topic)
register_snippet(Tag)
register_snippet(ContactPerson)
