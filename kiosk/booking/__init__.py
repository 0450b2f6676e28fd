"""The citizen's booking at the kiosk, by concern: running operations, watching the service,
the printer, the citizen's service session, the typed screens and the step handlers.
`kiosk/controller.py` wires them together."""
