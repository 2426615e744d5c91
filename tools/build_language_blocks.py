"""Build `recognizers/data/home_access_languages_built.txt`: the home-access grammar's words in
every language of the rule below that no hand-written block of `home_access_languages.txt`
holds, taken from the Open Multilingual Wordnet's data (Wiktionary translations linked to
WordNet synsets, and the wordnets of a few languages), one `[language]` block each.

    python tools/build_language_blocks.py OMW_DATA_DIR CLDR_ANNOTATIONS_DIR OMW_COMMIT [UD_DIR]

OMW_DATA_DIR is a checkout of omwn/omw-data, CLDR_ANNOTATIONS_DIR the `annotations` folder
of the npm package `cldr-annotations-full`, UD_DIR a folder holding the Universal
Dependencies treebanks of `UD_TREEBANKS` (one folder each, named as the repository, with its
`.conllu` files; see `recognizers/data/README.md` for the commits, files and licences).
Build time needs `wordfreq` (3.1.1): a single word that is also an English
word or a common name (zipf >= 2.5) is marked `?`, as in the hand-written file; a stem
(`form*`) is written only where no common English word starts with it.

Which languages (decided before any line was read): every language official at national
level in a UN member state, with the official languages of Europe's regions and India's
Eighth Schedule, that the source holds and no hand-written block reads; the hand-written
blocks keep precedence (a form they or the dialect file define is not written here).
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from recognizers.language_roles import ROLES as GRAMMAR_ROLES  # noqa: E402
from recognizers.language_roles import covers  # noqa: E402

DATA = Path(__file__).resolve().parent.parent / "recognizers" / "data"
OUT = DATA / "home_access_languages_built.txt"
HAND = DATA / "home_access_languages.txt"
DIALECT = DATA / "home_access_dialect.txt"

# Block name -> (the OMW source's ISO 639-3 codes, the CLDR locales). Official at national
# level in a UN member state (Europe, the Caucasus, Central and South-East Asia, Africa, the
# Pacific, the Americas), a European region's official language, or an Eighth Schedule
# language of India; a language with a hand-written block (Polish ... Igbo) is left to it.
LANGUAGES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "finnish": (("fin",), ("fi",)), "swedish": (("swe",), ("sv",)),
    "danish": (("dan",), ("da",)), "norwegian": (("nob", "nno"), ("no", "nn")),
    "icelandic": (("isl",), ("is",)), "faroese": (("fao",), ("fo",)),
    "estonian": (("est",), ("et",)),
    "croatian, serbian, bosnian, montenegrin": (("hrv", "hbs"), ("hr", "sr", "sr-Latn", "bs")),
    "slovene": (("slv",), ("sl",)), "macedonian": (("mkd",), ("mk",)),
    "belarusian": (("bel",), ("be",)), "maltese": (("mlt",), ("mt",)),
    "luxembourgish": (("ltz",), ("lb",)), "romansh": (("roh",), ("rm",)),
    "catalan": (("cat",), ("ca",)), "basque": (("eus",), ("eu",)),
    "galician": (("glg",), ("gl",)), "occitan": (("oci",), ("oc",)),
    "sardinian": (("srd",), ("sc",)), "frisian": (("fry", "frr"), ("frr",)),
    "sorbian": (("hsb", "dsb"), ("hsb", "dsb")), "hebrew": (("heb",), ("he",)),
    "georgian": (("kat",), ("ka",)), "armenian": (("hye",), ("hy",)),
    "azerbaijani": (("aze",), ("az",)), "uzbek": (("uzb",), ("uz",)),
    "kazakh": (("kaz",), ("kk",)), "kyrgyz": (("kir",), ("ky",)),
    "tajik": (("tgk",), ("tg",)), "turkmen": (("tuk",), ("tk",)),
    "tatar": (("tat",), ("tt",)), "bashkir": (("bak",), ("ba",)),
    "mongolian": (("mon",), ("mn",)), "khmer": (("khm",), ("km",)),
    "lao": (("lao",), ("lo",)), "burmese": (("mya",), ("my",)),
    "dzongkha": (("dzo",), ()), "dhivehi": (("div",), ()), "tetum": (("tet",), ()),
    "kannada": (("kan",), ("kn",)), "assamese": (("asm",), ("as",)),
    "odia": (("ori",), ("or",)), "kashmiri": (("kas",), ()),
    "konkani": (("kok",), ("kok",)), "manipuri": (("mni",), ("mni",)),
    "sanskrit": (("san",), ("sa",)), "sindhi": (("snd",), ("sd",)),
    "santali": (("sat",), ("sat",)), "maithili": (("mai",), ("mai",)),
    "dogri": (("doi",), ("doi",)), "afrikaans": (("afr",), ("af",)),
    "xhosa": (("xho",), ("xh",)), "northern sotho": (("nso",), ("nso",)),
    "tswana": (("tsn",), ("tn",)), "sesotho": (("sot",), ()), "tsonga": (("tso",), ()),
    "swati": (("ssw",), ()), "venda": (("ven",), ()), "kinyarwanda": (("kin",), ("rw",)),
    "kirundi": (("run",), ()), "malagasy": (("mlg",), ()), "sango": (("sag",), ()),
    "lingala": (("lin",), ()), "chichewa": (("nya",), ()), "oromo": (("orm",), ("om",)),
    "wolof": (("wol",), ("wo",)), "fula": (("ful",), ("ff",)), "kabyle": (("kab",), ("kab",)),
    "samoan": (("smo",), ()), "tongan": (("ton",), ("to",)), "fijian": (("fij",), ()),
    "maori": (("mri",), ("mi",)), "bislama": (("bis",), ()), "tok pisin": (("tpi",), ()),
    "guarani": (("grn",), ()), "quechua": (("que",), ("qu",)), "aymara": (("aym",), ()),
    "haitian creole": (("hat",), ()),
}
# What a character's CLDR short name (its `tts` annotation) names, as the grammar's English
# (the names only: the keywords are loose, `password` for a key).
CLDR_ROLES = {
    "\U0001f511": "key", "\U0001f6aa": "door", "\U0001f3e0": "house", "\U0001f3e1": "house",
    "\U0001f3e2": "office", "\U0001f3e5": "hospital", "\U0001f3e6": "bank",
    "\U0001f3eb": "school", "\U0001f697": "car", "\u26ea": "church", "\U0001f54c": "mosque",
    "\U0001f6d5": "temple", "\U0001f54d": "synagogue", "\U0001f46e": "police",
    "\U0001f513": "unlocked", "\U0001fab4": "plant pot", "\U0001faa8": "stone",
    "\U0001f3ea": "shop", "\U0001f3ec": "shop", "\U0001f689": "station",
    "\U0001fa9f": "window", "\U0001f9f1": "brick", "\U0001f3ed": "factory",
    "\U0001f3e8": "hotel", "\U0001f3e4": "post office", "\U0001f691": "ambulance",
    "\U0001f5d1\ufe0f": "bin", "\U0001faa3": "bucket",
}
# Languages whose adpositions follow the noun (WALS feature 85A, "Order of adposition and
# noun phrase": postpositions): `under` and `behind` are read before the word they follow.
POSTPOSITIONAL = frozenset({
    "fin", "est", "kat", "hye", "aze", "uzb", "kaz", "kir", "tuk", "tat", "bak", "mon",
    "kan", "asm", "ori", "kas", "kok", "mni", "san", "snd", "sat", "nep", "eus", "dzo", "div",
    "mya", "que", "aym"})
# Wordnets beside the Wiktionary extraction, by language: (folder, licence).
WORDNETS = {"hrv": "hrv", "isl": "isl", "slv": "slv", "swe": "swe", "cat": "mcr",
            "eus": "mcr", "glg": "mcr", "nob": "nor", "nno": "nor", "dan": "dan"}

# Each English word of the grammar's roles and the WordNet 3.0 synsets it is read from; a
# department or a division of an institution (a prison's, a firm's) is read as a ward: never
# a home.
ROLES: dict[str, tuple[str, ...]] = {
    "key": ("03613294-n",), "door": ("03221720-n",), "front door": ("03399240-n",),
    "back door": ("02768744-n",), "gate": ("03427296-n",), "code": ("06355894-n",),
    "pin": ("06674188-n",), "padlock": ("03874599-n",), "lock": ("03682487-n",),
    "safe": ("04125021-n",), "box": ("02883344-n",), "mat": ("03223299-n",),
    "plant pot": ("03957315-n", "03991062-n"), "stone": ("09416076-n",),
    "under": ("00079866-r", "00487408-r"), "behind": ("00221985-r",),
    "neighbour": ("10352299-n",),
    "son": ("10624074-n",), "daughter": ("09992837-n",), "house": ("03544360-n",),
    "flat": ("02726305-n",), "garden": ("03417345-n",), "shed": ("04187547-n",),
    "porch": ("03984381-n",), "doorstep": ("03223686-n",), "window": ("04587648-n",),
    "office": ("03841666-n", "08337324-n"), "workplace": ("04602044-n",),
    "hospital": ("03540595-n",), "ward": ("04549919-n", "02992032-n", "08220714-n"),
    "station": ("04306080-n",),
    "police station": ("03977678-n",), "day centre": ("03165466-n",),
    "staff": ("08439955-n",), "school": ("04146050-n", "08276720-n"),
    "bank": ("08420278-n",), "car": ("02958343-n",), "shop": ("04202417-n",),
    "church": ("03028079-n",), "mosque": ("03788195-n",), "temple": ("04407435-n",),
    "police": ("08209687-n",), "clinic": ("08054076-n",), "entrance": ("03290771-n",),
    "has": ("02204692-v",),  # have, have got, hold: have or possess
}
# Compounds of two roles (`nøgleboks`, `avainlaatikko`, `ovikoodi`), joined directly, by a
# hyphen or by a linking `s`, read as the two English words.
COMPOUNDS = {("key", "box"): "key box", ("key", "safe"): "key safe", ("key", "code"): "key code",
             ("door", "code"): "door code", ("gate", "code"): "gate code",
             ("door", "mat"): "doormat", ("staff", "entrance"): "staff entrance",
             ("staff", "door"): "staff door", ("office", "door"): "office door"}
LINKS = ("", "-", "s")
# Languages that write a noun compound as one word (the Germanic and Finnic languages, Basque
# joined or hyphened).
COMPOUNDING = frozenset({"fin", "est", "swe", "dan", "nob", "nno", "isl", "fao", "afr", "ltz",
                         "fry", "frr", "eus"})
# Closed-class words (decided before any line was read): WordNet holds no prepositions and few
# inflected verbs, so each language with a Universal Dependencies treebank of an open licence
# (CC BY-SA 4.0 or CC BY 4.0) also gives, by frequency in the treebank: (1) the surface forms
# of its `has`, `under` and `behind` lemmas (the OMW's, above: `imati` gives `ima`, `ha` gives
# `har`), FORMS_PER_LEMMA each; (2) its copula's (deprel `cop`) COPULA_FORMS most frequent
# forms, read `is`; (3) its ADPOSITIONS_READ most frequent adpositions (`ADP`) that no role
# reads, each read `at`: the grammar's word that joins a key to its holder (`hos grannen`
# reads `at neighbour`). (2) and (3) are weak cues, always guarded `?`: read
# only in a text holding another form of their language. A language with no such treebank,
# or a treebank whose licence forbids commercial use (Basque BDT, Hebrew HTB) or is not
# Creative Commons (Galician TreeGal, Faroese OFT), gives none: its `lacks =` says so.
UD_TREEBANKS: dict[str, tuple[str, ...]] = {
    "finnish": ("UD_Finnish-TDT",), "swedish": ("UD_Swedish-Talbanken",),
    "danish": ("UD_Danish-DDT",), "norwegian": ("UD_Norwegian-Bokmaal",),
    "icelandic": ("UD_Icelandic-Modern",), "estonian": ("UD_Estonian-EWT",),
    "croatian, serbian, bosnian, montenegrin": ("UD_Croatian-SET", "UD_Serbian-SET"),
    "slovene": ("UD_Slovenian-SSJ",), "macedonian": ("UD_Macedonian-MTB",),
    "belarusian": ("UD_Belarusian-HSE",), "maltese": ("UD_Maltese-MUDT",),
    "sorbian": ("UD_Upper_Sorbian-UFAL",), "georgian": ("UD_Georgian-GLC",),
    "armenian": ("UD_Armenian-ArmTDP",), "azerbaijani": ("UD_Azerbaijani-TueCL",),
    "uzbek": ("UD_Uzbek-UT",), "kazakh": ("UD_Kazakh-KTB",), "kyrgyz": ("UD_Kyrgyz-KTMU",),
    "tatar": ("UD_Tatar-NMCTT",), "afrikaans": ("UD_Afrikaans-AfriBooms",),
    "wolof": ("UD_Wolof-WTB",), "haitian creole": ("UD_Haitian_Creole-Autogramm",),
}
FORMS_PER_LEMMA = 6
COPULA_FORMS = 4
ADPOSITIONS_READ = 8
UD_ROLES = ("has", "under", "behind")  # roles whose lemmas' inflected forms UD gives
WEAK_ROLES = frozenset({"is", "at"})  # read only beside another form of their language
# The places a lock belongs to that make a near miss of it (never a home)
OWNER_ROLES = frozenset({
    "office", "workplace", "hospital", "ward", "station", "police station", "day centre",
    "staff", "school", "bank", "car", "shop", "church", "mosque", "temple", "police", "clinic",
    "synagogue", "factory", "hotel", "post office", "ambulance"})
OWNER_STEM = 3
MIN_STEM = 4  # a stem shorter than this would stop the automaton inside too many words
ENGLISH_ZIPF = 2.5  # as the hand-written file: a word this common in English is guarded
PREFIX_ZIPF = 3.0  # a stem that starts an English word this common is written whole only


def fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).lower().strip()


def read_synsets(path: Path, wanted: set[str]) -> dict[str, set[str]]:
    """synset -> its lemmas in one source file (`offset-pos<TAB>lang:lemma<TAB>word`)."""
    lemmas: dict[str, set[str]] = defaultdict(set)
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 3 and parts[0] in wanted and parts[1].endswith("lemma"):
            lemmas[parts[0]].add(fold(parts[2]))
    return lemmas


def source_files(omw: Path, code: str, wordnets: bool = True) -> list[Path]:
    files = [omw / "wns" / "wikt" / f"wn-wikt-{code}.tab"]
    if wordnets and code in WORDNETS:
        files.append(omw / "wns" / WORDNETS[code] / f"wn-data-{code}.tab")
    return [path for path in files if path.exists()]


def hand_forms() -> set[str]:
    """Forms the hand-written languages file and the dialect file define (kept theirs)."""
    forms = set()
    for path in (HAND, DIALECT):
        for line in path.read_text(encoding="utf-8").splitlines():
            form = line.split("#", 1)[0].partition("=")[0].strip()
            if form and not form.startswith("[") and "=" in line:
                forms.add(fold(form.lstrip("?").rstrip("*").strip()))
    return forms


class EnglishCheck:
    """Is a form also English (or a common name), and does a common English word start with
    it: wordfreq's English list, read at build time only."""

    def __init__(self) -> None:
        from wordfreq import top_n_list, zipf_frequency

        self._zipf = zipf_frequency
        self._prefixes: set[str] = set()
        self._inside: set[str] = set()
        for word in top_n_list("en", 60000):
            if zipf_frequency(word, "en") < PREFIX_ZIPF:
                break
            self._prefixes.update(word[:length] for length in range(MIN_STEM, len(word) + 1))
            self._inside.update(word[start:start + length] for length in range(1, MIN_STEM)
                                for start in range(len(word) - length + 1))

    def guarded(self, form: str) -> bool:
        return " " not in form and self._zipf(form, "en") >= ENGLISH_ZIPF

    def starts_english(self, form: str) -> bool:
        return form in self._prefixes

    def inside_english(self, form: str) -> bool:
        """A short form met inside common English words (`sub` in `subject`): the automaton
        would stop at each."""
        return len(form) < MIN_STEM and form in self._inside


