"""Detection: text units in, findings out (masked and hashed, never raw).

Importing this package is cheap; `detector` and `engine` load Presidio and spaCy."""

from phiscan.detect.lazy_imports import install

install()  # before any Presidio import: its predefined recognizers one by one, when used
