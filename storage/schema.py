"""Every table of the program, for Alembic and tests: importing this registers all models."""

from storage.models import Base

__all__ = ["Base"]
