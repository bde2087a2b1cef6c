"""Dreams (dromen) on the wall (wolk): posting, hearts, hiding and the spotlight."""
