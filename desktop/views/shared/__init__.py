"""Widgets and helpers that several features' screens use."""
