"""Export of the public knowledge base: records (import format), file formats, DCAT-AP.de."""

from wiki.exports.formats import iter_csv, iter_jsonl, neutralise, xlsx_bytes
from wiki.exports.records import export_id, iter_pages, iter_records

__all__ = ["export_id", "iter_csv", "iter_jsonl", "iter_pages", "iter_records", "neutralise", "xlsx_bytes"]
