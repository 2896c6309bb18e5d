"""Renders the small demo documents (PDF, DOCX, ODT, XLSX) of the demo templates.

A document spec is a dict: ``title`` (document title in Wagtail), ``format`` (pdf | docx | odt |
xlsx), ``heading``, ``paragraphs`` (list of str; a str starting with "## " is a subheading, one
starting with "- " a bullet) and, for xlsx, ``rows`` (list of lists, first row = header).
The same spec always gives the same text, so text extraction and search tests can rely on it.
"""

import io

# Helvetica (a PDF core font) covers Latin-1 only: umlauts and ß are fine, typographic
# quotes, dashes and the euro sign are not, so they are spelled the way a typewriter would.
_PDF_SAFE = str.maketrans({"„": '"', "“": '"', "”": '"', "‚": "'", "‘": "'", "’": "'", "–": "-", "—": "-", "€": "EUR", "…": "...", "\u00a0": " "})


def pdf_safe(text):
    return text.translate(_PDF_SAFE)


def render(spec):
    """Bytes of the document described by spec."""
    renderer = {"pdf": _pdf, "docx": _docx, "odt": _odt, "xlsx": _xlsx}[spec["format"]]
    return renderer(spec)


def plain_text(spec):
    """The text a reader (or text extraction) finds in the document, in reading order."""
    lines = [spec["heading"]]
    for paragraph in spec.get("paragraphs", []):
        lines.append(paragraph[3:] if paragraph.startswith("## ") else paragraph[2:] if paragraph.startswith("- ") else paragraph)
    for row in spec.get("rows", []):
        lines.append(" ".join(str(cell) for cell in row))
    return "\n".join(lines)


def _pdf(spec):
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_title(pdf_safe(spec["title"]))
    pdf.set_author("Transferwiki Südwestfalen (Demo)")
    pdf.set_margins(20, 20, 20)
    pdf.add_page()
    pdf.set_font("Helvetica", style="B", size=15)
    pdf.multi_cell(0, 8, pdf_safe(spec["heading"]), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    for paragraph in spec.get("paragraphs", []):
        if paragraph.startswith("## "):
            pdf.ln(2)
            pdf.set_font("Helvetica", style="B", size=12)
            pdf.multi_cell(0, 6, pdf_safe(paragraph[3:]), new_x="LMARGIN", new_y="NEXT")
        elif paragraph.startswith("- "):
            pdf.set_font("Helvetica", size=11)
            pdf.set_x(pdf.l_margin + 5)
            pdf.multi_cell(0, 5.5, pdf_safe("- " + paragraph[2:]), new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.set_font("Helvetica", size=11)
            pdf.multi_cell(0, 5.5, pdf_safe(paragraph), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1.5)
    if spec.get("rows"):
        pdf.ln(2)
        pdf.set_font("Helvetica", size=9)
        with pdf.table() as table:
            for row in spec["rows"]:
                table.row([pdf_safe(str(cell)) for cell in row])
    pdf.ln(4)
    pdf.set_font("Helvetica", style="I", size=8)
    pdf.multi_cell(0, 4, "Demo-Dokument des Transferwikis Südwestfalen. Alle Angaben sind fiktiv.")
    return bytes(pdf.output())


def _docx(spec):
    from docx import Document

    document = Document()
    document.core_properties.title = spec["title"]
    document.core_properties.author = "Transferwiki Südwestfalen (Demo)"
    document.add_heading(spec["heading"], level=1)
    for paragraph in spec.get("paragraphs", []):
        if paragraph.startswith("## "):
            document.add_heading(paragraph[3:], level=2)
        elif paragraph.startswith("- "):
            document.add_paragraph(paragraph[2:], style="List Bullet")
        else:
            document.add_paragraph(paragraph)
    if spec.get("rows"):
        rows = spec["rows"]
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                table.cell(r, c).text = str(cell)
    document.add_paragraph("Demo-Dokument des Transferwikis Südwestfalen. Alle Angaben sind fiktiv.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _odt(spec):
    from odf.opendocument import OpenDocumentText
    from odf.text import H, List, ListItem, P

    document = OpenDocumentText()
    document.text.addElement(H(outlinelevel=1, text=spec["heading"]))
    bullets = None
    for paragraph in spec.get("paragraphs", []):
        if paragraph.startswith("- "):
            if bullets is None:
                bullets = List()
                document.text.addElement(bullets)
            item = ListItem()
            item.addElement(P(text=paragraph[2:]))
            bullets.addElement(item)
            continue
        bullets = None
        if paragraph.startswith("## "):
            document.text.addElement(H(outlinelevel=2, text=paragraph[3:]))
        else:
            document.text.addElement(P(text=paragraph))
    document.text.addElement(P(text="Demo-Dokument des Transferwikis Südwestfalen. Alle Angaben sind fiktiv."))
    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue()


def _xlsx(spec):
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = spec.get("sheet", "Tabelle")
    sheet.append([spec["heading"]])
    sheet["A1"].font = Font(bold=True, size=13)
    for paragraph in spec.get("paragraphs", []):
        sheet.append([paragraph[3:] if paragraph.startswith("## ") else paragraph])
    sheet.append([])
    for r, row in enumerate(spec.get("rows", [])):
        sheet.append(list(row))
        if r == 0:
            for cell in sheet[sheet.max_row]:
                cell.font = Font(bold=True)
    sheet.append([])
    sheet.append(["Demo-Dokument des Transferwikis Südwestfalen. Alle Angaben sind fiktiv."])
    sheet.column_dimensions["A"].width = 48
    for column in "BCDE":
        sheet.column_dimensions[column].width = 18
    workbook.properties.title = spec["title"]
    workbook.properties.creator = "Transferwiki Südwestfalen (Demo)"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
