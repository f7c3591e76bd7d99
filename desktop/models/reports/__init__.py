"""Kept aggregates of the reports: the figures of months that have ended."""
