"""A scanned referat made in code: a text PDF rendered to page images and wrapped as a PDF that
holds only those images (no text layer), as a scanner writes it."""

from __future__ import annotations

import zlib

import pypdfium2 as pdfium

from tests.docfixtures import pdf_file


def page_images(pdf: bytes, dpi: int = 300) -> list[tuple[int, int, bytes]]:
    """(width, height, 8-bit grey pixels) of every page, rendered at `dpi`."""
    document = pdfium.PdfDocument(pdf)
    images = []
    try:
        for page in document:
            bitmap = page.render(scale=dpi / 72, grayscale=True)
            width, height, stride = bitmap.width, bitmap.height, bitmap.stride
            buffer = bytes(bitmap.buffer)
            rows = b"".join(buffer[r * stride : r * stride + width] for r in range(height))
            images.append((width, height, rows))
            page.close()
    finally:
        document.close()
    return images


def image_only_pdf(images: list[tuple[int, int, bytes]]) -> bytes:
    """An A4 PDF with one grey image per page and nothing else."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    pages_id = 3 * len(images) + 1
    kids = []
    for width, height, pixels in images:
        packed = zlib.compress(pixels)
        image = add(
            b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
            b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n"
            % (width, height, len(packed))
            + packed
            + b"\nendstream"
        )
        draw = b"q 595 0 0 842 0 0 cm /Scan Do Q"
        content = add(b"<< /Length %d >>\nstream\n" % len(draw) + draw + b"\nendstream")
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                b"/Resources << /XObject << /Scan %d 0 R >> >> >>" % (pages_id, content, image)
            )
        )
    add(b"<< /Type /Pages /Kids [%s] /Count %d >>"
        % (b" ".join(b"%d 0 R" % k for k in kids), len(kids)))  # fmt: skip
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    return pdf_file(objects, catalog)


def scanned(pdf: bytes, dpi: int = 300) -> bytes:
    return image_only_pdf(page_images(pdf, dpi))
