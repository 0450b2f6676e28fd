"""The counter app: scan a slip's QR and check the citizen in."""
