"""Official letters: templates, rendering, and their lifecycle from draft to signed copy."""
