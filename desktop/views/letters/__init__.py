"""Screens for letters: drafting, signing, the queue, settings and verification."""
