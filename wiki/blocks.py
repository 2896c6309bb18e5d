from wagtail import blocks


class SectionKind(blocks.ChoiceBlock):
    choices = [
        ("challenge", "Anlass und Herausforderung"),
        ("goal", "Ziel"),
        ("implementation", "Umsetzung"),
        ("results", "Ergebnisse und Kennzahlen"),
        ("success_factors", "Was zum Erfolg beigetragen hat"),
        ("transferability", "Übertragbarkeit"),
        ("other", "Weitere Informationen"),
    ]


class SectionBlock(blocks.StructBlock):
    """One titled section of a case study; the kind gives readers the same order and
    headings on every case study."""

    kind = SectionKind(label="Abschnitt")
    text = blocks.RichTextBlock(label="Text", features=["bold", "italic", "link", "ol", "ul", "h3"])

    class Meta:
        label = "Abschnitt"
        icon = "doc-full"
        template = "wiki/blocks/section.html"


BODY_BLOCKS = [
    ("section", SectionBlock()),
    ("text", blocks.RichTextBlock(label="Freier Text", features=["bold", "italic", "link", "ol", "ul", "h3"])),
]
