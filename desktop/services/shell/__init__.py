"""Signing in, the connection test and the schema's upgrades."""
