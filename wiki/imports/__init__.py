"""Import of knowledge pages and tags (import_knowledge, import_taxonomy, load_demo).

- fields: the columns of the format and how one value is read;
- readers: JSON Lines, CSV and XLSX into numbered records;
- lookups: towns, topics, tags, case studies, contacts and documents a record names;
- knowledge: the page importer; taxonomy: the tag importer.
"""

from wiki.imports.fields import FIELDS, LineError
from wiki.imports.knowledge import ImportSummary, KnowledgeImporter, LineResult
from wiki.imports.lookups import DocumentStore, find_tag
from wiki.imports.readers import Source, kind_of, read_csv, read_jsonl, read_source, read_xlsx
from wiki.imports.taxonomy import TaxonomyImportError, import_taxonomy

__all__ = [
    "FIELDS",
    "DocumentStore",
    "ImportSummary",
    "KnowledgeImporter",
    "LineError",
    "LineResult",
    "Source",
    "TaxonomyImportError",
    "find_tag",
    "import_taxonomy",
    "kind_of",
    "read_csv",
    "read_jsonl",
    "read_source",
    "read_xlsx",
]
