"""Evaluation stage: gold formats and scoring."""
