"""German analysis: what a clerk typing a query would notice if it went wrong."""

import csv
from pathlib import Path
from types import SimpleNamespace

import pytest

from search import analysis
from search.analysis import (
    Lexicon,
    SynonymMap,
    analyze_query,
    analyze_word,
    fold,
    index_terms,
    is_acronym,
    prefix_terms,
    similar_terms,
    snippet,
    split_compound,
    stem,
    suggest,
    synonym_groups_from_tags,
    tokenize,
)

MUNICIPALITIES_CSV = Path(__file__).resolve().parents[2] / "wiki" / "data" / "municipalities.csv"


def terms_of(text):
    return set(index_terms(text))


def query_matches(query, text, synonyms=None):
    """True when any main/part/synonym term of the query occurs in the text's index terms."""
    return bool(set(analyze_query(query, synonyms).all_terms()) & terms_of(text))


class TestFold:
    @pytest.mark.parametrize(
        "a,b",
        [("Straße", "Strasse"), ("Bürger", "Buerger"), ("Öffnungszeiten", "Oeffnungszeiten"), ("Café", "Cafe")],
    )
    def test_spellings_fold_together(self, a, b):
        assert fold(a) == fold(b)

    def test_result_is_lowercase_ascii(self):
        assert fold("Größe ÄRGER naïve") == "groesse aerger naive"

    def test_capital_sharp_s(self):
        assert fold("STRAẞE") == "strasse"


class TestTokenize:
    def test_offsets_point_at_surface(self):
        text = "Die Stadt Olpe, OZG-Umsetzung (2024)."
        for token in tokenize(text):
            assert text[token.start : token.end] == token.surface
        assert [t.surface for t in tokenize(text)] == ["Die", "Stadt", "Olpe", "OZG-Umsetzung", "2024"]

    def test_acronyms_and_tech_terms_stay_whole(self):
        assert [t.surface for t in tokenize("LoRaWAN und 5G im ÖPNV")] == ["LoRaWAN", "und", "5G", "im", "ÖPNV"]

    @pytest.mark.parametrize("word", ["OZG", "ÖPNV", "LoRaWAN", "5G", "KITAs", "eAkte", "DSGVO"])
    def test_acronym_detection(self, word):
        assert is_acronym(word)

    @pytest.mark.parametrize("word", ["Stadt", "Beleuchtung", "STRASSENBELEUCHTUNG", "2024", "A"])
    def test_not_acronyms(self, word):
        assert not is_acronym(word)

    def test_empty_and_punctuation_only(self):
        assert tokenize("") == []
        assert tokenize("  ,;!?  <> ") == []


class TestIndexTerms:
    @pytest.mark.parametrize(
        "query,text",
        [
            ("Städte", "Stadt"),
            ("Stadt", "Die Städte im Kreis"),
            ("Sensoren", "ein Sensor am Mast"),
            ("Sensor", "Wir haben Sensoren verbaut"),
            ("Buergerbeteiligung", "Bürgerbeteiligung"),
            ("Strasse", "Straße"),
            ("Beleuchtung", "Straßenbeleuchtung"),
            ("Beleuchtung", "die Straßenbeleuchtungen der Stadt"),
            ("Sensornetz", "Sensornetze"),
            ("Parkraum", "Parkraumbewirtschaftung"),
            ("Datenschutz", "Datenschutzkonzept"),
            ("Infrastruktur", "Ladeinfrastruktur"),
            ("Vorlage", "Ratsvorlage"),
        ],
    )
    def test_query_finds_text(self, query, text):
        assert query_matches(query, text)

    def test_compound_indexes_whole_and_parts(self):
        result = index_terms("Straßenbeleuchtung")
        assert result[0] == stem("Straßenbeleuchtung")
        assert stem("Straße") in result and stem("Beleuchtung") in result

    def test_parts_are_separable_for_weighting(self):
        word = analyze_word("Straßenbeleuchtung")
        assert word.terms == (stem("Straßenbeleuchtung"),)
        assert set(word.parts) == {stem("Straße"), stem("Beleuchtung")}
        assert analyze_word("Olpe").terms == (stem("Olpe"),) and not analyze_word("in")

    def test_stop_words_dropped(self):
        assert index_terms("die und der mit für") == []

    def test_acronyms_kept_whole_and_unstemmed(self):
        assert index_terms("OZG LoRaWAN ÖPNV 5G") == ["ozg", "lorawan", "oepnv", "5g"]

    def test_acronym_plural(self):
        assert index_terms("KITAs") == index_terms("KITA")

    def test_hyphenated_word_indexes_pieces(self):
        result = terms_of("Smart-City-Strategie")
        assert {"smart", "city", stem("Strategie")} <= result

    def test_participle_meets_infinitive(self):
        assert query_matches("buchen", "Termine werden online gebucht")
        assert query_matches("gemeldet", "Bürger melden Schäden")
        assert not analyze_word("Gebiet").parts  # capitalised nouns are not participles

    def test_deterministic(self):
        text = "Die Parkraumbewirtschaftung in Attendorn nutzt LoRaWAN-Sensoren."
        assert index_terms(text) == index_terms(text)

    def test_all_terms_are_whitespace_free_ascii(self):
        for term in index_terms("Größe, Straßen-Café; naïve Ökologie: „Zitat“ — 2024 LoRaWAN"):
            assert term and term.isascii() and " " not in term and term == term.lower()


