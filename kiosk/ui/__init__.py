"""The shell: fullscreen window, screen stack, overlays, keypad and keyboard, theme."""
