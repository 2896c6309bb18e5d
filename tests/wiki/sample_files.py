"""Small real documents generated in memory for the extraction and upload tests."""

import io
import zipfile


def pdf_bytes(paragraphs, pages=1):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("helvetica", size=11)
    for number in range(pages):
        pdf.add_page()
        for text in paragraphs:
            pdf.multi_cell(0, 6, text if pages == 1 else f"{text} (Seite {number + 1})", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def encrypted_pdf_bytes(text, password="geheim"):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes([text]))))
    writer.encrypt(user_password=password, owner_password=password + "-owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def owner_only_pdf_bytes(text):
    """Encrypted with an owner password only ("no editing"): readable without a password."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes([text]))))
    writer.encrypt(user_password="", owner_password="nur-fuer-die-verwaltung", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def docx_bytes(paragraphs, table=None):
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def xlsx_bytes(rows, title="Kosten"):
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def odt_bytes(paragraphs, heading=None):
    from odf.opendocument import OpenDocumentText
    from odf.text import H, P

    document = OpenDocumentText()
    if heading:
        document.text.addElement(H(outlinelevel=1, text=heading))
    for text in paragraphs:
        document.text.addElement(P(text=text))
    out = io.BytesIO()
    document.write(out)
    return out.getvalue()


def pptx_bytes(slides):
    """A minimal PPTX package: enough structure for the sniffing and slide text."""
    ns = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"'
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        )
        archive.writestr("ppt/presentation.xml", f'<?xml version="1.0"?><p:presentation {ns}/>')
        for number, text in enumerate(slides, start=1):
            archive.writestr(
                f"ppt/slides/slide{number}.xml",
                f'<?xml version="1.0"?><p:sld {ns}><p:cSld><p:spTree><p:sp><p:txBody>'
                f"<a:p><a:r><a:t>{text}</a:t></a:r></a:p></p:txBody></p:sp></p:spTree></p:cSld></p:sld>",
            )
    return out.getvalue()


def zip_bomb_bytes(unpacked_bytes):
    """A DOCX-looking package whose content unpacks to `unpacked_bytes` of zeros."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\0" * unpacked_bytes)
    return out.getvalue()


def plain_zip_bytes():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("liesmich.txt", "Hallo")
    return out.getvalue()


OLE_HEADER = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504


def _inflated_package(data, part, closing_tag, piece, unpacked_bytes):
    """Rewrite `part` of a real package so that `piece` repeats before `closing_tag` until the
    part unpacks to about `unpacked_bytes`: a valid document, a small file, a huge parse."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename != part:
                target.writestr(info, content, compress_type=info.compress_type)
                continue
            head, tail = content.decode("utf-8").split(closing_tag, 1)
            block = piece.encode("utf-8") * max(1, (1024 * 1024) // len(piece.encode("utf-8")))
            member = zipfile.ZipInfo(part)
            member.compress_type = zipfile.ZIP_DEFLATED
            with target.open(member, "w", force_zip64=True) as stream:
                stream.write(head.encode("utf-8"))
                written = 0
                while written < unpacked_bytes:
                    stream.write(block)
                    written += len(block)
                stream.write((closing_tag + tail).encode("utf-8"))
    return out.getvalue()


def odt_bomb_bytes(unpacked_bytes=190 * 1024 * 1024):
    """An ODT of well under a megabyte whose content.xml unpacks to ~190 MB of paragraphs."""
    return _inflated_package(
        odt_bytes(["Beschlussvorlage"]),
        "content.xml",
        "</office:text>",
        "<text:p>Der Rat beschliesst die Einfuehrung digitaler Parkraumsensoren.</text:p>",
        unpacked_bytes,
    )


def docx_bomb_bytes(unpacked_bytes=190 * 1024 * 1024):
    """A DOCX of well under a megabyte whose document.xml unpacks to ~190 MB of paragraphs (parsed: +800 MB)."""
    return _inflated_package(
        docx_bytes(["Beschlussvorlage"]),
        "word/document.xml",
        "</w:body>",
        "<w:p><w:r><w:t>Der Rat beschliesst die Einfuehrung digitaler Parkraumsensoren.</w:t></w:r></w:p>",
        unpacked_bytes,
    )