class TestCompounds:
    @pytest.mark.parametrize(
        "word,parts",
        [
            ("Straßenbeleuchtung", {"strasse", "beleuchtung"}),
            ("Bürgerbeteiligung", {"buerger", "beteiligung"}),
            ("Parkraumbewirtschaftung", {"parkraum", "park", "raum", "bewirtschaftung"}),
            ("Ratsvorlage", {"rat", "vorlage"}),
            ("Nahverkehrsplan", {"nahverkehr", "verkehr", "plan"}),
            ("Sensornetz", {"sensor", "netz"}),
            ("Radweg", {"rad", "weg"}),
        ],
    )
    def test_municipal_compounds_split(self, word, parts):
        assert parts <= set(split_compound(word))

    @pytest.mark.parametrize(
        "word", ["Unternehmen", "Wirtschaft", "Verwaltung", "Beleuchtung", "Gemeinde", "Landschaft", "Straßen"]
    )
    def test_ordinary_words_not_split(self, word):
        assert split_compound(word) == ()

    def test_place_names_stay_whole(self):
        # "Bad Berleburg" must not become Berl + Burg (and "burg" is the stem of "Bürger")
        with open(MUNICIPALITIES_CSV, encoding="utf-8", newline="") as handle:
            names = {row["name"] for row in csv.DictReader(handle)}
        split = {t.surface: split_compound(t.surface) for n in names for t in tokenize(n) if split_compound(t.surface)}
        assert split == {}
        assert {"sauerland", "kreis"} <= set(split_compound("Hochsauerlandkreis"))
        assert "sauer" not in split_compound("Hochsauerlandkreis")

    def test_text_on_parts_matches_compound_query_only_by_parts(self):
        query = analyze_query("Straßenbeleuchtung")
        text_terms = terms_of("Die Beleuchtung der Straßen wird erneuert")
        assert not {t for g in query.groups for t in g.terms} & text_terms
        assert {t for g in query.groups for t in g.parts} <= text_terms


