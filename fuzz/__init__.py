"""Fuzzing harness for the extractors and the detection entry point (see README)."""
