"""Coding stage: lexicon, triggers, arguments, factuality, time/place attachment."""
from detente.coding.coder import EventCoder
from detente.coding.lexicon import Lexicon, LexiconError, load_lexicon, load_lexicon_files

__all__ = ["EventCoder", "Lexicon", "LexiconError", "load_lexicon", "load_lexicon_files"]