class TestQuery:
    def test_groups_per_word(self):
        q = analyze_query("Straßenbeleuchtung in Olpe")
        assert [g.surface for g in q.groups] == ["Straßenbeleuchtung", "Olpe"]
        assert q.groups[0].terms[0] == stem("Straßenbeleuchtung")
        assert set(q.groups[0].parts) == {stem("Straße"), stem("Beleuchtung")}

    def test_prefix_on_last_word_only_while_typing(self):
        q = analyze_query("Bürger Straßenbel")
        assert q.prefix == "strassenbel" and q.groups[0].prefix is None
        assert analyze_query("Bürger ").prefix is None

    def test_acronym_flag(self):
        q = analyze_query("OZG Umsetzung")
        assert q.groups[0].is_acronym and q.groups[0].terms == ("ozg",)
        assert not q.groups[1].is_acronym

    def test_lowercase_acronym_meets_indexed_acronym(self):
        assert query_matches("öpnv", "Der ÖPNV im Kreis")
        assert query_matches("lorawan", "ein LoRaWAN-Netz")

    def test_swapped_letters_in_an_ending_are_repaired(self):
        # the stemmer strips "-ung" only from the right spelling; fuzzy matching on stems
        # could not bridge the gap
        assert stem("Straßenbeleuchtung") in analyze_query("Strassenbeleuchtnug").groups[0].terms
        assert query_matches("Verwaltugn", "Die Verwaltung")

    @pytest.mark.parametrize("word", ["Verkehr", "Coworking", "Internet", "Sensor", "Olpe"])
    def test_correct_words_get_no_repair(self, word):
        assert analyze_query(word).groups[0].terms == (stem(word),)

    @pytest.mark.parametrize(
        "text", ["", "   ", "<script>alert(1)</script>", "' OR 1=1 --", "\x00\x01", "a" * 10000, '*?~^"()[]{}:/\\']
    )
    def test_hostile_input_never_raises(self, text):
        q = analyze_query(text)
        assert isinstance(q.all_terms(), list)
        assert all(term.isalnum() for term in q.all_terms())

    def test_long_queries_are_capped(self):
        q = analyze_query(" ".join(f"wort{i}" for i in range(200)))
        assert len(q.groups) == analysis.MAX_QUERY_WORDS

    def test_empty(self):
        assert not analyze_query("").groups
        assert not analyze_query("und der").groups


class TestSynonyms:
    @pytest.fixture
    def synonyms(self):
        return SynonymMap.from_groups(
            [
                ["Nahverkehr", "ÖPNV", "Busverkehr"],
                ["Öffentlicher Personennahverkehr", "ÖPNV"],
                ["Smart City", "Digitale Stadt"],
            ]
        )

    def test_acronym_finds_synonym(self, synonyms):
        assert query_matches("ÖPNV", "Nahverkehr im Sauerland", synonyms)
        assert not query_matches("ÖPNV", "Nahverkehr im Sauerland")

    def test_inflected_synonym(self, synonyms):
        assert query_matches("Nahverkehrs", "der ÖPNV wird ausgebaut", synonyms)

    def test_groups_merge_for_shared_phrase(self, synonyms):
        group = analyze_query("ÖPNV", synonyms).groups[0]
        assert stem("Nahverkehr") in group.synonyms
        assert (stem("öffentlicher"), stem("Personennahverkehr")) in group.synonym_phrases

    def test_multi_word_phrase_matches(self, synonyms):
        q = analyze_query("smart city", synonyms)
        assert q.groups[0].synonym_phrases == ((stem("digitale"), stem("Stadt")),)

    def test_expand_is_positional(self, synonyms):
        assert synonyms.expand(["foo", stem("Nahverkehr")])[0][:2] == (1, 2)

    def test_parts_are_not_expanded(self, synonyms):
        # all parts of a word are required together; a synonym among them would be required too
        group = analyze_query("ÖPNV-Konzept", synonyms).groups[0]
        assert set(group.parts) == {"oepnv", stem("Konzept")} and not group.synonyms

    def test_every_word_of_a_multi_word_match_carries_the_synonyms(self):
        synonyms = SynonymMap.from_groups([["Sensorik", "Internet der Dinge"]])
        groups = analyze_query("Internet der Dinge", synonyms).groups
        assert [g.synonyms for g in groups] == [(stem("Sensorik"),), (stem("Sensorik"),)]
        assert query_matches("Internet der Dinge", "Sensorik im Stadtgebiet", synonyms)

    def test_groups_from_tags(self):
        tags = [
            SimpleNamespace(name="Nahverkehr", synonym_list=["ÖPNV", "Busverkehr"]),
            SimpleNamespace(name="Glasfaser", synonym_list=[]),
        ]
        assert synonym_groups_from_tags(tags) == [["Nahverkehr", "ÖPNV", "Busverkehr"]]
        assert len(SynonymMap.from_groups(synonym_groups_from_tags(tags))) == 1


