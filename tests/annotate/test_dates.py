"""Date expressions on hand-made French sentences: what is found, and what it resolves to."""

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recoupe.annotate.dates import find_dates
from recoupe.model import AnnotatedArticle, Article, Sentence
from recoupe.partialdate import PartialDate, parse_iso, resolve

# A Wednesday: weekdays resolve around it.
PUB = "2022-06-15"


def annotated(text: str, published: str | None = None, language: str = "fr"):
    sentences, start = [], 0
    for m in re.finditer(r"\. |\Z", text):
        end = m.start() + (1 if m.group() else 0)
        if end > start:
            sentences.append(Sentence(start, end, text[start:end]))
        start = m.end()
    article = Article(id="t", source="t", text=text, published=published, language=language)
    return AnnotatedArticle(article, language, tuple(sentences))


def found(text: str, published: str | None = None, language: str = "fr"):
    return [(d.text, d.value) for d in find_dates(annotated(text, published, language))]


def check(text, published, expected):
    assert found(text, published) == expected


@pytest.mark.parametrize("text, published, expected", [
    ("La digue a cédé le 4 novembre 2019 dans la nuit.", None,
     [("4 novembre 2019", "2019-11-04")]),
    ("Le traité fut signé le 21 juin 1907 à Berne.", PUB, [("21 juin 1907", "1907-06-21")]),
    ("La foire s'ouvre jeudi 7 avril 2022 au parc.", None,
     [("jeudi 7 avril 2022", "2022-04-07")]),
    ("Le chantier reprendra le 1er février 2025.", None, [("1er février 2025", "2025-02-01")]),
    ("Le marché a été lancé le premier juillet 2021.", None,
     [("premier juillet 2021", "2021-07-01")]),
    ("Le bail court jusqu'au 28 févr. 2026 au plus tard.", None,
     [("28 févr. 2026", "2026-02-28")]),
    ("Le courrier est daté du 05/03/2021 et signé.", None, [("05/03/2021", "2021-03-05")]),
    ("Le fichier porte la date 2020-11-30 en en-tête.", None, [("2020-11-30", "2020-11-30")]),
    ("Les rencontres des 8 et 9 octobre 2021 ont attiré du monde.", None,
     [("8", "2021-10-08"), ("9 octobre 2021", "2021-10-09")]),
    ("Le festival a lieu du 3 au 5 mai 2024 sur la plage.", None,
     [("3", "2024-05-03"), ("5 mai 2024", "2024-05-05")]),
])
def test_dates_absolute(text, published, expected):
    check(text, published, expected)


@pytest.mark.parametrize("text, published, expected", [
    # The publication's year, unless that puts the date more than two months after it.
    ("La mairie a voté le budget le 2 juin.", PUB, [("2 juin", "2022-06-02")]),
    ("La tempête du 10 août a laissé des traces.", PUB, [("10 août", "2022-08-10")]),
    ("La tempête du 20 août a laissé des traces.", PUB, [("20 août", "2021-08-20")]),
    ("Les fêtes du 24 décembre avaient été annulées.", PUB, [("24 décembre", "2021-12-24")]),
    ("Le vote aura lieu le 3 septembre prochain.", PUB, [("3 septembre prochain", "2022-09-03")]),
    ("Le salon se tiendra le 10 mars prochain.", PUB, [("10 mars prochain", "2023-03-10")]),
    ("Il était venu le 20 juin dernier.", PUB, [("20 juin dernier", "2021-06-20")]),
    # Without a publication date the year stays open.
    ("La mairie a voté le budget le 2 juin.", None, [("2 juin", "--06-02")]),
    ("Elle a été vue le 1er mars au marché.", None, [("1er mars", "--03-01")]),
])
def test_dates_day_and_month(text, published, expected):
    check(text, published, expected)


@pytest.mark.parametrize("text, published, expected", [
    ("La ligne a fermé en novembre 2018.", None, [("novembre 2018", "2018-11")]),
    ("Le chantier doit finir fin juin 2024.", None, [("fin juin 2024", "2024-06")]),
    ("Le projet a été relancé début janvier 2020.", None, [("début janvier 2020", "2020-01")]),
    ("Le prix a doublé depuis mi-octobre 2021.", None, [("mi-octobre 2021", "2021-10")]),
    ("Le rapport est attendu en sept. 2023 au plus tôt.", None, [("sept. 2023", "2023-09")]),
])
def test_dates_month_and_year(text, published, expected):
    check(text, published, expected)


@pytest.mark.parametrize("text, published, expected", [
    ("Les travaux ont commencé en avril.", PUB, [("avril", "2022-04")]),
    ("Les travaux reprendront en août.", PUB, [("août", "2022-08")]),
    ("La crue de novembre a tout emporté.", PUB, [("novembre", "2021-11")]),
    ("Le prix sera connu fin juillet.", PUB, [("fin juillet", "2022-07")]),
    ("Rien ne bougera avant la fin du mois de mars.", PUB,
     [("la fin du mois de mars", "2022-03")]),
    ("Le vote est prévu en février prochain.", PUB, [("février prochain", "2023-02")]),
    ("Il a démissionné en juin dernier.", PUB, [("juin dernier", "2021-06")]),
    ("Les travaux ont commencé en avril.", None, [("avril", None)]),
    ("Rien ne bougera avant la fin du mois de mars.", None, [("la fin du mois de mars", None)]),
])
def test_dates_month_alone(text, published, expected):
    check(text, published, expected)


