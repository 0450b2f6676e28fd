"""Business rules of the service, one module per resource; no HTTP here."""
