"""Slip layout (booking -> PDF bytes, pure) and printer back ends."""
