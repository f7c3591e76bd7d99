"""The register of social welfare institutions (LKS): an organisation's legal and bank details, its board, beneficiaries and Tanda Daftar certificates."""
