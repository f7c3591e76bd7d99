"""Stok Bantuan: the aid warehouse's items, what came in and went out, and what is on hand."""
