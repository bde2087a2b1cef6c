"""An event's own look: the organiser's logo and accent colour on the big screen, the phones and the poster."""
