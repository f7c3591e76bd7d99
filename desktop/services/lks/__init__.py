"""The LKS register: recording an institution's legal, bank and board details, its Tanda Daftar certificates and their validity, finding and exporting them."""
