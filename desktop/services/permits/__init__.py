"""Izin dan rekomendasi: the public collections, raffles and grant recommendations as lists, each with its period, its amount and what it still owes."""
