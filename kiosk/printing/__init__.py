"""Slip layout (booking -> PDF bytes, pure) and printer back ends.

Entry points: `slip.render_slip`, `delivery.print_slip`, `factory.printer_from_settings`,
`testprint.run_print_test`. See docs/printing.md.
"""