_VOWEL = re.compile(r"[aeiouyäöüåæøõáéíóúàèìòùâêîôûəıаеиоуыэюяёієაეიოუաեէըիոօ]")
_WORD = re.compile(r"^[^\W\d_]+(?:[ '\-][^\W\d_]+){0,2}$")


def entries(postpositional: bool, role: str, lemma: str, english: EnglishCheck,
            taken: set[str]) -> list[str]:
    """The lines of one lemma: a stem where it is long enough and starts no English word,
    `?` where it is an English word itself, `<` for a postposition."""
    # a short form of `has` met inside English words (`ima`, `har`) of three letters or more
    # is kept, guarded: the verb a holder is told by is worth the automaton's stops
    short_has = role == "has" and english.inside_english(lemma) and len(lemma) >= 3
    if (not _WORD.match(lemma) or len(lemma) < 2 or lemma == role
            or (english.inside_english(lemma) and not short_has)):
        return []
    after = " <" if role in ("under", "behind", "at") and postpositional else ""
    guard = "?" if english.guarded(lemma) or role in WEAK_ROLES or short_has else ""
    if len(lemma) < 3 and not guard:
        guard = "?"
    stem = ("*" if " " not in lemma and len(lemma) >= MIN_STEM and not guard
            and not english.starts_english(lemma) else "")
    lines = [f"{guard}{lemma}{stem} = {role}{after}"]
    # An inflecting language changes a noun's last vowel (Georgian `გასაღები`, `გასაღების`):
    # the lemma less that vowel is a stem too
    # (an owner's, down to OWNER_STEM letters where one is no English letter, so no English
    # word starts with it: `šol*` reads `šolska vrata` as a school's door; reading too much as
    # an owner drops a match, never makes one)
    clipped = lemma[:-1]
    shortest = (OWNER_STEM if role in OWNER_ROLES and not clipped.isascii()
                else MIN_STEM + 1)
    if (stem and len(clipped) >= shortest and _VOWEL.match(lemma[-1])
            and not english.starts_english(clipped) and clipped not in taken):
        taken.add(clipped)
        lines.append(f"{clipped}* = {role}{after}")
    return lines


