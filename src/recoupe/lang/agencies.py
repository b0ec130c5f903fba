"""The one table of news agencies and credit names, shared by every language.

In: nothing (data only).
Out: `WIRE`, wire agencies (canonical name -> the spellings a credit uses), where copies come
from; `PHOTO`, agencies that only credit pictures; `BROADCASTERS`, media whose name stands in
credits without being a wire; `CREDIT_NAMES`, all of them, the names a credit line may hold.

Agency names are proper nouns, the same in every language, so they live here once; the words
around them ("agence", "press") are language data in `lang/<code>/boilerplate.py`.
Newspapers are left out on purpose: they publish copies, agencies are where copies come from.
"""

from __future__ import annotations

WIRE: dict[str, tuple[str, ...]] = {
    "AFP": ("AFP", "Agence France-Presse", "Agence France Presse"),
    "AP": ("AP", "Associated Press"),
    "Reuters": ("Reuters",),
    "Xinhua": ("Xinhua", "Chine nouvelle", "Chine Nouvelle", "Sinhua"),
    "TASS": ("TASS", "ITAR-TASS", "Tass"),
    "RIA Novosti": ("RIA Novosti", "RIA-Novosti", "Ria Novosti"),
    "Interfax": ("Interfax",),
    "Sputnik": ("Sputnik",),
    "ANSA": ("ANSA",),
    "AGI": ("AGI",),
    "EFE": ("EFE",),
    "Europa Press": ("Europa Press",),
    "dpa": ("dpa", "DPA"),
    "APA": ("APA",),
    "Kyodo": ("Kyodo",),
    "Jiji": ("Jiji",),
    "Yonhap": ("Yonhap",),
    "KCNA": ("KCNA", "KCNA Watch"),
    "VNA": ("VNA", "Vietnam News Agency"),
    "Anadolu": ("Anadolu", "Agence Anadolu", "AA"),
    "Belga": ("Belga",),
    "ATS": ("ATS", "Keystone-ATS"),
    "ANP": ("ANP",),
    "Bernama": ("Bernama",),
    "Antara": ("Antara",),
    "PTI": ("PTI", "Press Trust of India"),
    "IANS": ("IANS",),
    "UPI": ("UPI",),
    "Bloomberg": ("Bloomberg",),
    "Presse canadienne": ("Presse canadienne", "Canadian Press"),
    "AAP": ("AAP",),
    "PAP": ("PAP",),
    "PA": ("PA", "PA Media", "Press Association"),
    "CTK": ("CTK", "ČTK"),
    "MTI": ("MTI",),
    "BTA": ("BTA",),
    "Lusa": ("Lusa",),
    "Ukrinform": ("Ukrinform",),
    "UNIAN": ("UNIAN",),
    "IRNA": ("IRNA",),
    "MENA": ("MENA",),
    "WAM": ("WAM",),
    "SPA": ("SPA",),
    "KUNA": ("KUNA",),
    "QNA": ("QNA",),
    "APS": ("APS", "Algérie Presse Service"),
    "MAP": ("MAP", "Maghreb Arabe Presse"),
    "TAP": ("TAP",),
    "ANI": ("ANI",),
    "CNA": ("CNA",),
    "PANA": ("PANA",),
    "ACP": ("ACP",),
    "AIP": ("AIP",),
    "Belta": ("Belta",),
    "Tanjug": ("Tanjug",),
    "Agerpres": ("Agerpres",),
    "WAFA": ("WAFA",),
    "SANA": ("SANA",),
}

PHOTO: tuple[str, ...] = (
    "Maxppp", "Sipa", "Abaca", "Getty Images", "Hans Lucas", "AFP Photo", "AP Photo", "EPA",
    "EPA-EFE", "Shutterstock", "iStock", "Alamy",
)

BROADCASTERS: tuple[str, ...] = ("AFPTV", "NHK", "CCTV", "CGTN")

CREDIT_NAMES: tuple[str, ...] = tuple(dict.fromkeys(
    [alias for aliases in WIRE.values() for alias in aliases] + list(PHOTO) + list(BROADCASTERS)))
