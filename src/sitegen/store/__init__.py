"""The sitegen store: SQLite under SITEGEN_HOME by default, PostgreSQL with SITEGEN_DATABASE_URL.

One code path and one set of named migrations for both (``db`` holds the dialect layer,
``migrations`` the schema, ``core`` projects/jobs/events, ``fleet`` API tokens and worker deliveries).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitegen.store.core import ACTIVE, LOG_TAIL_CHARS, new_id
from sitegen.store.db import is_postgres_url
from sitegen.store.fleet import MAX_DELIVERIES, Store
from sitegen.store.migrations import MIGRATIONS

if TYPE_CHECKING:
    from sitegen.config import Settings


def open_store(settings: Settings) -> Store:
    """The store the settings name: SITEGEN_DATABASE_URL when set, else SITEGEN_HOME/sitegen.db."""
    return Store(settings.database_url or settings.db_path)


__all__ = ["ACTIVE", "LOG_TAIL_CHARS", "MAX_DELIVERIES", "MIGRATIONS", "Store", "is_postgres_url", "new_id",
           "open_store"]
