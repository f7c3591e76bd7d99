"""The catalog of services (katalog layanan) and its editing."""
