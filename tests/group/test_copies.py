"""find_copies / upstream_of: wire copies grouped, independent articles kept apart."""

from __future__ import annotations

import random

import pytest

from recoupe.group.copies import CopyGroup, find_copies, upstream_of
from recoupe.model import Article

# Three invented events, written for these tests (headline, then paragraphs).
DIGUE = """Rupture d'une digue à Valmorin : trois cents habitants évacués

VALMORIN, 14 mars (AFP) - Une digue de la rivière Sorne a cédé dans la nuit de mardi à \
mercredi en amont de Valmorin, petite commune du sud du Jura, contraignant les autorités à \
évacuer environ trois cents habitants des quartiers bas, a-t-on appris auprès de la préfecture.

Selon les pompiers, l'eau est montée de près d'un mètre en moins de deux heures dans la rue \
principale. Aucune victime n'était à déplorer mercredi matin, mais une dizaine de personnes \
âgées ont dû être hélitreuillées depuis le toit d'une maison de retraite.

« Nous avons été réveillés par les sirènes vers trois heures, l'eau entrait déjà sous la \
porte », a raconté Martine Grosjean, une commerçante installée depuis vingt ans dans le centre.

Le préfet, Olivier Mancel, a annoncé l'ouverture d'une enquête sur l'entretien de l'ouvrage, \
construit en 1962 et dont une inspection avait signalé des fissures il y a deux ans. Un \
gymnase et la salle des fêtes ont été ouverts pour accueillir les sinistrés.

Météo-France maintient la vigilance orange pour les crues jusqu'à jeudi soir, de nouvelles \
pluies étant attendues sur le massif. La circulation reste coupée sur la route départementale \
entre Valmorin et Chaux-Neuve."""

GREVE = """Grève des contrôleurs aériens : l'aéroport de Port-Saline paralysé

PORT-SALINE, 2 juin (Reuters) - Aucun avion n'a décollé lundi de l'aéroport de Port-Saline, \
où les contrôleurs aériens ont entamé une grève illimitée pour protester contre la suppression \
de quarante postes annoncée par la direction régionale de l'aviation civile.

Plus de cent vingt vols ont été annulés dans la journée, touchant quelque quinze mille \
passagers, selon la société gestionnaire de la plateforme. Les compagnies ont conseillé à \
leurs clients de reporter leur voyage ou de se rendre à l'aéroport de Lorvel, à deux heures \
de route.

« Avec les effectifs prévus, nous ne pouvons plus garantir la sécurité du trafic en été », a \
déclaré Hélène Barrault, déléguée du principal syndicat de contrôleurs, devant la tour de \
contrôle où une centaine de grévistes s'étaient rassemblés.

La direction assure que la réorganisation ne touchera que des postes administratifs et a \
proposé une réunion de conciliation mercredi. Le ministre des transports a appelé les deux \
parties à « reprendre rapidement le dialogue ».

Les hôteliers de la côte, qui entament leur haute saison, redoutent un mouvement prolongé. \
La dernière grève de ce type, en 2019, avait duré neuf jours."""

FOUILLES = """Saint-Aubrac : des archéologues mettent au jour une villa gallo-romaine

SAINT-AUBRAC, 21 septembre - Des archéologues de l'Institut régional des fouilles ont \
découvert sous un futur lotissement de Saint-Aubrac les vestiges d'une vaste villa \
gallo-romaine, dont une salle de bains chauffée et une mosaïque presque intacte.

La mosaïque, d'environ douze mètres carrés, représente des dauphins et des motifs \
géométriques noirs et blancs. Elle daterait du deuxième siècle de notre ère, selon la \
responsable du chantier, Claire Vidonne.

« C'est la découverte la plus importante de la vallée depuis un demi-siècle. Nous ne \
pensions pas trouver un ensemble aussi bien conservé à si peu de profondeur », a-t-elle \
expliqué lors d'une visite organisée pour la presse.

Les fouilles, prévues pour six semaines, ont été prolongées jusqu'à la fin de l'année. Le \
promoteur du lotissement a accepté de décaler les travaux, et la mairie envisage de présenter \
la mosaïque au musée municipal une fois restaurée.

Des pièces de monnaie, des fragments d'amphores et une petite statuette en bronze ont \
également été retrouvés. Ils seront étudiés au laboratoire de l'institut avant d'être \
exposés au public.

(avec AFP)"""

