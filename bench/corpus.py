"""Deterministic synthetic German corpus in the real page models, created fast.

Why not `add_child()` + `save_revision().publish()` per page: that costs ~20 queries, a
revision, a log entry, reference-index work and every search signal per page, i.e. minutes
per thousand pages. Instead all rows are built in memory and written with multi-row INSERTs:

* page ids are taken from the page id sequence up front, so every table row (wagtailcore_page,
  wiki_knowledgepage, wiki_casestudypage/lessonpage/templatepage, m2m tables) is known before
  anything is written;
* treebeard's materialised path is computed directly (parent path + the next 4-character
  step of its alphabet), `depth` is the parent's + 1 and the parents' `numchild` is raised once
  per municipality afterwards, which is exactly what `add_child()` would have stored;
* Django refuses `bulk_create()` for multi-table models, so each table of the inheritance
  chain is written with `QuerySet._insert()` (the primitive `bulk_create()` itself uses) and
  that table's local concrete fields;
* pages are created live with `first_published_at`/`last_published_at` set but without
  revisions, log entries or reference-index rows; model signals do not fire for these INSERTs,
  so neither Wagtail's search signals nor our outbox see them. The search indices are filled by
  the rebuilds that the benchmark measures.

Everything runs in one transaction: a corpus is there completely or not at all. Pages carry
`external_id = "bench-<seed>-<n>"`, which is how an existing corpus is recognised and reused.
"""

from __future__ import annotations

import hashlib
import random
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench import vocab
from bench.progress import Progress, log

CHUNK = 500
DRAFT_SHARE = 0.02
TYPE_SHARES = (("case_study", 0.6), ("lesson", 0.25), ("template", 0.15))
# Publication dates spread over ten years; fixed, not "now", so the corpus is reproducible.
FIRST_DATE = datetime(2016, 1, 1, tzinfo=UTC)
LAST_DATE = datetime(2026, 6, 30, tzinfo=UTC)


def external_prefix(seed):
    return f"bench-{seed}-"


def corpus_state(seed):
    """Counts of the existing corpus of this seed (0 pages if none)."""
    from wiki.models import KnowledgePage

    pages = KnowledgePage.objects.filter(external_id__startswith=external_prefix(seed))
    return {"pages": pages.count(), "live": pages.filter(live=True).count()}


def ensure_corpus(size, seed):
    """Reuse the corpus of (size, seed) when present, else create it. Returns a description."""
    from wiki.site_setup import ensure_page_tree

    ensure_page_tree()
    state = corpus_state(seed)
    if state["pages"] == size:
        log(f"corpus: reusing {size} pages (seed {seed}), {state['live']} live")
        return {**describe(seed), "created": False, "seconds": 0.0}
    if state["pages"]:
        raise SystemExit(
            f"The bench database holds {state['pages']} corpus pages of seed {seed}, not {size}; "
            "run with --fresh to drop and recreate it."
        )
    started = time.monotonic()
    Generator(size, seed).run()
    seconds = time.monotonic() - started
    log(f"corpus: {size} pages created in {seconds:.1f} s ({size / seconds:,.0f} pages/s)")
    _analyze()
    return {**describe(seed), "created": True, "seconds": round(seconds, 2)}


