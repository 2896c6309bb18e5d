"""All demo case studies, in load order (a case study may only relate to earlier ones).

Keys of a case study: id (external_id, "demo-cs-NNN"), town (exact municipality name), title,
summary, topics, tags, phase, years (start, end or None), partners (municipality names),
related (external ids), contact (key in contacts.CONTACTS), the body sections challenge, goal,
implementation, results, success_factors, transferability, and effort_time, effort_staff,
effort_cost, funding, budget, operator_model, licence, source_url. Optional: live (False keeps a
never-published draft), password (view restriction).
"""

from wiki.demo import cases_hidden, cases_pioneers, cases_region

CASE_STUDIES = cases_pioneers.CASES + cases_region.CASES + cases_hidden.CASES
