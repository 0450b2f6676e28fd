"""The reference turn service."""

API_VERSION = "1"
__version__ = "0.1.0"
