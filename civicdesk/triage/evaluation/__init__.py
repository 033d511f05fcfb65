"""Measuring the triage methods on real text: CSV loading, labels, pairs, metrics and runs."""
