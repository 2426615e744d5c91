"""Detection: text units in, findings out (masked and hashed, never raw).

Importing this package is cheap; `detector` and `engine` load Presidio and spaCy."""
