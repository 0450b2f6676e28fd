"""Alembic migrations, configured in code (turnos.migrate): no alembic.ini needed."""
