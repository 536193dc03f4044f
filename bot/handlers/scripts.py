"""Which coaching script a cohort reads: its own, uploaded by a coordinator, or the default."""

from __future__ import annotations

import functools

from sqlalchemy.ext.asyncio import AsyncSession

from flows.scripts import ScriptError, Scripts, load_custom_script, load_scripts
from storage import trajectories


async def cohort_scripts(session: AsyncSession, cohort_id: int | None, language: str) -> Scripts:
    """A cohort's own script in this language, or the default one."""
    text = None
    if cohort_id is not None:
        text = await trajectories.get_script(session, cohort_id=cohort_id, language=language)
    custom = _custom_script(text, language) if text is not None else None
    return custom if custom is not None else load_scripts(language)


@functools.lru_cache(maxsize=32)
def _custom_script(text: str, language: str) -> Scripts | None:
    try:
        return load_custom_script(text, language)
    except ScriptError:
        return None  # checked on upload; should the defaults change later, fall back to them
