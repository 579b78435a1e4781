"""A lexicon-based sentiment scorer with negation and intensifiers."""
import re

LEXICON = {
    "good": 1.0, "great": 2.0, "excellent": 3.0, "love": 2.0, "like": 1.0,
    "bad": -1.0, "poor": -1.5, "terrible": -3.0, "hate": -2.0, "boring": -1.5,
}
NEGATIONS = {"not", "no", "never"}
INTENSIFIERS = {"very": 1.5, "really": 1.5, "extremely": 2.0, "slightly": 0.5}


WORD = re.compile(r"\w+(?:['’]\w+)*")  # letters of any script, inner ' or ’ (don't, don’t)


def is_negation(word: str) -> bool:
    return word in NEGATIONS or word.endswith(("n't", "n’t"))


def score(text: str, lexicon: dict[str, float] = LEXICON) -> float:
    values = {word.casefold(): value for word, value in lexicon.items()}
    total = 0.0
    for clause in re.split(r"[.,;:!?]", text.casefold()):
        negated = False
        boost = 1.0
        for word in WORD.findall(clause):
            if is_negation(word):
                negated = not negated
            elif word in INTENSIFIERS:
                boost = INTENSIFIERS[word]
            else:
                if word in values:
                    value = values[word] * boost
                    total += -value if negated else value
                boost = 1.0
    return total


def label(text: str, margin: float = 0.5, lexicon: dict[str, float] = LEXICON) -> str:
    if margin < 0:
        raise ValueError(f"margin must not be negative, got {margin}")
    value = score(text, lexicon)
    if value > margin:
        return "positive"
    if value < -margin:
        return "negative"
    return "neutral"
