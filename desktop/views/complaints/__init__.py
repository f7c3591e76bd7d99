"""Pengaduan: the complaints register and the forms of each step."""
