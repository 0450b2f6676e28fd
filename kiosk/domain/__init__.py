"""Pure domain: no Qt, no HTTP, no files. Everything here is safe to import anywhere."""