def _analyze():
    """Planner statistics for the freshly loaded tables, as a production database has them;
    autovacuum would gather them only some time into the first measurements."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        log("corpus: statistics gathered (ANALYZE)")


def describe(seed):
    from django.db.models import Count

    from wiki.models import CaseStudyPage, KnowledgePage, LessonPage, TemplatePage

    pages = KnowledgePage.objects.filter(external_id__startswith=external_prefix(seed))
    per_town = list(pages.order_by().values("municipality").annotate(n=Count("pk")).values_list("n", flat=True))
    return {
        "pages": pages.count(),
        "live_pages": pages.filter(live=True).count(),
        "case_studies": CaseStudyPage.objects.filter(external_id__startswith=external_prefix(seed)).count(),
        "lessons": LessonPage.objects.filter(external_id__startswith=external_prefix(seed)).count(),
        "templates": TemplatePage.objects.filter(external_id__startswith=external_prefix(seed)).count(),
        "municipalities_with_pages": len(per_town),
        "pages_per_municipality_min": min(per_town, default=0),
        "pages_per_municipality_max": max(per_town, default=0),
    }


class Generator:
    def __init__(self, size, seed):
        self.size = size
        self.seed = seed
        self.rng = random.Random(seed)

    # -- reference data -------------------------------------------------------------------------
    def _load_reference(self):
        from django.contrib.contenttypes.models import ContentType
        from wagtail.models import Collection, Locale

        from wiki.models import CaseStudyPage, LessonPage, Municipality, MunicipalityPage, TemplatePage, Topic

        self.towns = list(Municipality.objects.order_by("ags"))
        self.town_pages = {p.municipality_id: p for p in MunicipalityPage.objects.all()}
        missing = [t.name for t in self.towns if t.pk not in self.town_pages]
        if missing:
            raise RuntimeError(f"municipality pages missing for {missing}")
        # Pioneer towns publish far more; otherwise activity grows sub-linearly with size.
        self.town_weights = [t.population**0.6 * (4 if t.pioneer else 1) for t in self.towns]
        self.by_district = {}
        for town in self.towns:
            self.by_district.setdefault(town.district_ags, []).append(town)
        self.topics = {t.slug: t for t in Topic.objects.all()}
        unknown = set(vocab.TOPICS) - set(self.topics)
        if unknown:
            raise RuntimeError(f"topics missing in the database: {sorted(unknown)}")
        self.topic_slugs = list(vocab.TOPIC_WEIGHTS)
        self.topic_weights = [vocab.TOPIC_WEIGHTS[s] for s in self.topic_slugs]
        self.content_types = {
            code: ContentType.objects.get_for_model(model).pk
            for code, model in (("case_study", CaseStudyPage), ("lesson", LessonPage), ("template", TemplatePage))
        }
        self.locale_id = Locale.get_default().pk
        self.collection_id = Collection.get_first_root_node().pk

    def _ensure_tags(self):
        from wiki.models import Tag
        from wiki.slugs import german_slug

        existing = {t.slug: t for t in Tag.objects.all()}
        for name, (parent, synonyms) in vocab.TAGS.items():
            slug = german_slug(name)
            if slug not in existing:
                tag = Tag(name=name, slug=slug, synonyms="\n".join(synonyms))
                if parent:
                    tag.parent = existing[german_slug(parent)]
                tag.save()
                existing[slug] = tag
        self.tags = {name: existing[german_slug(name)] for name in vocab.TAGS}

    def _ensure_contacts(self):
        from wiki.models import ContactPerson

        rng = self.rng
        contacts = []
        for town in self.towns:
            for _ in range(rng.randint(1, 3)):
                first, last = rng.choice(vocab.FIRST_NAMES), rng.choice(vocab.LAST_NAMES)
                contacts.append(
                    ContactPerson(
                        name=f"{first} {last}",
                        role=rng.choice(vocab.ROLES),
                        municipality=town,
                        email=f"{first.lower()}.{last.lower()}@example.org".replace("ö", "oe")
                        .replace("ü", "ue")
                        .replace("ß", "ss"),
                        phone=f"0{rng.randint(2300, 2999)} 000-{rng.randint(100, 999)} (fiktiv)",
                    )
                )
        ContactPerson.objects.bulk_create(contacts)
        self.contacts = {}
        for contact in ContactPerson.objects.filter(email__endswith="@example.org", phone__endswith="(fiktiv)"):
            self.contacts.setdefault(contact.municipality_id, []).append(contact.pk)

    # -- ids and tree positions -----------------------------------------------------------------
    def _allocate_ids(self, count):
        from django.db import connection
        from wagtail.models import Page

        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute("SELECT pg_get_serial_sequence('wagtailcore_page', 'id')")
                sequence = cursor.fetchone()[0]
                cursor.execute("SELECT nextval(%s) FROM generate_series(1, %s)", [sequence, count])
                return sorted(row[0] for row in cursor.fetchall())
        # SQLite (used only for quick local runs): the transaction holds the write lock.
        start = (Page.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
        return list(range(start, start + count))

    def _next_steps(self):
        from wagtail.models import Page

        steps = {}
        for town_id, town_page in self.town_pages.items():
            last = (
                Page.objects.filter(path__startswith=town_page.path, depth=town_page.depth + 1)
                .order_by("-path")
                .first()
            )
            steps[town_id] = Page._str2int(last.path[-Page.steplen :]) if last else 0
        return steps

    # -- text -----------------------------------------------------------------------------------
    def _context(self, town, topic_slug, project):
        rng = self.rng
        thing, things = rng.choice(vocab.TOPICS[topic_slug]["things"])
        partner = rng.choice(self.by_district[town.district_ags] if rng.random() < 0.7 else self.towns)
        return {
            "project": project,
            "thing": thing,
            "things": things,
            "town": town.name,
            "district": town.district_name,
            "n": rng.randint(3, 250),
            "year": rng.randint(2017, 2027),
            "tag": rng.choice(vocab.TOPICS[topic_slug]["tags"]),
            "partner": partner.name if partner.pk != town.pk else "den Nachbarkommunen",
            "months": rng.randint(2, 30),
            "percent": rng.randint(10, 70),
        }

    def _sentences(self, patterns, context, low, high):
        chosen = self.rng.sample(patterns, min(len(patterns), self.rng.randint(low, high)))
        return " ".join(p.format(**context) for p in chosen)

    def _section_html(self, patterns, context, low=2, high=4):
        return f"<p>{self._sentences(patterns, context, low, high)}</p>"

    def _summary(self, context):
        text = self._sentences(vocab.SUMMARY_SENTENCES, context, 2, 3)
        return text[:600]

    def _uuid(self):
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    # -- the pages ------------------------------------------------------------------------------
    def _plan(self):
        """Everything about each page that needs randomness, in a fixed order."""
        rng = self.rng
        plans = []
        case_studies_by_town = {}
        span = (LAST_DATE - FIRST_DATE).total_seconds()
        for number in range(self.size):
            roll, kind = rng.random(), "template"
            acc = 0.0
            for code, share in TYPE_SHARES:
                acc += share
                if roll < acc:
                    kind = code
                    break
            town = rng.choices(self.towns, weights=self.town_weights)[0]
            topic_count = rng.choices((1, 2, 3), weights=(55, 35, 10))[0]
            topics = []
            while len(topics) < topic_count:
                slug = rng.choices(self.topic_slugs, weights=self.topic_weights)[0]
                if slug not in topics:
                    topics.append(slug)
            project = rng.choice(vocab.TOPICS[topics[0]]["projects"])
            pool = [t for slug in topics for t in vocab.TOPICS[slug]["tags"]]
            tags = set(rng.sample(pool, min(len(pool), rng.randint(1, 4))))
            if rng.random() < 0.35:
                tags.add(rng.choice(vocab.GENERAL_TAGS))
            context = self._context(town, topics[0], project)
            live = rng.random() >= DRAFT_SHARE
            first = FIRST_DATE + timedelta(seconds=int(rng.random() * span))
            last = min(first + timedelta(days=rng.randint(0, 400)), LAST_DATE)
            plan = {
                "number": number,
                "kind": kind,
                "town": town,
                "topics": topics,
                "tags": sorted(tags),
                "context": context,
                "live": live,
                "first_published_at": first if live else None,
                "last_published_at": last if live else None,
                "translation_key": self._uuid(),
            }
            if kind == "case_study":
                qualifier = rng.choice(vocab.QUALIFIERS)
                form = rng.random()
                if form < 0.45:
                    title = f"{project} {qualifier}"
                elif form < 0.8:
                    title = f"{project} in {town.name}"
                else:
                    title = f"{project}: {context['things']} im {town.district_name}"
                start = rng.randint(2015, 2026)
                partners = set()
                for _ in range(rng.choices((0, 1, 2, 3), weights=(45, 30, 18, 7))[0]):
                    pool_towns = self.by_district[town.district_ags] if rng.random() < 0.7 else self.towns
                    partner = rng.choice(pool_towns)
                    if partner.pk != town.pk:
                        partners.add(partner.pk)
                earlier = case_studies_by_town.get(town.pk, [])
                plan.update(
                    title=title,
                    phase=rng.choices(
                        ("idea", "concept", "pilot", "rollout", "operation", "completed"),
                        weights=(8, 14, 24, 22, 20, 12),
                    )[0],
                    start_year=start,
                    end_year=start + rng.randint(0, 4) if rng.random() < 0.4 else None,
                    partners=sorted(partners),
                    related=sorted(set(rng.sample(earlier, min(len(earlier), rng.randint(0, 2))))),
                    sections=self._case_study_sections(context),
                    funding=rng.choice(vocab.FUNDING),
                    operator=rng.choice(vocab.OPERATOR_MODELS),
                    licence=rng.choice(vocab.LICENCES),
                    effort=(
                        f"{rng.randint(3, 36)} Monate",
                        f"{rng.randint(1, 8) / 2:g} Stellen",
                        f"{rng.randint(5, 900)}.000 Euro",
                    ),
                    budget=f"{rng.randint(20, 2500)}.000 Euro",
                    contact=rng.random() < 0.8,
                )
                case_studies_by_town.setdefault(town.pk, []).append(number)
            elif kind == "lesson":
                earlier = case_studies_by_town.get(town.pk, [])
                plan.update(
                    title=rng.choice(vocab.LESSON_HEADS).format(project=project),
                    case_study=rng.choice(earlier) if earlier and rng.random() < 0.8 else None,
                    tried=self._section_html(vocab.LESSON_SENTENCES["tried"], context, 2, 3),
                    happened=self._section_html(vocab.LESSON_SENTENCES["happened"], context, 2, 4),
                    recommendation=self._section_html(vocab.LESSON_SENTENCES["recommendation"], context, 2, 3),
                )
            else:
                template_kind = rng.choice(list(vocab.TEMPLATE_HEADS))
                earlier = case_studies_by_town.get(town.pk, [])
                plan.update(
                    title=vocab.TEMPLATE_HEADS[template_kind].format(project=project),
                    template_kind=template_kind,
                    description=self._section_html(vocab.SECTIONS["transferability"], context, 2, 3),
                    case_studies=sorted(set(rng.sample(earlier, min(len(earlier), rng.randint(0, 2))))),
                    document_text=self._sentences(vocab.DOCUMENT_SENTENCES, context, 5, 9),
                )
            plan["title"] = plan["title"][:250]
            plan["summary"] = self._summary(context)
            plans.append(plan)
        return plans

    def _case_study_sections(self, context):
        rng = self.rng
        kinds = ["challenge", "goal", "implementation", "results"]
        if rng.random() < 0.7:
            kinds.append("success_factors")
        if rng.random() < 0.8:
            kinds.append("transferability")
        return [
            {
                "type": "section",
                "value": {"kind": kind, "text": self._section_html(vocab.SECTIONS[kind], context, 2, 5)},
                "id": str(self._uuid()),
            }
            for kind in kinds
        ]

    # -- writing --------------------------------------------------------------------------------
    def run(self):
        from django.db import connection, transaction

        log(f"corpus: generating {self.size} pages (seed {self.seed})")
        with transaction.atomic():
            self._load_reference()
            self._ensure_tags()
            self._ensure_contacts()
            plans = self._plan()
            log(f"corpus: {len(plans)} pages planned, writing rows")
            self._write(plans)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")

    def _write(self, plans):
        from django.db.models import F
        from django.utils.text import slugify
        from wagtail.models import Page

        from wiki.models import CaseStudyPage, KnowledgePage, LessonPage, TemplatePage, TemplatePageDocument

        ids = self._allocate_ids(len(plans))
        steps = self._next_steps()
        page_id = {plan["number"]: ids[i] for i, plan in enumerate(plans)}
        models = {"case_study": CaseStudyPage, "lesson": LessonPage, "template": TemplatePage}
        objects = {"case_study": [], "lesson": [], "template": []}
        children = {}
        for plan in plans:
            town = plan["town"]
            parent = self.town_pages[town.pk]
            steps[town.pk] += 1
            children[parent.pk] = children.get(parent.pk, 0) + 1
            pk = page_id[plan["number"]]
            slug = f"{slugify(plan['title'])[:70].strip('-')}-{plan['number']}"
            fields = dict(
                id=pk,
                page_ptr_id=pk,
                knowledgepage_ptr_id=pk,
                title=plan["title"],
                draft_title=plan["title"],
                slug=slug,
                url_path=f"{parent.url_path}{slug}/",
                path=Page._get_path(parent.path, parent.depth + 1, steps[town.pk]),
                depth=parent.depth + 1,
                numchild=0,
                content_type_id=self.content_types[plan["kind"]],
                live=plan["live"],
                has_unpublished_changes=not plan["live"],
                first_published_at=plan["first_published_at"],
                last_published_at=plan["last_published_at"],
                latest_revision_created_at=plan["last_published_at"],
                locale_id=self.locale_id,
                translation_key=plan["translation_key"],
                municipality_id=town.pk,
                summary=plan["summary"],
                external_id=f"{external_prefix(self.seed)}{plan['number']:06d}",
            )
            if plan["kind"] == "case_study":
                effort = plan["effort"]
                contacts = self.contacts.get(town.pk) or [None]
                fields.update(
                    phase=plan["phase"],
                    start_year=plan["start_year"],
                    end_year=plan["end_year"],
                    body=plan["sections"],
                    effort_time=effort[0],
                    effort_staff=effort[1],
                    effort_cost=effort[2],
                    funding_programme=plan["funding"],
                    budget=plan["budget"],
                    operator_model=plan["operator"],
                    licence=plan["licence"],
                    contact_id=contacts[plan["number"] % len(contacts)] if plan["contact"] else None,
                )
            elif plan["kind"] == "lesson":
                fields.update(
                    case_study_id=page_id[plan["case_study"]] if plan["case_study"] is not None else None,
                    what_was_tried=plan["tried"],
                    what_happened=plan["happened"],
                    recommendation=plan["recommendation"],
                )
            else:
                fields.update(template_kind=plan["template_kind"], description=plan["description"])
            objects[plan["kind"]].append(models[plan["kind"]](**fields))

        progress = Progress("corpus rows", len(plans))
        every = objects["case_study"] + objects["lesson"] + objects["template"]
        self._insert(Page, every)
        self._insert(KnowledgePage, every)
        for kind, model in models.items():
            self._insert(model, objects[kind], progress)

        self._m2m(KnowledgePage.topics, [(page_id[p["number"]], self.topics[s].pk) for p in plans for s in p["topics"]])
        self._m2m(KnowledgePage.tags, [(page_id[p["number"]], self.tags[t].pk) for p in plans for t in p["tags"]])
        case_studies = [p for p in plans if p["kind"] == "case_study"]
        self._m2m(
            CaseStudyPage.partner_municipalities,
            [(page_id[p["number"]], town_id) for p in case_studies for town_id in p["partners"]],
        )
        self._m2m(
            CaseStudyPage.related_case_studies,
            [(page_id[p["number"]], page_id[other]) for p in case_studies for other in p["related"]],
        )
        templates = [p for p in plans if p["kind"] == "template"]
        self._m2m(
            TemplatePage.case_studies,
            [(page_id[p["number"]], page_id[other]) for p in templates for other in p["case_studies"]],
        )
        documents = self._documents(templates)
        TemplatePageDocument.objects.bulk_create(
            [
                TemplatePageDocument(page_id=page_id[plan["number"]], document_id=document.pk, sort_order=0)
                for plan, document in zip(templates, documents, strict=True)
            ],
            batch_size=CHUNK,
        )
        for parent_pk, count in children.items():
            Page.objects.filter(pk=parent_pk).update(numchild=F("numchild") + count)

    def _insert(self, model, objects, progress=None):
        fields = list(model._meta.local_concrete_fields)
        for start in range(0, len(objects), CHUNK):
            chunk = objects[start : start + CHUNK]
            model._base_manager._insert(chunk, fields=fields)
            if progress is not None:
                progress.advance(len(chunk))

    def _m2m(self, descriptor, pairs):
        field = descriptor.field
        through = descriptor.through
        source = f"{field.m2m_field_name()}_id"
        target = f"{field.m2m_reverse_field_name()}_id"
        through.objects.bulk_create([through(**{source: a, target: b}) for a, b in pairs], batch_size=CHUNK * 4)

    def _documents(self, templates):
        """One small real PDF per template, its text stored as already extracted."""
        from django.conf import settings
        from django.utils import timezone as dj_timezone

        from wiki.models import KnowledgeDocument

        folder = Path(settings.MEDIA_ROOT) / "documents" / f"bench-{self.seed}"
        folder.mkdir(parents=True, exist_ok=True)
        progress = Progress("corpus documents", len(templates))
        documents = []
        now = dj_timezone.now()
        for plan in templates:
            name = f"vorlage-{plan['number']:06d}.pdf"
            data = _pdf(plan["title"], plan["document_text"])
            (folder / name).write_bytes(data)
            documents.append(
                KnowledgeDocument(
                    title=plan["title"][:255],
                    file=f"documents/bench-{self.seed}/{name}",
                    collection_id=self.collection_id,
                    file_size=len(data),
                    file_hash=hashlib.sha1(data).hexdigest(),
                    extracted_text=f"{plan['title']}\n{plan['document_text']}",
                    extracted_at=now,
                )
            )
            progress.advance()
        return KnowledgeDocument.objects.bulk_create(documents, batch_size=CHUNK)


def _pdf(title, text):
    """A small one-page PDF written directly (Helvetica, WinAnsi): fpdf2 costs ~20 ms per file,
    which alone would take half a minute for the templates of 10,000 pages."""
    import textwrap

    def escape(line):
        return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    lines = [title] + textwrap.wrap(text, 90)
    ops = ["BT", "/F1 10 Tf", "12 TL", "50 790 Td"]
    ops += [f"({escape(line)}) '" for line in lines[:60]]
    ops.append("ET")
    stream = "\n".join(ops).encode("cp1252", errors="replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def sample_pages(seed, count, rng_seed=0):
    """Ids of live corpus pages for edit tests, chosen deterministically."""
    from wiki.models import KnowledgePage

    ids = list(
        KnowledgePage.objects.filter(external_id__startswith=external_prefix(seed), live=True)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    rng = random.Random(rng_seed)
    return rng.sample(ids, min(count, len(ids)))


__all__ = ["ensure_corpus", "corpus_state", "describe", "external_prefix", "sample_pages"]