class TestSnippet:
    def test_marks_inflected_match(self):
        assert snippet("Die Stadt Olpe testet Sensoren.", analyze_query("Städte")) == (
            "Die <mark>Stadt</mark> Olpe testet Sensoren."
        )

    def test_marks_compound_for_part_query(self):
        assert "<mark>Straßenbeleuchtung</mark>" in snippet(
            "Neue Straßenbeleuchtung in Olpe", analyze_query("Beleuchtung")
        )

    def test_marks_synonym(self):
        synonyms = SynonymMap.from_groups([["Nahverkehr", "ÖPNV"]])
        assert "<mark>Nahverkehr</mark>" in snippet("Der Nahverkehr im Kreis", analyze_query("ÖPNV", synonyms))

    def test_markup_is_escaped(self):
        result = snippet('<script>alert("x")</script> Stadt & <b>Land</b>', analyze_query("Stadt"))
        assert "<script>" not in result and "<b>" not in result
        assert "&lt;script&gt;" in result and "&amp;" in result
        assert result.replace("<mark>", "").replace("</mark>", "").count("<") == 0

    def test_query_cannot_inject_markup(self):
        result = snippet("Ein Text über Radwege", analyze_query("<img src=x onerror=alert(1)> Radweg"))
        assert "<img" not in result and "<mark>Radwege</mark>" in result

    def test_window_around_best_passage(self):
        text = (
            "Einleitung ohne Bezug. " * 30 + "Hier geht es um die Straßenbeleuchtung mit LoRaWAN. " + "Schluss. " * 30
        )
        result = snippet(text, analyze_query("Straßenbeleuchtung LoRaWAN"), max_chars=120)
        assert result.startswith("… ") and result.endswith(" …")
        assert "<mark>Straßenbeleuchtung</mark>" in result and "<mark>LoRaWAN</mark>" in result
        assert len(result.replace("<mark>", "").replace("</mark>", "")) <= 120 + 4

    def test_no_match_falls_back_to_start(self):
        text = "Erster Satz des Textes. " * 20
        result = snippet(text, analyze_query("Hochwasser"), max_chars=60)
        assert result.startswith("Erster Satz") and result.endswith(" …") and "<mark>" not in result

    def test_empty(self):
        assert snippet("", analyze_query("Stadt")) == ""
        assert snippet(None, None) == ""


class TestPrefixTerms:
    def test_words_and_parts_unstemmed(self):
        result = prefix_terms("Straßenbeleuchtung in Olpe mit LoRaWAN")
        assert result[:2] == ["strassenbeleuchtung", "strasse"] or "strassenbeleuchtung" in result
        assert {"strassenbeleuchtung", "beleuchtung", "olpe", "lorawan"} <= set(result)
        assert "in" not in result and "mit" not in result

    def test_prefix_of_query_meets_prefix_terms(self):
        prefix = analyze_query("Buergerbet").prefix
        assert any(term.startswith(prefix) for term in prefix_terms("Bürgerbeteiligung"))


class TestTypos:
    def test_a_swap_of_neighbours_is_one_edit(self):
        assert similar_terms("beleuchtnug", ["beleuchtung"], max_edits=1) == ["beleuchtung"]
        assert similar_terms("senor", ["sensor"], max_edits=1) == ["sensor"]
        assert similar_terms("abc", ["xyz"], max_edits=1) == []

    def test_similar_terms_by_length(self):
        vocabulary = {"sensor": 5, "tensor": 1, "beleuchtung": 3, "stadt": 9}
        assert similar_terms("senzor", vocabulary) == ["sensor"]  # "tensor" is two edits away
        assert similar_terms("enso", {"ense": 1, "enso": 1, "enzo": 7, "endo": 2}) == ["enzo", "endo", "ense"]
        assert similar_terms("beleuchtnug", vocabulary) == ["beleuchtung"]
        assert similar_terms("bleuchtng", vocabulary) == ["beleuchtung"]  # 2 edits for long words
        assert similar_terms("rad", ["rat"]) == []  # short words: no fuzziness

    def test_suggest(self):
        lexicon = Lexicon({"Straßenbeleuchtung": 4, "Bürgerbeteiligung": 2, "Olpe": 1})
        assert suggest("strassenbeleuchtnug olpe", lexicon) == "straßenbeleuchtung olpe"
        assert suggest("Bürgerbeteilgung", lexicon) == "Bürgerbeteiligung"
        assert suggest("Straßenbeleuchtung in Olpe", lexicon) is None
        assert suggest("", lexicon) is None

    def test_suggest_keeps_inflected_known_words(self):
        assert suggest("Straßenbeleuchtungen", ["Straßenbeleuchtung"]) is None