def test_dates_month_alone_with_only_a_publication_year_is_uncertain():
    (ref,) = find_dates(annotated("Les travaux ont commencé en avril.", "2022"))
    assert (ref.value, ref.certain) == ("2022-04", False)


@pytest.mark.parametrize("text, published, expected", [
    ("La gare a été rénovée en 2011.", None, [("2011", "2011")]),
    ("Le club est en tête depuis 2015.", None, [("2015", "2015")]),
    ("Ce record tenait depuis celui de 1987.", None, [("1987", "1987")]),
    ("2018 a été une année sèche.", None, [("2018", "2018")]),
    ("Le pont sera achevé mi-2026.", None, [("mi-2026", "2026")]),
    ("La loi entre en vigueur fin 2025.", None, [("fin 2025", "2025")]),
    ("Il a dirigé le club de 2004 à 2009.", None, [("2004", "2004"), ("2009", "2009")]),
    ("Il a dirigé le club (2004-2009) sans titre.", None, [("2004", "2004"), ("2009", "2009")]),
    ("La mode des années 1970 revient.", None, [("années 1970", None)]),
])
def test_dates_years(text, published, expected):
    check(text, published, expected)


@pytest.mark.parametrize("text, published, expected", [
    ("Le conseil s'est réuni mardi pour voter.", PUB, [("mardi", "2022-06-14")]),
    ("Le conseil s'est réuni mercredi pour voter.", PUB, [("mercredi", "2022-06-15")]),
    ("Le conseil s'est réuni jeudi pour voter.", PUB, [("jeudi", "2022-06-09")]),
    ("Le train est arrivé lundi matin en gare.", PUB, [("lundi matin", "2022-06-13")]),
    ("La séance a été levée vendredi soir tard.", PUB, [("vendredi soir", "2022-06-10")]),
    ("Le maire parlera vendredi prochain au conseil.", PUB,
     [("vendredi prochain", "2022-06-17")]),
    ("Le maire a parlé mercredi dernier au conseil.", PUB, [("mercredi dernier", "2022-06-08")]),
    ("Le maire parlera ce vendredi au conseil.", PUB, [("ce vendredi", "2022-06-17")]),
    ("Samedi, la foule était dense.", PUB, [("Samedi", "2022-06-11")]),
    ("Le conseil s'est réuni mardi pour voter.", None, [("mardi", None)]),
    ("Le train est arrivé lundi matin en gare.", "2022-06", [("lundi matin", None)]),
])
def test_dates_weekdays(text, published, expected):
    check(text, published, expected)


@pytest.mark.parametrize("text, published, expected", [
    ("Le maire a démissionné hier soir.", PUB, [("hier soir", "2022-06-14")]),
    ("Le maire démissionne aujourd'hui.", PUB, [("aujourd'hui", "2022-06-15")]),
    ("Le maire démissionne aujourd’hui.", PUB, [("aujourd’hui", "2022-06-15")]),
    ("Le maire avait démissionné avant-hier.", PUB, [("avant-hier", "2022-06-13")]),
    ("Le maire démissionnera demain matin.", PUB, [("demain matin", "2022-06-16")]),
    ("Les ventes ont baissé cette année.", PUB, [("cette année", "2022")]),
    ("Les ventes avaient baissé l'an dernier.", PUB, [("l'an dernier", "2021")]),
    ("Les ventes avaient baissé l’année dernière.", PUB, [("l’année dernière", "2021")]),
    ("Les ventes remonteront l'an prochain.", PUB, [("l'an prochain", "2023")]),
    ("Les ventes ont baissé le mois dernier.", PUB, [("le mois dernier", "2022-05")]),
    ("Les ventes ont baissé la semaine dernière.", PUB, [("la semaine dernière", None)]),
    ("Le club a été fondé il y a 120 ans.", PUB, [("il y a 120 ans", "1902")]),
    ("Le club a été fondé il y a trois jours.", PUB, [("il y a trois jours", "2022-06-12")]),
    ("Le club a été fondé il y a deux mois.", PUB, [("il y a deux mois", "2022-04")]),
    ("Le club sera dissous dans deux ans.", PUB, [("dans deux ans", "2024")]),
    ("Le club a été fondé il y a près de 120 ans.", PUB, [("il y a près de 120 ans", None)]),
])
def test_dates_relative_with_a_publication_date(text, published, expected):
    check(text, published, expected)


