"""Self-service turn-booking kiosk."""

__version__ = "0.1.0"
