"""The one way to start the service's parts, in dependency order, and stop them in reverse.

settings → database → embedder → advisor → index → searcher → guidance finder → pool → spool →
supervisor → assessor. The API's lifespan and every CLI command go through open_parts, asking
only for what they use (Need), so e.g. `advisor assess --no-guidance` starts no database.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable
from contextlib import AsyncExitStack, asynccontextmanager

from knowledge.embeddings import Embedder
from models.advisor import Advisor
from models.estimates import load_assumptions
from service.assessment import Assessor
from service.config import BUILTIN_COLLECTION, Settings
from service.db.database import Database
from service.guidance import GuidanceFinder, rule_topics
from service.history import History
from service.indexing import index_builtin
from service.searcher import Searcher
from service.spool import Spool
from service.state import AppState, Need
from service.supervisor import Supervisor

log = logging.getLogger(__name__)


@asynccontextmanager
async def open_parts(
    *, settings: Settings, needs: Need = Need.SERVICE, owner: bool = False
) -> AsyncIterator[AppState]:
    """Start what `needs` names; on exit (or a failed start) stop it all in reverse.

    owner: the server owns its embedded database and stops it even if it adopted a running
    one; a command leaves a database it found running (a server's) alone.
    """
    if Need.SERVICE in needs:
        needs |= Need.DATABASE | Need.EMBEDDER | Need.ADVISOR
    state = AppState(settings=settings)
    async with AsyncExitStack() as stack:
        await _start_database_and_embedder(state=state, needs=needs, stack=stack, owner=owner)
        if Need.ADVISOR in needs:
            state.advisor_ = Advisor.load(path=settings.model_path)
        if Need.SERVICE in needs:
            await _start_service(state=state, stack=stack)
        elif Need.ADVISOR in needs:
            state.assessor_ = Assessor(
                advisor=state.advisor,
                finder=None,
                assumptions=load_assumptions(path=settings.estimates_file),
            )
        yield state


async def _start_database_and_embedder(
    *, state: AppState, needs: Need, stack: AsyncExitStack, owner: bool
) -> None:
    """Both take seconds and neither needs the other, so they start side by side."""
    jobs: list[Awaitable[object]] = []
    if Need.DATABASE in needs:
        database = state.database_ = Database(settings=state.settings)
        stack.push_async_callback(
            asyncio.to_thread, database.stop, only_if_started_here=not owner
        )
        jobs.append(asyncio.to_thread(database.start))
    if Need.EMBEDDER in needs:
        embedder = state.embedder_ = Embedder(backend=state.settings.embedding_backend)
        jobs.append(asyncio.to_thread(embedder.load))
    await asyncio.gather(*jobs)


async def _start_service(*, state: AppState, stack: AsyncExitStack) -> None:
    """The index, guidance, pool, spool, supervisor and assessment pipeline the API runs on."""
    settings, database, embedder = state.settings, state.database, state.embedder
    if settings.index_builtin:
        report = await asyncio.to_thread(
            index_builtin,
            conninfo=state.conninfo,
            corpus_dir=settings.corpus_dir,
            collection=BUILTIN_COLLECTION,
            embedder=embedder,
        )
        log.info(
            "built-in corpus: %d new, %d replaced, %d unchanged",
            len(report.added),
            len(report.replaced),
            len(report.unchanged),
        )
    searcher = state.searcher_ = Searcher(embed=lambda text: embedder.encode_one(text=text))
    finder = state.finder_ = GuidanceFinder(
        embedder=embedder,
        searcher=searcher,
        collection=BUILTIN_COLLECTION,
        describe=searcher.embed if settings.dense_description else None,
    )
    await asyncio.to_thread(finder.precompute, topics=list(rule_topics(advisor=state.advisor)))
    pool = state.pool_ = database.make_pool()
    stack.push_async_callback(pool.close)
    await pool.open(wait=True, timeout=settings.db_open_timeout_s)
    spool = state.spool_ = Spool(folder=settings.data_dir / "spool")
    supervisor = state.supervisor_ = Supervisor(
        database=database, pool=pool, spool=spool, finder=finder, wait_s=settings.db_wait_s
    )
    await supervisor.check()
    supervisor.start()
    stack.push_async_callback(supervisor.stop)
    state.assessor_ = Assessor(
        advisor=state.advisor,
        finder=finder,
        assumptions=load_assumptions(path=settings.estimates_file),
        spool=spool,
        supervisor=supervisor,
    )
    state.history_ = History(supervisor=supervisor, spool=spool)