def test_prefix_terms_are_the_same_from_the_per_word_cache_and_follow_a_new_vocabulary():
    from search.analysis import Vocabulary, get_vocabulary, set_vocabulary

    text = "Straßenbeleuchtung in Olpe, Straßenbeleuchtung mit LoRaWAN-Sensoren"
    first = prefix_terms(text)
    assert prefix_terms(text) == first
    assert first.count("strassenbeleuchtung") == 1 and "lorawan" in first and "sensoren" in first
    original = get_vocabulary()
    try:
        set_vocabulary(Vocabulary({"olpe": 3.0}))  # no parts known: the compound stays whole
        assert "beleuchtung" not in prefix_terms(text)
    finally:
        set_vocabulary(original)
    assert prefix_terms(text) == first


def test_compound_vocabulary_is_cached_on_disk_and_read_back_identical(tmp_path, monkeypatch):
    from search.analysis import Vocabulary
    from search.analysis.compounds import _cached_wordfreq_vocabulary

    monkeypatch.setenv("TRANSFERWIKI_CACHE_DIR", str(tmp_path))
    (tmp_path / "vocabulary-0000000000000000.marshal").write_bytes(b"stale")
    built = _cached_wordfreq_vocabulary()
    files = list(tmp_path.glob("vocabulary-*.marshal"))
    assert len(files) == 1  # the stale file of an older key is gone
    cached = _cached_wordfreq_vocabulary()
    assert cached._parts == built._parts and cached._other == built._other and cached.no_split == built.no_split
    assert analysis.split_compound("Straßenbeleuchtung", cached) == analysis.split_compound("Straßenbeleuchtung", built)
    files[0].write_bytes(b"damaged")  # a broken file is rebuilt, not trusted
    assert _cached_wordfreq_vocabulary()._parts == Vocabulary.from_wordfreq()._parts


class TestContentWords:
    """Issue 11: what a clerk types as a question must not be searched as keywords."""

    def content(self, text):
        return [g.surface for g in analyze_query(text).content_groups()]

    @pytest.mark.parametrize(
        "text, content",
        [
            ("welche Kommune hat schon einen Chatbot im Bürgerbüro", ["Chatbot", "Bürgerbüro"]),
            ("gibt es Erfahrungen mit Ladesäulen am Rathaus", ["Ladesäulen", "Rathaus"]),
            (
                "wie können wir Vereine bei der Digitalisierung unterstützen",
                ["Vereine", "Digitalisierung", "unterstützen"],
            ),
            ("Beispiele für Coworking auf dem Land", ["Coworking", "Land"]),
            ("wie haben andere Gemeinden die Straßenbeleuchtung umgestellt", ["Straßenbeleuchtung", "umgestellt"]),
            ("Digitale Stadt", ["Digitale", "Stadt"]),  # a place noun is content unless a question leads it
        ],
    )
    def test_question_words_and_filler_are_not_content(self, text, content):
        assert self.content(text) == content

    def test_a_query_of_filler_only_is_searched_as_typed(self):
        assert self.content("Tipps") == ["Tipps"]
        assert self.content("schon Informationen") == ["schon", "Informationen"]

    def test_type_hints_boost_and_stay_words_where_they_are_content(self):
        query = analyze_query("Muster Ausschreibung Sensornetz")
        assert query.type_hints == ("template",)
        assert self.content("Muster Ausschreibung Sensornetz") == ["Muster", "Ausschreibung", "Sensornetz"]
        framed = analyze_query("Erfahrungen mit Sensoren an Brücken")
        assert framed.type_hints == ("lesson",) and [g.surface for g in framed.content_groups()] == [
            "Sensoren",
            "Brücken",
        ]
        assert analyze_query("Beispiele für Coworking").type_hints == ("case_study",)
        assert analyze_query("Musterantrag Förderung").type_hints == ("template",)  # by a compound part
        assert analyze_query("Ladesäulen Rathaus").type_hints == ()

    def test_required_matches_depends_on_the_number_of_content_words(self):
        from search.analysis import required_matches

        assert [required_matches(n) for n in range(0, 9)] == [0, 1, 1, 1, 2, 2, 3, 3, 4]
        assert analyze_query("welche Kommune hat schon einen Chatbot im Bürgerbüro").required_matches == 1
        assert analyze_query("Kleinbusse ohne Fahrplan per App buchen").required_matches == 2


