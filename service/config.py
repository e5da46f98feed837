"""One place for every setting the service reads from the environment."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

import platformdirs
from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from knowledge.embeddings import BACKENDS, DEFAULT_BACKEND

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
    index_builtin: bool = Field(default=True, alias="ADVISOR_INDEX_BUILTIN")
    embedding_backend: str = Field(
        default=DEFAULT_BACKEND,
        alias="ADVISOR_EMBEDDING_BACKEND",
        description=f"one of {', '.join(BACKENDS)}",
    )
    dense_description: bool = Field(
        default=False,
        alias="ADVISOR_DENSE_DESCRIPTION",
        description="also embed each /assess description (hybrid) instead of BM25 only",
    )

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

    @cached_property
    def api_key_list(self) -> list[str]:
        """Keys from the comma-separated ADVISOR_API_KEYS, blanks dropped."""
        if not self.api_keys:
            return []
        return [key.strip() for key in self.api_keys.split(",") if key.strip()]

    @property
    def embedded(self) -> bool:
        """Without an external URL the service runs its own PostgreSQL."""
        return not self.database_url
