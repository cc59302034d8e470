"""The suite's throwaway database: a SQLite file in a temporary folder, or, when
DATABASE_URL names a PostgreSQL server, a database of its own on that server (never the one
DATABASE_URL names). It must be a file or a server so that gunicorn's workers see it too."""

import os
from dataclasses import dataclass
from pathlib import Path
from typing import LiteralString
from urllib.parse import urlsplit

import dj_database_url

BENCH_SUFFIX = "_inspir_bench"


@dataclass(frozen=True)
class BenchDatabase:
    url: str
    vendor: str
    description: str
    postgres_name: str = ""

    def create(self) -> None:
        if self.postgres_name:
            _postgres_admin(self.url, "DROP DATABASE IF EXISTS {}", self.postgres_name)
            _postgres_admin(self.url, "CREATE DATABASE {}", self.postgres_name)

    def drop(self) -> None:
        if self.postgres_name:
            _postgres_admin(self.url, "DROP DATABASE IF EXISTS {} WITH (FORCE)", self.postgres_name)


def choose(tmpdir: Path) -> BenchDatabase:
    source = os.environ.get("DATABASE_URL", "").strip()
    if source and dj_database_url.parse(source)["ENGINE"].endswith("postgresql"):
        parts = urlsplit(source)
        name = (parts.path.lstrip("/") or "postgres") + BENCH_SUFFIX
        url = parts._replace(path=f"/{name}").geturl()
        return BenchDatabase(
            url=url,
            vendor="postgresql",
            description=f"PostgreSQL, throwaway database {name!r} (DATABASE_URL's server)",
            postgres_name=name,
        )
    path = tmpdir / "bench.sqlite3"
    return BenchDatabase(
        url=f"sqlite:///{path}",
        vendor="sqlite",
        description="SQLite, throwaway file in a temporary folder",
    )


def _postgres_admin(url: str, statement: LiteralString, name: str) -> None:
    """Run one statement about database `name` on the server's maintenance database."""
    import psycopg
    from psycopg import sql

    config = dj_database_url.parse(url)
    with psycopg.connect(
        dbname="postgres",
        user=config.get("USER") or None,
        password=config.get("PASSWORD") or None,
        host=config.get("HOST") or None,
        port=config.get("PORT") or None,
        autocommit=True,
    ) as admin:
        admin.execute(sql.SQL(statement).format(sql.Identifier(name)))