class TestQueryWordFlags:
    def test_each_unknown_word_is_repaired_on_its_own(self):
        lexicon = Lexicon(["Ladesäulen am Rathaus", "Telemedizin in der Landarztpraxis"])
        query = analyze_query("Ladesäulen Rathuas Telemedizn", lexicon=lexicon)
        assert query.repairs() == [("Rathuas", "Rathaus"), ("Telemedizn", "Telemedizin")]
        rathaus = query.groups[1]
        assert stem("Rathaus") in rathaus.terms and query.groups[0].repaired is None
        assert query_matches_groups(query, "Die Ladesäulen am Rathaus") == {0, 1}
        assert analyze_query("Ladesäulen Rathuas").repairs() == []  # without a lexicon: as typed

    def test_pieces_of_hyphenated_known_words_are_known(self):
        lexicon = Lexicon(["On-Demand-Verkehr im Kreis"])
        assert analyze_query("On Demand Verkehr", lexicon=lexicon).repairs() == []
        assert lexicon.correct("Demnad") is None  # pieces are not offered as corrections

    def test_filler_and_acronyms_are_not_repaired(self):
        lexicon = Lexicon(["Museum"])
        assert analyze_query("schon VR Musem", lexicon=lexicon).repairs() == [("Musem", "Museum")]

    @pytest.mark.parametrize("text", ["KI", "ki", "VR", "vr", "AR", "5G", "IT"])
    def test_two_letter_acronyms_are_whole_words(self, text):
        group = analyze_query(text).groups[0]
        assert group.is_acronym and group.whole_word
        assert group.terms == (analysis.fold(text),) and group.parts == ()
        assert group.prefix is None  # no prefix match: "ki" must not find "Kita"

    def test_longer_acronyms_keep_their_prefix(self):
        group = analyze_query("LoRaWAN").groups[0]
        assert group.is_acronym and not group.whole_word

    def test_hyphenated_compound_matches_its_parts_and_the_synonyms_of_its_pieces(self):
        synonyms = SynonymMap.from_groups([["Smart City", "Digitale Stadt"], ["On-Demand-Verkehr", "Rufbus"]])
        group = analyze_query("Smart-City-Strategie", synonyms).groups[0]
        assert {stem("Smart"), stem("City"), stem("Strategie")} <= set(group.parts)
        assert (stem("digitale"), stem("Stadt"), stem("Strategie")) in group.synonym_phrases
        hyphenated = analyze_query("On-Demand-Verkehr", synonyms).groups[0]
        assert stem("Rufbus") in hyphenated.synonyms
        apart = analyze_query("On Demand Verkehr", synonyms)
        assert all(stem("Rufbus") in g.synonyms for g in apart.groups)  # written apart: same synonyms
        assert stem("Rufbus") not in analyze_query("Verkehr", synonyms).groups[0].synonyms

    def test_multi_word_synonyms_work_in_both_directions(self):
        synonyms = SynonymMap.from_groups([["Open Data", "Offene Daten"]])
        offene = analyze_query("offene Daten Schulen", synonyms)
        assert all((stem("Open"), stem("Data")) in g.synonym_phrases for g in offene.groups[:2])
        assert not offene.groups[2].synonym_phrases
        english = analyze_query("Open Data", synonyms)
        assert all((stem("offene"), stem("Daten")) in g.synonym_phrases for g in english.groups)


def query_matches_groups(query, text):
    """Indexes of the query groups that one of the text's index terms matches."""
    terms = terms_of(text)
    return {i for i, g in enumerate(query.groups) if set(g.all_terms()) & terms}