# The dyke story again, written independently: same facts, other words.
DIGUE_AUTRE = """Valmorin sous les eaux après la rupture d'un barrage en terre

Les habitants de Valmorin ont passé la nuit hors de chez eux. Vers trois heures du matin, \
l'ouvrage qui retient la Sorne en amont du village a lâché, et les rues les plus basses ont \
été inondées en un temps record, d'après le service départemental d'incendie et de secours.

Près de 300 personnes ont été mises à l'abri dans le gymnase et la salle des fêtes. Les \
secours ont dû utiliser un hélicoptère pour évacuer des résidents de la maison de retraite, \
encerclée par les flots. On ne compte aucun blessé.

Commerçante dans le centre, Martine Grosjean dit avoir entendu les sirènes avant de voir \
l'eau passer sous sa porte. « Tout est perdu au rez-de-chaussée », soupire-t-elle.

La digue datait du début des années soixante. Des fissures y avaient été relevées lors d'un \
contrôle récent, et le représentant de l'État veut savoir pourquoi rien n'a été fait : une \
enquête est ouverte. Les prévisionnistes craignent d'autres averses d'ici jeudi, et la \
départementale vers Chaux-Neuve demeure fermée.

Par Julien Roussel"""


def _paragraphs(text: str) -> list[str]:
    return text.split("\n\n")


def _new_headline_and_sentence(text: str) -> str:
    paras = _paragraphs(text)
    paras[0] = "EN DIRECT - Un titre réécrit par le site qui reprend la dépêche"
    paras[2] += " Les équipes sur place travaillent sans relâche depuis le début de la soirée."
    return "\n\n".join(paras)


def _typo_and_paragraph_dropped(text: str) -> str:
    paras = _paragraphs(text)
    del paras[3]
    paras[1] = paras[1].replace("a", "q", 1)  # one typo in the first paragraph
    return "\n\n".join(paras)


def _reordered(text: str) -> str:
    paras = _paragraphs(text)
    paras[2], paras[3] = paras[3], paras[2]
    return "\n\n".join(paras)


def _article(id_: str, text: str, credits: tuple[str, ...] = ()) -> Article:
    return Article(id=id_, source=f"{id_}.txt", text=text, credits=credits)


def _corpus() -> list[Article]:
    out = []
    for name, text in (("digue", DIGUE), ("greve", GREVE), ("fouilles", FOUILLES)):
        out += [
            _article(f"{name}-0", text),
            _article(f"{name}-exact", text),
            _article(f"{name}-edit", _new_headline_and_sentence(text)),
            _article(f"{name}-cut", _typo_and_paragraph_dropped(text)),
            _article(f"{name}-moved", _reordered(text)),
        ]
    out.append(_article("digue-autre", DIGUE_AUTRE))
    return out


def _group_of(groups: tuple[CopyGroup, ...], article_id: str) -> CopyGroup | None:
    return next((g for g in groups if article_id in g.articles), None)


def test_copies_fixture_texts_are_news_length():
    for text in (DIGUE, GREVE, FOUILLES, DIGUE_AUTRE):
        assert 150 <= len(text.split()) <= 260


def test_copies_variants_of_one_copy_form_one_group():
    groups = find_copies(_corpus())
    assert len(groups) == 3
    for name in ("digue", "greve", "fouilles"):
        group = _group_of(groups, f"{name}-0")
        assert group is not None
        assert group.articles == tuple(sorted(
            f"{name}-{v}" for v in ("0", "exact", "edit", "cut", "moved")))
        assert group.similarity == 1.0  # the exact copy


@pytest.mark.parametrize("variant", [_new_headline_and_sentence, _typo_and_paragraph_dropped,
                                     _reordered])
def test_copies_each_light_edit_is_grouped_alone(variant):
    groups = find_copies([_article("a", DIGUE), _article("b", variant(DIGUE))])
    assert len(groups) == 1
    assert groups[0].articles == ("a", "b")
    assert 0.6 <= groups[0].similarity < 1.0


def test_copies_independent_article_on_same_event_not_grouped():
    groups = find_copies(_corpus())
    assert _group_of(groups, "digue-autre") is None
    assert find_copies([_article("a", DIGUE), _article("b", DIGUE_AUTRE)]) == ()


def test_copies_different_events_not_grouped():
    assert find_copies([_article("a", DIGUE), _article("b", GREVE),
                        _article("c", FOUILLES)]) == ()


