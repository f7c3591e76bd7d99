"""Letters, signature images and uploaded templates."""
