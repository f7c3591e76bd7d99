"""Complaints on their clocks, and a confidential complainant hidden from every other role."""
