"""Actor resolution stage: knowledge base, date-aware resolution, coreference."""
from detente.actors.kb import KnowledgeBase, build_kb, load_kb, normalize
from detente.actors.resolver import DocContext, resolve_head

__all__ = ["DocContext", "KnowledgeBase", "build_kb", "load_kb", "normalize", "resolve_head"]