def cldr_names(cldr: Path, locale: str) -> dict[str, set[str]]:
    """English role -> the locale's CLDR short names of its characters."""
    path = cldr / locale / "annotations.json"
    if not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    annotations = data.get("annotations", {}).get("annotations", {})
    names: dict[str, set[str]] = defaultdict(set)
    for character, role in CLDR_ROLES.items():
        for name in annotations.get(character, {}).get("tts", []):
            names[role].add(fold(name))
    return names


def source_lemmas(omw: Path, cldr: Path, codes: tuple[str, ...],
                  locales: tuple[str, ...]) -> dict[str, set[str]]:
    """English role -> the language's words for it: CLDR's names first, then the OMW's."""
    lemmas: dict[str, set[str]] = defaultdict(set)
    for locale in locales:
        for role, names in cldr_names(cldr, locale).items():
            lemmas[role] |= names
    wanted = {synset for synsets in ROLES.values() for synset in synsets}
    by_synset: dict[str, set[str]] = defaultdict(set)
    for code in codes:
        for path in source_files(omw, code):
            for synset, words in read_synsets(path, wanted).items():
                by_synset[synset] |= words
    for role, synsets in ROLES.items():
        for synset in synsets:
            lemmas[role] |= by_synset.get(synset, set())
    # a verb synset of a wordnet is broad (Catalan MCR's `have` holds `quedar`, `participar`):
    # `has` is read from the Wiktionary translations of `have` only
    lemmas["has"] = set()
    for code in codes:
        for path in source_files(omw, code, wordnets=False):
            for words in read_synsets(path, set(ROLES["has"])).values():
                lemmas["has"] |= words
    return lemmas


