"""The reference turn service."""

API_VERSION = "1"
