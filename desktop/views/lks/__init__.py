"""Daftar LKS: the register's list with its filters and export, and one LKS's page."""
