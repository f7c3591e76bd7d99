"""Screens for the hearse and seating-clinic schedule."""