class Treebank:
    """What a language's Universal Dependencies treebank gives: how often each adposition
    lemma, copula lemma and (lemma, form) pair occurs, over every `.conllu` file of its
    folders (a lemma given as `_`, as the Maltese treebank does, is its form)."""

    def __init__(self, folders: list[Path]) -> None:
        self.adpositions: Counter[str] = Counter()
        self.copulas: Counter[str] = Counter()
        self.forms: dict[str, Counter[str]] = defaultdict(Counter)
        for path in sorted(file for folder in folders for file in folder.glob("*.conllu")):
            for line in path.read_text(encoding="utf-8").splitlines():
                self._read(line.split("\t"))

    def _read(self, token: list[str]) -> None:
        if len(token) != 10 or not token[0].isdigit():
            return
        form = fold(token[1])
        lemma = form if token[2] == "_" else fold(token[2])
        self.forms[lemma][form] += 1
        if token[3] == "ADP":
            self.adpositions[lemma] += 1
        if token[7] == "cop":
            self.copulas[lemma] += 1


def closed_class(lemmas: dict[str, set[str]], treebank: Treebank) -> dict[str, set[str]]:
    """The roles' words with the treebank's closed-class words added (see UD_TREEBANKS):
    the forms of the `has`, `under` and `behind` lemmas, the copula's forms as `is`, the most
    frequent adpositions no role reads as `at`."""
    added = {role: set(words) for role, words in lemmas.items()}
    for role in UD_ROLES:
        for lemma in lemmas.get(role, ()):
            added[role] |= {form for form, _ in
                            treebank.forms.get(lemma, Counter()).most_common(FORMS_PER_LEMMA)}
    if treebank.copulas:
        copula = treebank.copulas.most_common(1)[0][0]
        added["is"] = {form for form, _ in treebank.forms[copula].most_common(COPULA_FORMS)}
    read = {word for words in added.values() for word in words}
    frequent = [lemma for lemma, _ in treebank.adpositions.most_common()
                if lemma not in read and _WORD.match(lemma)]
    added["at"] = set(frequent[:ADPOSITIONS_READ])
    return added


