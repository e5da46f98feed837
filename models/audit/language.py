"""A cheap language guess for comparing training inputs with live traffic: the writing system
first (Cyrillic, Greek, Arabic, Hebrew, Devanagari, Thai, Hangul, kana, Han), then, for Latin
text, which of seven languages' commonest words it uses most. "und" when the text gives no
signal (too short, or a tie): a comparison only counts texts whose language was found.
"""

from __future__ import annotations

import re

SCRIPTS = (("ko", re.compile(r"[\uac00-\ud7af]")), ("ja", re.compile(r"[\u3040-\u30ff]")),
           ("zh", re.compile(r"[\u4e00-\u9fff]")), ("ru", re.compile(r"[\u0400-\u04ff]")),
           ("el", re.compile(r"[\u0370-\u03ff]")), ("ar", re.compile(r"[\u0600-\u06ff]")),
           ("he", re.compile(r"[\u0590-\u05ff]")), ("hi", re.compile(r"[\u0900-\u097f]")),
           ("th", re.compile(r"[\u0e00-\u0e7f]")))
LETTER = re.compile(r"[^\W\d_]")
STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset("the and is are to of my i you it in for what how can do this that not with "
                    "have was on me why where when will your our we does did please".split()),
    "es": frozenset("el la los las que y en mi no por para es un una con se lo cómo qué puedo "
                    "del al mis está tengo hay pero muy".split()),
    "fr": frozenset("le la les des et est je mon ma ne pas pour un une que qui dans avec vous il "
                    "au du mes sont jamais pouvez voudrais".split()),
    "de": frozenset("der die das und ist ich nicht ein eine mein meine zu mit den auf für wie "
                    "kann noch es sie bitte wo habe wurde".split()),
    "pt": frozenset("o os as que e não um uma meu minha para com por é está do da em muito "
                    "porquê você foi tem".split()),
    "it": frozenset("il lo di che non un una mio mia per con è sono del della mi cosa come ho "
                    "gli da ieri".split()),
    "nl": frozenset("de het een en is ik niet van mijn op te dat met voor kan wat hoe er zijn "
                    "je ons".split()),
}


def language(text: str) -> str:
    """An ISO 639-1 code, or "und"."""
    letters = LETTER.findall(text)
    if not letters:
        return "und"
    for code, pattern in SCRIPTS:
        if len(pattern.findall(text)) >= 0.3 * len(letters):
            return code
    tokens = re.findall(r"[^\W\d_]+", text.lower())
    scores = sorted(((sum(t in words for t in tokens), code) for code, words in STOPWORDS.items()),
                    reverse=True)
    (best, code), (second, _) = scores[0], scores[1]
    return code if best >= 1 and best > second else "und"
