"""Sessions in the database, read with SQL written once.

Django's database session store reads a session through the ORM, which builds and compiles
the same query for every request; for a logged-in page that costs several times more than
running it. This store is Django's own (same table, same data, same expiry, writes
unchanged): it only reads a session's data with a statement prepared once per database
connection vendor. Set as SESSION_ENGINE = "inspir.core.sessions"."""

import logging
from typing import Any

from django.contrib.sessions.backends import db
from django.core.exceptions import SuspiciousOperation
from django.db import connections, router
from django.utils import timezone

_statements: dict[str, str] = {}


def _statement(model: Any, alias: str) -> str:
    """SELECT the data of the unexpired session with the given key."""
    vendor = connections[alias].vendor
    statement = _statements.get(vendor)
    if statement is None:
        quote = connections[alias].ops.quote_name
        meta = model._meta
        data, key, expiry = (
            quote(meta.get_field(name).column)
            for name in ("session_data", "session_key", "expire_date")
        )
        # Names from the model, quoted by the database's own rule; the values are parameters.
        table = quote(meta.db_table)
        statement = f"SELECT {data} FROM {table} WHERE {key} = %s AND {expiry} > %s"  # noqa: S608
        _statements[vendor] = statement
    return statement


class SessionStore(db.SessionStore):
    def _get_session_from_db(self) -> Any:
        try:
            alias = router.db_for_read(self.model)
            connection = connections[alias]
            now = connection.ops.adapt_datetimefield_value(timezone.now())
            with connection.cursor() as cursor:
                cursor.execute(_statement(self.model, alias), [self.session_key, now])
                row = cursor.fetchone()
            if row is None:
                raise self.model.DoesNotExist
            # Only its data is read from a loaded session (`load`).
            return self.model(session_key=str(self.session_key), session_data=row[0])
        except (self.model.DoesNotExist, SuspiciousOperation) as e:
            if isinstance(e, SuspiciousOperation):
                logger = logging.getLogger(f"django.security.{e.__class__.__name__}")
                logger.warning(str(e))
            self._session_key = None
            return None
