"""Tokens for the classifier: entities become placeholders, words are normalised."""
import re
import unicodedata

from nltk.tokenize import RegexpTokenizer

URL = r"https?://\S*[^\s.,!?;:)\]]"
EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
ORDER = r"ORD-\d{6}"
WORD = r"\w+(?:'\w+)*"

TOKENIZER = RegexpTokenizer(f"{URL}|{EMAIL}|{ORDER}|{WORD}")
PLACEHOLDERS = [(URL, "<url>"), (EMAIL, "<email>"), (ORDER, "<order>")]


def tokenize(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", text).replace("\u2019", "'")
    tokens = []
    for token in TOKENIZER.tokenize(text):
        for pattern, placeholder in PLACEHOLDERS:
            if re.fullmatch(pattern, token):
                tokens.append(placeholder)
                break
        else:
            tokens.append(token.casefold())
    return tokens
