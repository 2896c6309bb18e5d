"""The upload size limit enforced while the body arrives, not after it has been stored.

Django's default handlers write every uploaded byte to memory or a temporary file and let the
form look at the size afterwards: a 2 GB body costs 2 GB of disk and the whole transfer time
before the editor learns it was too big. This handler (first in FILE_UPLOAD_HANDLERS) counts
the bytes of each file while they arrive; past the limit it swallows the rest of that file
(nothing more is stored) and hands the form a zero-content placeholder that reports the size
received so far, so the form answers with its usual German message ("Die Datei ist zu groß …").
Bodies far beyond any sensible size are cut off entirely; the reverse proxy's body limit
(docs/operations.md) should stop those before they reach the site at all.
"""

import io

from django.conf import settings
from django.core.files.uploadedfile import InMemoryUploadedFile
from django.core.files.uploadhandler import FileUploadHandler, StopUpload


def upload_limit():
    return getattr(settings, "FILE_UPLOAD_MAX_BYTES", None) or settings.WAGTAILDOCS_MAX_UPLOAD_SIZE


class TooLargeUpload(InMemoryUploadedFile):
    """What the form receives instead of a file that crossed the limit: no content, the size
    seen so far (more than the limit), so the size check fails with its German message."""

    too_large = True


class LimitedUploadHandler(FileUploadHandler):
    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        # A body of many times the limit is no document upload; stop reading it at once.
        if content_length and content_length > 4 * upload_limit() + 1024 * 1024:
            raise StopUpload(connection_reset=True)

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.received = 0
        self.too_large = False

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > upload_limit():
            self.too_large = True
            return None  # swallowed: the handlers after this one never see more of this file
        return raw_data

    def file_complete(self, file_size):
        if not self.too_large:
            return None  # the next handler (memory or temporary file) returns the real file
        return TooLargeUpload(
            io.BytesIO(b""), self.field_name, self.file_name, self.content_type, self.received, self.charset
        )