def _script(word: str) -> str:
    return unicodedata.name(word[0], "?").split()[0]


def compounds(lemmas: dict[str, set[str]]) -> dict[str, set[str]]:
    """English reading -> the compounds of two roles' single words."""
    made: dict[str, set[str]] = defaultdict(set)
    for (first, second), reading in COMPOUNDS.items():
        for head in (lemma for lemma in lemmas.get(first, ()) if " " not in lemma):
            for tail in (lemma for lemma in lemmas.get(second, ()) if " " not in lemma):
                if _script(head) == _script(tail):
                    made[reading] |= {head + link + tail for link in LINKS}
    return made


def build_block(name: str, lemmas: dict[str, set[str]], postpositional: bool,
                compounding: bool, hand: frozenset[str], english: EnglishCheck) -> list[str]:
    """A language's block: its forms, the grammar's roles its words give that the
    hand-written or dialect file reads (`elsewhere =`), and those its sources give no word
    for (`lacks =`). A form another built block holds too is written in both (`har` is
    Swedish and Danish): a guarded form is read beside another form of its own language."""
    lines, written, elsewhere = [], set(), set()
    taken = set(hand)
    if compounding:
        lemmas = {**lemmas, **compounds(lemmas)}
    for role in dict.fromkeys([*COMPOUNDS.values(), *ROLES, *CLDR_ROLES.values(), "is", "at"]):
        for lemma in sorted(lemmas.get(role, ())):
            if lemma in hand:
                elsewhere.add(role)
                continue
            if lemma in taken:
                continue
            new = entries(postpositional, role, lemma, english, taken)
            if new:
                taken.add(lemma)
                written.add(role)
                lines += new
    given = {role for role in GRAMMAR_ROLES if any(covers(role, word) for word in written)}
    read_elsewhere = [role for role in GRAMMAR_ROLES if role not in given
                      and any(covers(role, word) for word in elsewhere)]
    lacks = [role for role in GRAMMAR_ROLES if role not in given and role not in read_elsewhere]
    head = [f"[{name}]"]
    if read_elsewhere:
        head.append(f"elsewhere = {' | '.join(read_elsewhere)}")
    if lacks:
        head.append(f"lacks = {' | '.join(lacks)}")
    return [*head, *lines, ""]


