"""Events (bijeenkomsten): set-up, join codes, secret links and the participants who joined."""
