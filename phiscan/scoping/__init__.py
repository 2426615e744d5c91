"""Breach scoping: records -> individuals -> bounds -> reports (JSON, ICO, HTML, CSV).

Everything here works on the inventory's keyed hashes and masked previews; only
`individuals --reveal` goes back to the sources, explicitly and logged.
"""
