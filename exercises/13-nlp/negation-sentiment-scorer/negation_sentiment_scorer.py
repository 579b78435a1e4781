"""Score the sentiment of a review with a word lexicon, negation and intensifiers.

score(text, lexicon=LEXICON) adds up the values of the lexicon words in the
text, with two rules that make it useful:

- Words are letters of any script (génial, süß), joined by inner apostrophes,
  straight ' or curly ’ as phones type them (don't, don’t). Matching ignores
  case the Unicode way: casefold BOTH the text and the lexicon's words
  ("SÜSS", "Süß" and "süß" are one word; .lower() would keep "süß" != "süss").
  The lexicon passed in is never changed.
- Negation: "not", "no", "never" and any word ending in "n't" or "n’t" (don't,
  isn’t) flip the sign of every lexicon word AFTER them in the same clause. A
  clause ends at . , ; : ! or ?  A second negation in a clause flips back.
- Intensifier: a word in INTENSIFIERS multiplies the value of the lexicon word
  that comes IMMEDIATELY after it ("very good" = 1.5). If any other word comes
  between them, the boost is lost; of two intensifiers in a row only the
  nearest counts ("really very good" = 1.5). A boost never crosses a clause.

    # clause 1: good = 1.0, boosted by "very" -> 1.5, negated -> -1.5
    # clause 2: great = 2.0                                  -> +2.0
    >>> score("The food was not very good, but the staff were great!")
    0.5

label(text, margin=0.5) turns the score into "positive" (score > margin),
"negative" (score < -margin) or "neutral" (a score of exactly margin is
neutral). A margin of 0 is allowed; a negative margin raises
ValueError("margin must not be negative ...").
"""
import re

LEXICON = {
    "good": 1.0, "great": 2.0, "excellent": 3.0, "love": 2.0, "like": 1.0,
    "bad": -1.0, "poor": -1.5, "terrible": -3.0, "hate": -2.0, "boring": -1.5,
}
NEGATIONS = {"not", "no", "never"}
INTENSIFIERS = {"very": 1.5, "really": 1.5, "extremely": 2.0, "slightly": 0.5}


def score(text: str, lexicon: dict[str, float] = LEXICON) -> float:
    # TODO: this ignores negation, intensifiers, clauses, punctuation and casefold.
    return sum(lexicon.get(word, 0.0) for word in text.lower().split())


def label(text: str, margin: float = 0.5, lexicon: dict[str, float] = LEXICON) -> str:
    # TODO: validate margin, then compare score(text, lexicon) with it.
    raise NotImplementedError
