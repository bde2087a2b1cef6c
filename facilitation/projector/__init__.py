"""The big screen: read-only, readable from the back row, always showing how to join."""
