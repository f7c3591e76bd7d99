"""Where the office refers people: the institutions, reference data the administrator keeps."""
