"""Never the second breach: private output files, the HMAC key, and terminal-safe printing."""
