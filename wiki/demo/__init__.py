"""Demo content of the Transferwiki, loaded by `manage.py load_demo` (wiki/demo/loader.py).

All texts are fictional and written for this project. Data modules: taxonomy (tags), contacts,
cases_pioneers / cases_region / cases_hidden (case studies, joined in case_studies), lessons,
templates (with the texts of the generated documents, see documents.py).

Stable external ids: demo-cs-001…042 (public case studies), demo-cs-901/902 (drafts, never
published), demo-cs-903 (password-protected), demo-ll-001…016 (lessons), demo-tpl-001…012
(templates). Documents live in the "Demo" collection and are identified by their title.
"""
