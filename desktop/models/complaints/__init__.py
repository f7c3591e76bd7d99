"""Complaints, suggestions and appreciation: each from its channel to the complainant's answer."""
