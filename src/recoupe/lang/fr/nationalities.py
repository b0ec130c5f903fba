"""French tables for nationalities: demonyms that stand for a person ("a ajouté le Belge").

In: nothing (data). Out: `DEMONYMS`, masculine singular demonym -> country, and `forms()`,
every inflected form (feminine, plural; lower case) -> its masculine singular. French news
names a person once ("le Belge Jean Dupont", "Jean Dupont (Belgique)") and then calls them by
nationality ("a répondu le Belge"); `annotate.attribution` ties the demonym back to that
person. General French, not any corpus.
"""

from __future__ import annotations

import functools

# Masculine singular demonym -> country, as written in French.
DEMONYMS = {
    "afghan": "Afghanistan", "algérien": "Algérie", "allemand": "Allemagne",
    "américain": "États-Unis", "anglais": "Angleterre", "argentin": "Argentine",
    "arménien": "Arménie", "australien": "Australie", "autrichien": "Autriche",
    "belge": "Belgique", "biélorusse": "Biélorussie", "bolivien": "Bolivie",
    "brésilien": "Brésil", "britannique": "Royaume-Uni", "bulgare": "Bulgarie",
    "burkinabé": "Burkina Faso", "camerounais": "Cameroun", "canadien": "Canada",
    "chilien": "Chili", "chinois": "Chine", "chypriote": "Chypre", "colombien": "Colombie",
    "congolais": "Congo", "coréen": "Corée", "croate": "Croatie", "cubain": "Cuba",
    "danois": "Danemark", "écossais": "Écosse", "égyptien": "Égypte", "équatorien": "Équateur",
    "espagnol": "Espagne", "estonien": "Estonie", "éthiopien": "Éthiopie",
    "finlandais": "Finlande", "français": "France", "gabonais": "Gabon", "géorgien": "Géorgie",
    "ghanéen": "Ghana", "grec": "Grèce", "guinéen": "Guinée", "haïtien": "Haïti",
    "hongrois": "Hongrie", "indien": "Inde", "indonésien": "Indonésie", "irakien": "Irak",
    "iranien": "Iran", "irlandais": "Irlande", "islandais": "Islande", "israélien": "Israël",
    "italien": "Italie", "ivoirien": "Côte d'Ivoire", "jamaïcain": "Jamaïque",
    "japonais": "Japon", "jordanien": "Jordanie", "kazakh": "Kazakhstan", "kényan": "Kenya",
    "kosovar": "Kosovo", "koweïtien": "Koweït", "letton": "Lettonie", "libanais": "Liban",
    "libyen": "Libye", "lituanien": "Lituanie", "luxembourgeois": "Luxembourg",
    "malien": "Mali", "marocain": "Maroc", "mauritanien": "Mauritanie", "mexicain": "Mexique",
    "monégasque": "Monaco", "néerlandais": "Pays-Bas", "hollandais": "Pays-Bas",
    "nigérian": "Nigeria", "nigérien": "Niger", "norvégien": "Norvège",
    "néo-zélandais": "Nouvelle-Zélande", "ougandais": "Ouganda", "pakistanais": "Pakistan",
    "palestinien": "Palestine", "paraguayen": "Paraguay", "péruvien": "Pérou",
    "philippin": "Philippines", "polonais": "Pologne", "portugais": "Portugal",
    "qatari": "Qatar", "roumain": "Roumanie", "russe": "Russie", "rwandais": "Rwanda",
    "saoudien": "Arabie saoudite", "sénégalais": "Sénégal", "serbe": "Serbie",
    "slovaque": "Slovaquie", "slovène": "Slovénie", "somalien": "Somalie",
    "soudanais": "Soudan", "suédois": "Suède", "suisse": "Suisse", "syrien": "Syrie",
    "taïwanais": "Taïwan", "tchadien": "Tchad", "tchèque": "Tchéquie", "thaïlandais": "Thaïlande",
    "tunisien": "Tunisie", "turc": "Turquie", "ukrainien": "Ukraine", "uruguayen": "Uruguay",
    "vénézuélien": "Venezuela", "vietnamien": "Vietnam", "yéménite": "Yémen",
    "zimbabwéen": "Zimbabwe", "européen": "Europe", "africain": "Afrique",
}

# Feminines that the regular rules below do not give.
_IRREGULAR = {"grec": "grecque", "turc": "turque", "suisse": "suissesse"}


def _feminine(word: str) -> str:
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word.endswith("e"):
        return word
    if word.endswith(("ien", "éen", "on")):  # italien -> italienne, letton -> lettonne
        return word + "ne"
    return word + "e"


def _plural(word: str) -> str:
    return word if word.endswith(("s", "x")) else word + "s"


@functools.cache
def forms() -> dict[str, str]:
    """Every form (lower case: masculine, feminine, singular, plural) -> masculine singular."""
    out: dict[str, str] = {}
    for word in DEMONYMS:
        fem = _feminine(word)
        for form in (word, fem, _plural(word), _plural(fem)):
            out.setdefault(form, word)
    if "suisse" in DEMONYMS:
        out["suisse"] = "suisse"
    return out
