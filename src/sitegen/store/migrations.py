"""The store's named migrations, applied once each, in order, on SQLite and PostgreSQL alike.

Written in SQLite's dialect; ``db.ddl`` translates them for PostgreSQL. Never edit an applied
migration: add a new one.
"""

from __future__ import annotations

MIGRATIONS: list[tuple[str, str]] = [
    (
        "0001_initial",
        """
        CREATE TABLE projects (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            slug TEXT NOT NULL,
            path TEXT NOT NULL UNIQUE,
            prompt TEXT NOT NULL,
            provider TEXT NOT NULL DEFAULT '',
            created_at REAL NOT NULL,
            updated_at REAL NOT NULL,
            last_job_id TEXT,
            last_status TEXT
        );
        CREATE TABLE jobs (
            id TEXT PRIMARY KEY,
            project_id TEXT NOT NULL REFERENCES projects(id),
            kind TEXT NOT NULL DEFAULT 'new',
            prompt TEXT NOT NULL,
            status TEXT NOT NULL,
            stage TEXT NOT NULL,
            last_done_stage TEXT,
            error TEXT,
            error_kind TEXT,
            hint TEXT,
            log_tail TEXT NOT NULL DEFAULT '',
            options TEXT NOT NULL DEFAULT '{}',
            result TEXT NOT NULL DEFAULT '{}',
            pid INTEGER,
            host TEXT,
            created_at REAL NOT NULL,
            updated_at REAL NOT NULL,
            finished_at REAL
        );
        CREATE INDEX jobs_project ON jobs(project_id, created_at);
        CREATE TABLE stage_events (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            job_id TEXT NOT NULL REFERENCES jobs(id),
            stage TEXT NOT NULL,
            event TEXT NOT NULL,
            at REAL NOT NULL,
            duration REAL,
            detail TEXT NOT NULL DEFAULT '{}'
        );
        CREATE INDEX stage_events_job ON stage_events(job_id, id);
        CREATE TABLE llm_calls (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            job_id TEXT NOT NULL REFERENCES jobs(id),
            agent TEXT NOT NULL,
            provider TEXT NOT NULL,
            model TEXT NOT NULL,
            tokens_in INTEGER NOT NULL DEFAULT 0,
            tokens_out INTEGER NOT NULL DEFAULT 0,
            latency_ms INTEGER NOT NULL DEFAULT 0,
            cost_usd REAL NOT NULL DEFAULT 0,
            ok INTEGER NOT NULL DEFAULT 1,
            error TEXT NOT NULL DEFAULT '',
            at REAL NOT NULL
        );
        CREATE INDEX llm_calls_job ON llm_calls(job_id);
        """,
    ),
    (
        "0002_deploy_columns",
        """
        ALTER TABLE projects ADD COLUMN deploy_url TEXT;
        ALTER TABLE projects ADD COLUMN deploy_target TEXT;
        ALTER TABLE projects ADD COLUMN deployment_id TEXT;
        ALTER TABLE projects ADD COLUMN deployed_at REAL;
        """,
    ),
    (
        "0003_sync_outbox",
        """
        CREATE TABLE outbox (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            table_name TEXT NOT NULL,
            row_id TEXT NOT NULL,
            payload TEXT NOT NULL,
            created_at REAL NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX outbox_row ON outbox(table_name, row_id);
        """,
    ),
    (
        "0004_fleet",
        """
        ALTER TABLE projects ADD COLUMN owner TEXT NOT NULL DEFAULT '';
        ALTER TABLE jobs ADD COLUMN owner TEXT NOT NULL DEFAULT '';
        ALTER TABLE jobs ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE jobs ADD COLUMN heartbeat_at REAL;
        CREATE INDEX projects_owner ON projects(owner, updated_at);
        CREATE INDEX jobs_owner ON jobs(owner, created_at);
        CREATE TABLE api_tokens (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            owner TEXT NOT NULL,
            token_hash TEXT NOT NULL UNIQUE,
            created_at REAL NOT NULL,
            last_used_at REAL,
            revoked_at REAL
        );
        CREATE INDEX api_tokens_owner ON api_tokens(owner)
        """,
    ),
    (
        "0005_job_requeue_on_loss",
        """
        ALTER TABLE jobs ADD COLUMN requeue_on_loss INTEGER NOT NULL DEFAULT 0
        """,
    ),
]
