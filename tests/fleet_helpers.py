"""Real services for the store and fleet tests: a throwaway PostgreSQL cluster (initdb, one fresh
database per test) and a throwaway redis-server on a free port. Import the fixtures you use."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import need
from tests.fakes.fake_postgrest import PgCluster, free_port


class PgDatabases:
    """A running cluster that hands out a new, empty database per test as a postgresql:// URL."""

    def __init__(self, cluster: PgCluster):
        self.cluster = cluster

    def url(self, name: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.cluster.port}/{name}?connect_timeout=10"

    def fresh(self) -> str:
        name = f"t_{uuid.uuid4().hex[:12]}"
        self.cluster.execute(f"CREATE DATABASE {name}")
        return self.url(name)


@pytest.fixture(scope="session")
def pg_databases() -> Iterator[PgDatabases]:
    try:
        import psycopg_pool  # noqa: F401
    except ImportError:
        need(False, "psycopg[pool] is not installed (pip install -e '.[dev]')")
    cluster = PgCluster()
    try:
        cluster.start()
    except Exception as exc:  # noqa: BLE001
        cluster.stop()
        need(False, f"PostgreSQL could not start: {exc}")
    yield PgDatabases(cluster)
    cluster.stop()


class RedisServer:
    """redis-server on 127.0.0.1 and a free port, no persistence; stopped at teardown."""

    def __init__(self) -> None:
        self.port = free_port()
        self.dir = Path(tempfile.mkdtemp(prefix="sitegen-redis-"))
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> RedisServer:
        binary = shutil.which("redis-server")
        if binary is None:
            raise RuntimeError("redis-server is not installed")
        self.proc = subprocess.Popen(
            [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--dir", str(self.dir)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
        )
        import redis  # noqa: PLC0415

        deadline = time.monotonic() + 20
        while True:
            try:
                redis.Redis.from_url(self.url).ping()
                return self
            except redis.ConnectionError:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("redis-server did not start") from None
                time.sleep(0.05)

    def flush(self) -> None:
        import redis  # noqa: PLC0415

        redis.Redis.from_url(self.url).flushall()

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        shutil.rmtree(self.dir, ignore_errors=True)


@pytest.fixture(scope="session")
def redis_server() -> Iterator[RedisServer]:
    try:
        import celery  # noqa: F401
        import redis  # noqa: F401
    except ImportError:
        need(False, "celery[redis] is not installed (pip install -e '.[dev]')")
    server = RedisServer()
    try:
        server.start()
    except Exception as exc:  # noqa: BLE001
        server.stop()
        need(False, f"redis-server could not start: {exc}")
    yield server
    server.stop()
