"""British spellings of American medical words, by rule: `hemorrhage` -> `haemorrhage`.

The public vocabularies (ICD-10-CM, the Disease Ontology, FDA and DrugBank names)
are written in American English; UK records write `oedema`, `diarrhoea`,
`anaemia`, `oesophagus`, `paediatric`. Each rule rewrites a word part the way
British medical English does; `uk_spelling` applies every rule to a term, so a
term gets at most one British form (with all its parts rewritten).
"""

from __future__ import annotations

import re

# (American, British) word parts. `^` anchors at a word start, `$` at a word end;
# applied in order.
_RULES: tuple[tuple[str, str], ...] = (
    (r"\bhem(?=[aoe])", "haem"),  # hemorrhage, hematoma, hemoglobin, hemoptysis
    (r"(?<=[a-z])emia\b", "aemia"),  # anemia, leukemia, ischemia's noun, septicemia
    (r"(?<=[a-z])emic\b", "aemic"),  # anemic, hypoglycemic
    (r"\bischem", "ischaem"),
    (r"(?<=[a-z])edema\b", "oedema"),  # lymphedema, myxedema (before the word start)
    (r"\bedem", "oedem"),  # edema, edematous
    (r"(?<=[a-z])esophag", " oesophag"),  # gastroesophageal -> gastro-oesophageal
    (r"\besophag", "oesophag"),  # esophagus, esophagitis
    (r"\bestrog", "oestrog"),
    (r"\bestradiol", "oestradiol"),
    (r"(?<=[a-z])rrhea\b", "rrhoea"),  # diarrhea, gonorrhea, amenorrhea, rhinorrhea
    (r"(?<=[a-z])rrheal\b", "rrhoeal"),
    (r"(?<=[a-z])pnea\b", "pnoea"),  # dyspnea, apnea, tachypnea
    (r"\bapnea", "apnoea"),
    (r"\bceliac", "coeliac"),
    (r"\bcec(?=um|al\b|itis)", "caec"),
    (r"\banesthe", "anaesthe"),  # anesthesia -> anaesthesia
    (r"(?<=[b-z])esthe(?=si|ti)", "aesthe"),  # paresthesia, hyperesthesia
    (r"\bpedi(?=atr)", "paedi"),  # pediatric
    (r"(?<=[a-z])pedic", "paedic"),  # orthopedic
    (r"\bgynec", "gynaec"),
    (r"\betiolog", "aetiolog"),
    (r"\bfec(?=al\b|es\b|aloma)", "faec"),
    (r"\bfet(?=us\b|al\b)", "foet"),
    (r"\bcesarean", "caesarean"),
    (r"\bleuk(?=o)", "leuc"),  # leukocyte -> leucocyte (both are used in the UK)
    (r"\btumor", "tumour"),
    (r"\bhumor\b", "humour"),
    (r"\bcolor(?=\b|s\b|ed\b)", "colour"),
    (r"\bbehavior", "behaviour"),
    (r"\bsulf(?=a|i|o|u)", "sulph"),
    (r"\baluminum\b", "aluminium"),
    (r"\bameb", "amoeb"),
    (r"(?<=[a-z])iz(?=e\b|ed\b|ing\b|ation\b)", "is"),  # hospitalized, catheterization
    (r"\bcenter", "centre"),
    (r"\bfiber", "fibre"),
    (r"\bmaneuver", "manoeuvre"),
)
_COMPILED = tuple((re.compile(pattern), british) for pattern, british in _RULES)


def uk_spelling(term: str) -> str:
    """`term` in British spelling (lower-case input); the term itself when no rule applies."""
    for pattern, british in _COMPILED:
        term = pattern.sub(british, term)
    return term
