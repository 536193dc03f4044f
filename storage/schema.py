"""Every table of the program, for Alembic and tests: importing this registers all models."""

import storage.room_models  # group-coaching rooms (issue 5)
from storage.models import Base

__all__ = ["Base"]
