"""One place for every setting the service reads from the environment."""

from __future__ import annotations

import hashlib
import ipaddress
from functools import cached_property
from pathlib import Path

import limits
import platformdirs
from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from knowledge.embeddings import BACKENDS, DEFAULT_BACKEND
from service.callers import KeyEntry, Scope, parse_keys, parse_scopes

REPO_ROOT = Path(__file__).resolve().parent.parent
BUILTIN_COLLECTION = "builtin"


class Settings(BaseSettings):
    """Contract variables (ADVISOR_*, SLACK_*) plus a few tuning knobs with safe defaults."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore", populate_by_name=True)

    database_url: str | None = Field(default=None, alias="ADVISOR_DATABASE_URL")
    data_dir: Path = Field(
        default_factory=lambda: Path(platformdirs.user_data_dir("finetune-advisor")),
        alias="ADVISOR_DATA_DIR",
    )
    api_keys: str | None = Field(default=None, alias="ADVISOR_API_KEYS")
    slack_signing_secret: SecretStr | None = Field(default=None, alias="SLACK_SIGNING_SECRET")
    slack_bot_token: SecretStr | None = Field(default=None, alias="SLACK_BOT_TOKEN")
    slack_api_url: str | None = Field(default=None, alias="SLACK_API_URL")
    public_url: str = Field(default="http://127.0.0.1:8000", alias="ADVISOR_PUBLIC_URL")
    model_path: Path | None = Field(default=None, alias="ADVISOR_MODEL_PATH")
    estimates_file: Path | None = Field(default=None, alias="ADVISOR_ESTIMATES_FILE")
    corpus_dir: Path = Field(default=REPO_ROOT / "knowledge" / "corpus", alias="ADVISOR_CORPUS_DIR")
    pool_min_size: int = Field(default=2, ge=1, alias="ADVISOR_POOL_MIN_SIZE")
    pool_max_size: int = Field(default=10, ge=1, alias="ADVISOR_POOL_MAX_SIZE")
    db_timeout_s: float = Field(
        default=5.0,
        gt=0,
        alias="ADVISOR_DB_TIMEOUT_S",
        description="statement, lock and connect timeout; the pool's default wait",
    )
    db_wait_s: float = Field(
        default=2.0,
        gt=0,
        alias="ADVISOR_DB_WAIT_S",
        description="how long /assess, pages and the supervisor wait for a pooled connection "
        "before answering without the database",
    )
    db_open_timeout_s: float = Field(
        default=30.0,
        gt=0,
        alias="ADVISOR_DB_OPEN_TIMEOUT_S",
        description="how long start-up waits for the pool's first connections",
    )
    audit_slots: int = Field(
        default=1,
        ge=1,
        le=8,
        alias="ADVISOR_AUDIT_SLOTS",
        description="dataset audits run at once; a further upload gets 503 with Retry-After",
    )
    audit_workers: int = Field(
        default=2, ge=1, le=16, alias="ADVISOR_AUDIT_WORKERS",
        description="worker processes per dataset audit",
    )
    index_builtin: bool = Field(default=True, alias="ADVISOR_INDEX_BUILTIN")
    embedding_backend: str = Field(
        default=DEFAULT_BACKEND,
        alias="ADVISOR_EMBEDDING_BACKEND",
        description=f"one of {', '.join(BACKENDS)}",
    )
    guidance_collections: str = Field(
        default=BUILTIN_COLLECTION,
        alias="ADVISOR_GUIDANCE_COLLECTIONS",
        description="comma-separated collections /assess cites, e.g. builtin,acme; their "
        "passages compete on one ranking",
    )
    dense_description: bool = Field(
        default=False,
        alias="ADVISOR_DENSE_DESCRIPTION",
        description="also embed each /assess description (hybrid) instead of BM25 only",
    )

    db_keepalive_s: int = Field(
        default=10, ge=1, alias="ADVISOR_DB_KEEPALIVE_S",
        description="TCP keepalive idle time to the database (a dead peer is noticed in ~3x)",
    )
    session_secret: SecretStr | None = Field(
        default=None, alias="ADVISOR_SESSION_SECRET",
        description="signs page sessions; unset = derived from ADVISOR_API_KEYS",
    )
    session_max_age_s: int = Field(default=8 * 3600, ge=60, alias="ADVISOR_SESSION_MAX_AGE_S")
    trusted_proxies: str = Field(
        default="", alias="ADVISOR_TRUSTED_PROXIES",
        description="comma-separated addresses or networks of an SSO proxy (oauth2-proxy) and "
        "load balancers whose identity and X-Forwarded-For headers are believed",
    )
    proxy_user_header: str = Field(default="x-forwarded-user", alias="ADVISOR_PROXY_USER_HEADER")
    proxy_scopes: str = Field(default="read+assess", alias="ADVISOR_PROXY_SCOPES")
    rate_assess: str = Field(default="120/minute", alias="ADVISOR_RATE_ASSESS")
    rate_intake: str = Field(default="10/minute", alias="ADVISOR_RATE_INTAKE")
    rate_outcomes: str = Field(default="30/minute", alias="ADVISOR_RATE_OUTCOMES")
    rate_verdict: str = Field(default="60/minute", alias="ADVISOR_RATE_VERDICT")
    rate_login: str = Field(default="10/minute", alias="ADVISOR_RATE_LOGIN")
    rate_audit: str = Field(default="60/hour", alias="ADVISOR_RATE_AUDIT")
    max_body_bytes: int = Field(default=1_000_000, ge=1024, alias="ADVISOR_MAX_BODY_BYTES")
    body_timeout_s: float = Field(
        default=10.0, gt=0, alias="ADVISOR_BODY_TIMEOUT_S",
        description="a request body must arrive completely within this time (slow clients: 408)",
    )
    limit_concurrency: int = Field(
        default=200, ge=1, alias="ADVISOR_LIMIT_CONCURRENCY",
        description="uvicorn: connections or tasks beyond this get 503",
    )
    keepalive_s: int = Field(
        default=5, ge=1, alias="ADVISOR_KEEPALIVE_S",
        description="uvicorn: idle connections (also new ones that send nothing) close after this",
    )
    slack_response_url_prefix: str = Field(
        default="https://hooks.slack.com/", alias="SLACK_RESPONSE_URL_PREFIX",
        description="the only place a Slack response_url may point to",
    )

    @field_validator(
        "rate_assess", "rate_intake", "rate_outcomes", "rate_verdict", "rate_login", "rate_audit",
        mode="after",
    )
    @classmethod
    def _rate(cls, value: str) -> str:
        """`limits` notation, e.g. `120/minute` or `10 per second`; checked at start."""
        limits.parse(value)
        return value

    @field_validator("data_dir", mode="after")
    @classmethod
    def _absolute(cls, value: Path) -> Path:
        """Relative data dirs would move with the working directory; pin them."""
        return value.expanduser().resolve()

    @field_validator("embedding_backend", mode="after")
    @classmethod
    def _known_backend(cls, value: str) -> str:
        """Fail at start, naming the variable, rather than when the model first loads."""
        if value not in BACKENDS:
            raise ValueError(f"unknown embedding backend {value!r}; expected one of {BACKENDS}")
        return value

    @field_validator("api_keys", mode="after")
    @classmethod
    def _keys(cls, value: str | None) -> str | None:
        """A malformed entry stops the start, naming the entry."""
        parse_keys(text=value)
        return value

    @field_validator("proxy_scopes", mode="after")
    @classmethod
    def _proxy_scopes(cls, value: str) -> str:
        parse_scopes(text=value, where="ADVISOR_PROXY_SCOPES")
        return value

    @field_validator("trusted_proxies", mode="after")
    @classmethod
    def _proxies(cls, value: str) -> str:
        for part in value.split(","):
            if part.strip():
                ipaddress.ip_network(part.strip(), strict=False)
        return value

    @field_validator("guidance_collections", mode="after")
    @classmethod
    def _collection_names(cls, value: str) -> str:
        """Names as ingest stores them: trimmed, no blanks or repeats, at least one."""
        names = list(dict.fromkeys(name.strip() for name in value.split(",") if name.strip()))
        if not names:
            raise ValueError("names no collection; use e.g. 'builtin' or 'builtin,acme'")
        for name in names:
            if len(name) > 200 or "\x00" in name:
                raise ValueError(f"collection name {name[:40]!r} must be 1-200 characters")
        return ",".join(names)

    @property
    def guidance_collection_list(self) -> tuple[str, ...]:
        """The collections /assess cites, in the order given."""
        return tuple(self.guidance_collections.split(","))

    @cached_property
    def key_entries(self) -> tuple[KeyEntry, ...]:
        """Named callers from ADVISOR_API_KEYS; empty means the service is open."""
        return parse_keys(text=self.api_keys)

    @cached_property
    def proxy_networks(self) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
        """Where trusted proxy headers may come from."""
        parts = [p.strip() for p in self.trusted_proxies.split(",") if p.strip()]
        return tuple(ipaddress.ip_network(p, strict=False) for p in parts)

    @cached_property
    def proxy_scope_set(self) -> frozenset[Scope]:
        """What a user signed in by the SSO proxy may do."""
        return parse_scopes(text=self.proxy_scopes, where="ADVISOR_PROXY_SCOPES")

    @cached_property
    def session_key(self) -> str:
        """The session signing secret; derived from the keys so every worker agrees."""
        if self.session_secret is not None and self.session_secret.get_secret_value():
            return self.session_secret.get_secret_value()
        material = "\0".join(sorted(entry.key for entry in self.key_entries))
        return hashlib.sha256(b"advisor-session\0" + material.encode()).hexdigest()

    @property
    def access_controlled(self) -> bool:
        """Keys are configured: API callers and page visitors must identify themselves."""
        return bool(self.key_entries)

    @property
    def embedded(self) -> bool:
        """Without an external URL the service runs its own PostgreSQL."""
        return not self.database_url
