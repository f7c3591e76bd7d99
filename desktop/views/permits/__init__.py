"""Izin dan Rekomendasi: one list per permit type (PUB, undian, hibah) with what each still owes."""
