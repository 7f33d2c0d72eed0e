"""Ontologies: CAMEO event codes, QuadClass, Goldstein and the PLOVER crosswalk."""
from detente.ontology.cameo import QUAD_NAMES, CameoCode, Ontology, load_ontology

__all__ = ["QUAD_NAMES", "CameoCode", "Ontology", "load_ontology"]
