"""Direct search over the knowledge index."""

from __future__ import annotations

import asyncio
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query
from pydantic import BaseModel, ConfigDict, Field

from models.questionnaire import storable_text
from service.api.deps import ConnDep, StateDep, require_key
from service.config import BUILTIN_COLLECTION
from service.db.search import hybrid_search

router = APIRouter(
    prefix="/guidance",
    tags=["guidance"],
    dependencies=[Depends(require_key)],
    responses={
        401: {"description": "ADVISOR_API_KEYS is set and x-api-key is missing or wrong"},
        503: {"description": "database unavailable"},
    },
)


PASSAGE_EXAMPLE: dict[str, Any] = {
    "text": "Fine-tuned weights are frozen at training time, so facts that change weekly ...",
    "source": "fine-tuning-a-retrieval-problem.md § Fine-tuning a retrieval problem › Why weights "
    "cannot hold live facts",
    "score": 0.93,
    "title": "Fine-tuning a retrieval problem",
    "file": "fine-tuning-a-retrieval-problem.md",
    "section": "Fine-tuning a retrieval problem › Why weights cannot hold live facts",
    "collection": "builtin",
    "cites": ["003_12c0c7f61fca504c.txt § 2. Using Fine-Tuning to Solve a Retrieval Problem"],
    "dense_rank": 1,
    "keyword_rank": 2,
}


class GuidancePassage(BaseModel):
    """A retrieved passage and where it comes from."""

    model_config = ConfigDict(json_schema_extra={"examples": [PASSAGE_EXAMPLE]})

    text: str
    source: str = Field(description="file and section, e.g. `rag-vs-fine-tuning.md § When ...`")
    score: float = Field(
        ge=0,
        le=1,
        description="dense and BM25 scores, each normalised by its best hit, weighted 0.55/0.45",
    )
    title: str
    file: str
    section: str
    collection: str
    cites: list[str] = Field(
        default_factory=list, description="seed sections this passage draws on"
    )
    dense_rank: int | None = None
    keyword_rank: int | None = None


class SearchResults(BaseModel):
    """Passages, best first."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"results": [PASSAGE_EXAMPLE]}]})

    results: list[GuidancePassage]


@router.get("/search", response_model=SearchResults)
async def search(
    state: StateDep,
    conn: ConnDep,
    q: Annotated[str, Query(min_length=1, max_length=2000, description="the question")],
    k: Annotated[int, Query(ge=1, le=50)] = 5,
    collection: Annotated[str | None, Query(min_length=1, max_length=200)] = None,
) -> SearchResults:
    """Hybrid (dense + keyword, weighted fusion) search, best first."""
    try:
        storable_text(q + (collection or ""))
    except ValueError as err:
        raise HTTPException(
            status_code=422,
            detail=[{"loc": ["query", "q"], "msg": str(err), "type": "value_error"}],
        ) from err
    embedding = await asyncio.to_thread(state.embedder.encode_one, text=q)
    passages = await hybrid_search(
        conn, text=q, embedding=embedding, collection=collection or BUILTIN_COLLECTION, k=k
    )
    return SearchResults(results=[GuidancePassage(**p.as_dict()) for p in passages])
