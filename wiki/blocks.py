from wagtail import blocks

# The order readers meet on every case study; the importer maps "## <label>" headings to them.
SECTION_KINDS = [
    ("challenge", "Anlass und Herausforderung"),
    ("goal", "Ziel"),
    ("implementation", "Umsetzung"),
    ("results", "Ergebnisse und Kennzahlen"),
    ("success_factors", "Was zum Erfolg beigetragen hat"),
    ("transferability", "Übertragbarkeit"),
    ("other", "Weitere Informationen"),
]


class SectionKind(blocks.ChoiceBlock):
    choices = SECTION_KINDS


class SectionBlock(blocks.StructBlock):
    """One titled section of a case study; the kind gives readers the same order and
    headings on every case study."""

    kind = SectionKind(label="Abschnitt")
    text = blocks.RichTextBlock(label="Text", features=["bold", "italic", "link", "ol", "ul", "h3"])

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["kind_label"] = dict(SectionKind.choices).get(value.get("kind"), "")
        return context

    class Meta:
        label = "Abschnitt"
        icon = "doc-full"
        template = "wiki/blocks/section.html"


BODY_BLOCKS = [
    ("section", SectionBlock()),
    ("text", blocks.RichTextBlock(label="Freier Text", features=["bold", "italic", "link", "ol", "ul", "h3"])),
]
