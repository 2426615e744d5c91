"""Generated data, never real: people, the demo share, sample formats, benchmark corpora and
the scoping ground truth."""