HEADER = """\
# BUILT by tools/build_language_blocks.py: do not edit (edit the script or the hand-written
# home_access_languages.txt, whose forms take precedence and are never repeated here).
# The home-access grammar's words in each language of the rule that no hand-written block
# reads: every language official at national level in a UN member state, a European region's
# official language, or an Eighth Schedule language of India, that the source holds
# (the list and the roles' WordNet synsets are the script's). Read as the hand-written file
# is (same syntax; `elsewhere =` names the roles whose source words the hand-written or
# dialect file reads, `lacks =` those the sources give no word for: WordNet has no
# prepositions, so `under`, `behind` and `by` are mostly missing).
# Sources: the short names of characters in Unicode CLDR 48 (npm `cldr-annotations-full`
# 48.2.0, Unicode License v3), first; then the Open Multilingual Wordnet data
# (omwn/omw-data @ {commit}): Wiktionary translations
# linked to WordNet synsets (wns/wikt, CC BY-SA 3.0, Bond & Foster 2013) and the wordnets of
# Croatian, Icelandic (CC BY 3.0), Slovene (CC BY-SA 3.0), Swedish (WordNet-SALDO, CC BY),
# Catalan, Basque, Galician (MCR 3.0, CC BY 3.0), Norwegian, Danish (WordNet-style licences);
# then closed-class words (`has` forms, `is`, frequent adpositions read `at`) counted in
# Universal Dependencies treebanks (CC BY-SA 4.0; each treebank's
# repository and commit in recognizers/data/README.md).
# This file is a derived work of those sources and carries CC BY-SA 4.0 (the most
# restrictive of them: CC BY-SA 3.0 lets an adaptation carry a later version; the rest of
# phiscan stays Apache-2.0).
"""


def main(omw: Path, cldr: Path, commit: str, ud: Path | None) -> None:
    english = EnglishCheck()
    hand = frozenset(hand_forms())
    out = [HEADER.format(commit=commit)]
    for name, (codes, locales) in LANGUAGES.items():
        lemmas = source_lemmas(omw, cldr, codes, locales)
        if ud is not None and name in UD_TREEBANKS:
            lemmas = closed_class(lemmas, Treebank([ud / folder for folder in UD_TREEBANKS[name]]))
        if any(lemmas.values()):
            out += build_block(name, lemmas, bool(POSTPOSITIONAL & set(codes)),
                               bool(COMPOUNDING & set(codes)), hand, english)
    OUT.write_text("\n".join(out), encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3],
         Path(sys.argv[4]) if len(sys.argv) > 4 else None)
