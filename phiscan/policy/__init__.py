"""Where personal data may live: the config's `[[policy]]` rules and the violations they find
(stored per location in the inventory, reported, counted and alerted)."""
