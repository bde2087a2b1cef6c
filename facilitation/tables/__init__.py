"""Round tables (ronde tafels). The skeleton only creates them; dilemmas and advice follow."""
