"""Model providers behind one small interface (see base.py)."""

PROVIDER_NAMES = ("auto", "gemini", "openai", "offline")  # the --provider choices
