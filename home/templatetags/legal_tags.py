"""`{% legal_links as links %}`: the footer's links to the legal pages (home/legal.py)."""

from django import template

from home.legal import legal_links as find_legal_links

register = template.Library()


@register.simple_tag(takes_context=True)
def legal_links(context):
    return find_legal_links(context.get("request"))