def test_copies_empty_texts_never_grouped():
    assert find_copies([_article("a", ""), _article("b", " \n"), _article("c", DIGUE)]) == ()


def test_copies_output_is_deterministic_and_order_free():
    corpus = _corpus()
    first = find_copies(corpus)
    assert find_copies(corpus) == first
    shuffled = corpus[:]
    random.Random(7).shuffle(shuffled)
    assert [g.articles for g in find_copies(shuffled)] == [g.articles for g in first]


def test_copies_bad_threshold_rejected():
    with pytest.raises(ValueError):
        find_copies([], threshold=0.0)


@pytest.mark.parametrize(("credit", "expected"), [
    ("avec AFP", "AFP"),
    ("Le Monde avec AFP", "AFP"),
    ("(Reuters)", "Reuters"),
    ("Xinhua/AFP/Belga", "Xinhua"),  # a chain: the origin first, then who relayed it
    ("AFP/Belga/RTBF", "AFP"),
    ("© AFP", "AFP"),
    ("Source : Reuters", "Reuters"),
    ("dpa", "dpa"),
    ("© Photo AFP", None),  # a picture credit: the agency took the photo, not the text
    ("Photo : Jean Dupont / AFP", None),
    ("Jean Dupont", None),
    ("Apple", None),
    ("", None),
])
def test_copies_upstream_from_credit_strings(credit, expected):
    body = "Titre de l'article\n\nLe conseil municipal a voté le budget jeudi soir."
    assert upstream_of(_article("a", body, credits=(credit,))) == expected
    # The same credit as the last line of the text reads the same way.
    assert upstream_of(_article("b", f"{body}\n\n{credit}")) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Titre\n\nMOSCOU, 3 mars (TASS) - Le texte commence ici.", "TASS"),
    ("Titre\n\nLe texte dit, selon l'AFP, que la séance est levée.", None),  # cited, not credit
    ("Reuters supprime 300 postes\n\nLe groupe de presse l'a annoncé jeudi.", None),  # a subject
    ("Titre\n\nLe texte.\n\n© Photo AFP\n\n(avec Reuters)", "Reuters"),
    ("Titre\n\nM. Dupont (à gauche) et Mme Durand, jeudi. (Source : KCNA)\n\nLe texte.", None),
])
def test_copies_upstream_from_text_lines(text, expected):
    assert upstream_of(_article("a", text)) == expected


def test_copies_photo_credit_taken_off_by_cleaner_does_not_count():
    # The cleaner turns "© Photo AFP" into the credit "AFP" and keeps the line in `removed`.
    article = Article(id="a", source="a", text="Titre\n\nLe texte.", credits=("AFP",),
                      removed=("© Photo AFP",))
    assert upstream_of(article) is None


def test_copies_group_upstream_is_the_shared_agency():
    credited = [_article("a", GREVE), _article("b", _new_headline_and_sentence(GREVE)),
                _article("c", _reordered(GREVE).replace("(Reuters)", "(Reuters/Belga)"))]
    assert find_copies(credited)[0].upstream == "Reuters"
    # A copy that dropped the credit does not veto; one naming another agency does.
    uncredited = _article("d", _typo_and_paragraph_dropped(GREVE).replace(" (Reuters)", ""))
    assert find_copies(credited + [uncredited])[0].upstream == "Reuters"
    other = _article("e", GREVE.replace("(Reuters)", "(AP)"))
    assert find_copies(credited + [other])[0].upstream is None
    assert find_copies([_article("f", DIGUE_AUTRE), _article("g", DIGUE_AUTRE)])[0].upstream \
        is None


def test_copies_finds_planted_copies_among_many():
    # Speed is measured by benchmarks/, not here: a timed assertion fails on a busy machine.
    rng = random.Random(42)
    vocabulary = [f"mot{k}" for k in range(5000)]
    articles = [_article(f"s{k}", " ".join(rng.choices(vocabulary, k=rng.randint(120, 250))))
                for k in range(1900)]
    planted = set()
    for k, original in enumerate(rng.sample(articles, 100)):
        words = original.text.split()
        words[rng.randrange(len(words))] = "coquille"  # a typo
        del words[-rng.randint(1, 10):]  # the end cut
        articles.append(_article(f"c{k}", " ".join(words)))
        planted.add(tuple(sorted((original.id, f"c{k}"))))
    rng.shuffle(articles)
    groups = find_copies(articles)
    assert {g.articles for g in groups} == planted
