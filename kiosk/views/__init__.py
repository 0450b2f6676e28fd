"""One small module per citizen screen: a view shows state and emits intents."""
