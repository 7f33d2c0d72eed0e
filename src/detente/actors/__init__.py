"""Actor resolution stage: knowledge base, date-aware resolution, coreference."""
from detente.actors.kb import KnowledgeBase, build_kb, load_kb, normalize
from detente.actors.document import DocContext
from detente.actors.resolver import resolve_head

__all__ = ["DocContext", "KnowledgeBase", "build_kb", "load_kb", "normalize", "resolve_head"]
