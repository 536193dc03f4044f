"""Every table of the program, for Alembic and tests: importing this registers all models."""

import storage.breakout_models  # breakouts of a class (issue 16)
import storage.consent_models  # age-aware consent (issue 13)
import storage.dance_models  # the dance check (issue 15)
import storage.dashboard_models  # staff dashboard sign-in (issue 17)
import storage.pairing_models  # pairing pool, wishes and rounds (issue 4)
import storage.room_models  # group-coaching rooms (issue 5)
import storage.safety_models  # the worry route (issue 13)
import storage.teach_models  # supervision asks (issue 16)
import storage.trajectory_models  # noqa: F401  # trajectory tables (issue 3)
from storage.models import Base

__all__ = ["Base"]
