"""Qt widgets. They call desktop.services and never build SQL."""
