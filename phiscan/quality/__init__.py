"""Measuring detection: precision, recall and F1 on labelled data (`phiscan eval`)."""
