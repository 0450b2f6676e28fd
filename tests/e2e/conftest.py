"""The end-to-end tests drive a whole kiosk: they share the Qt fixtures of tests/ui."""

from tests.helpers.escpos_loopback import escpos_printer  # noqa: F401
from tests.ui.conftest import (  # noqa: F401  (fixtures are found by name)
    compiled_translations,
    make_kiosk,
    pytest_collection_modifyitems,
    qloop,
    switch,
)
