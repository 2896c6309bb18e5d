"""Demo content of the Transferwiki, loaded by `manage.py load_demo` (wiki/demo/loader.py).

All texts are fictional and written for this project. The data is in the import format
under data/: schlagwoerter.json (tags for import_taxonomy), fallstudien.jsonl, erfahrungen.jsonl
and vorlagen.jsonl (pages for import_knowledge, with contact persons inline) and documents/
(the files of the templates). Edit those files; `load_demo` applies the change.

Stable external ids: demo-cs-001…042 (public case studies), demo-cs-901/902 (drafts, never
published), demo-cs-903 (password-protected), demo-ll-001…016 (lessons), demo-tpl-001…012
(templates). Documents live in the "Demo" collection and are identified by their title.
The hidden pages each carry a word found nowhere else, so tests can prove they stay out of
search, feeds, the API and exports: "Unterflurbehälter" (901), "Winterdienst-Ortung" (902),
"Funkmastvertrag" (903). Each template document holds a sentence that appears nowhere else
(see tests/wiki/test_load_demo.py), so a search for text inside a document finds its template.
"""
