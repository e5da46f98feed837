"""Direct search over the knowledge index."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query
from pydantic import BaseModel, ConfigDict

from models.document import PASSAGE_EXAMPLE, GuidancePassage
from models.questionnaire import storable_text
from service.api.deps import RequireScope, StateDep
from service.callers import Scope
from service.config import BUILTIN_COLLECTION

router = APIRouter(
    prefix="/guidance",
    tags=["guidance"],
    dependencies=[Depends(RequireScope(Scope.read))],
    responses={
        401: {"description": "ADVISOR_API_KEYS is set and x-api-key is missing or wrong"},
        503: {"description": "database unavailable"},
    },
)


class SearchResults(BaseModel):
    """Passages, best first."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"results": [PASSAGE_EXAMPLE]}]})

    results: list[GuidancePassage]


@router.get("/search", response_model=SearchResults)
async def search(
    state: StateDep,
    q: Annotated[str, Query(min_length=1, max_length=2000, description="the question")],
    k: Annotated[int, Query(ge=1, le=50)] = 5,
    collection: Annotated[str | None, Query(min_length=1, max_length=200)] = None,
) -> SearchResults:
    """Hybrid (dense + keyword, weighted fusion) search, best first.

    The question is rewritten for the collection first: shorthand and synonyms from the
    reviewed map, typos matched to the collection's own words.
    """
    try:
        storable_text(q + (collection or ""))
    except ValueError as err:
        raise HTTPException(
            status_code=422,
            detail=[{"loc": ["query", "q"], "msg": str(err), "type": "value_error"}],
        ) from err
    passages = await state.supervisor.run(
        lambda conn: state.searcher.search(
            conn, text=q, collection=collection or BUILTIN_COLLECTION, k=k
        )
    )
    return SearchResults(results=[GuidancePassage(**p.as_dict()) for p in passages])
