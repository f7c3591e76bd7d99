"""The services of the catalog, their requirements and steps."""
