"""phiscan: find special-category health data, and scope who a leak touched."""

__version__ = "0.1.0"