@pytest.mark.parametrize("text", [
    "Le maire a démissionné hier soir.",
    "Les ventes ont baissé cette année.",
    "Les ventes ont baissé le mois dernier.",
    "Le club a été fondé il y a 120 ans.",
    "Le maire démissionnera demain matin.",
])
def test_dates_relative_without_a_publication_date_stay_open(text):
    refs = find_dates(annotated(text))
    assert len(refs) == 1 and refs[0].value is None


@pytest.mark.parametrize("text, expected", [
    ("La commune compte 2012 habitants.", []),
    ("Plus de 2000 personnes ont défilé.", []),
    ("Entre 1900 et 2300 manifestants selon la police.", []),
    ("Les 1850 salariés sont en grève.", []),
    ("Le prix atteint 2015 euros par mois.", []),
    ("Il habite au 1910 rue des Lilas.", []),
    ("Un Airbus A380 a atterri en douceur.", []),
    ("Le club fête son 75e anniversaire.", []),
    ("Le record a tenu 40 secondes.", []),
    ("Le dossier n° 2017 est clos.", []),
    ("La population passe à 2 2019 000 unités.", []),
    ("La sonde s'est posée sur Mars sans encombre.", []),
    ("La planète mars brille ce soir-là.", []),
    ("Le rover Mars 2020 a décollé.", []),
    ("Elle lit le Journal du Dimanche au café.", []),
    ("Le défilé de mardi gras a réuni la ville.", []),
    ("Elle s'appelle Mai Linh et vit à Hanoï.", []),
    ("Cette année-là, il pleuvait.", []),
    ("Le jeu de sept cartes reste simple.", []),
])
def test_dates_not_dates(text, expected):
    assert found(text, PUB) == expected


def test_dates_sentence_index_and_offsets():
    text = "Le vote a eu lieu en 2019. Il a été annulé le 3 mars 2020. Puis rien."
    refs = find_dates(annotated(text))
    assert [(r.text, r.sentence) for r in refs] == [("2019", 0), ("3 mars 2020", 1)]
    assert all(text[r.start:r.end] == r.text and r.certain for r in refs)


def test_dates_longest_expression_wins():
    assert found("Le sommet s'est tenu mercredi 13 septembre 2023 à midi.", None) == [
        ("mercredi 13 septembre 2023", "2023-09-13")]


def test_dates_publication_with_a_time_is_an_anchor():
    assert found("Le maire a démissionné hier.", "2022-06-15T08:30:00+02:00") == [
        ("hier", "2022-06-14")]


def test_dates_english_table():
    assert found("On March 3, 2021, the mayor resigned; last Tuesday, in May.", PUB, "en") == [
        ("March 3, 2021", "2021-03-03"), ("last Tuesday", "2022-06-14"), ("May", "2022-05")]


@pytest.mark.parametrize("text, partial", [
    ("Le maire parlera mardi prochain.", PartialDate(weekday=1, direction=1)),
    ("Le maire parlera ce vendredi.", PartialDate(weekday=4, this_week=True)),
    ("Le vote a eu lieu le 3 mars.", PartialDate(month=3, day=3)),
    ("Le sommet s'est tenu mercredi 13 septembre 2023.",
     PartialDate(year=2023, month=9, day=13, weekday=2)),
    ("Le courrier est daté du 05/03/21 et signé.",
     PartialDate(year=21, month=3, day=5, short_year=True)),
    ("Le vote est prévu en février prochain.", PartialDate(month=2, direction=1)),
    ("Le club a été fondé il y a 75 ans.", PartialDate(unit="year", offset=-75)),
    ("Le club a été fondé il y a près de 75 ans.",
     PartialDate(unit="year", offset=-75, approximate=True)),
    ("Le maire a démissionné avant-hier.", PartialDate(unit="day", offset=-2)),
    ("La mode des années 1970 revient.", PartialDate(approximate=True)),
])
def test_dates_keep_what_the_expression_writes_down(text, partial):
    (ref,) = find_dates(annotated(text, PUB))
    assert ref.partial == partial
    # The value is the partial date read against the publication date, nothing more.
    assert (ref.value, ref.certain) == tuple(resolve(partial, parse_iso(PUB)))


_DATEY = st.sampled_from([
    " ", "\n", ".", ", ", "le ", "1er ", "13 ", "mars ", "Mars", "mai", "2023", "1999-", "12/",
    "mardi", " prochain", " soir", "il y a ", "deux ", "ans", "fin ", "mi-", "hier", "'", "’",
    "cette année", "années ", "du 2 au ", "A380", "n° ", "habitants", "İ", "ß", "-", "–",
])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_DATEY, st.text(max_size=6)), max_size=30),
       st.sampled_from([None, PUB, "2022", "2022-02", "garbage", "2024-02-29T23:00"]))
def test_dates_property_offsets_order_no_overlap(parts, published):
    text = "".join(parts)
    refs = find_dates(annotated(text, published))
    last_end = 0
    for r in refs:
        assert (r.value, r.certain) == tuple(resolve(r.partial, parse_iso(published)))
        assert 0 <= r.start < r.end <= len(text)
        assert text[r.start:r.end] == r.text
        assert r.start >= last_end
        last_end = r.end
