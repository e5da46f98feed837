"""The one way to start the service's parts, in dependency order, and stop them in reverse.

settings → database → embedder → advisor and reader → index → searcher → guidance finder →
pool → spool → supervisor → assessor → auditor. The API's lifespan and every CLI command go
through open_parts, asking only for what they use (Need), so e.g. `advisor assess
--no-guidance` starts no database.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator, Awaitable
from contextlib import AsyncExitStack, asynccontextmanager

from knowledge.embeddings import Embedder, TextEncoder
from knowledge.ingest import discover
from knowledge.static_embeddings import StaticEmbedder
from knowledge.vector_cache import RememberingEncoder
from models.advisor import Advisor
from models.estimates import load_assumptions
from models.reading.reader import Reader
from service.assessment import Assessor
from service.audits import Auditor
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
        await _start_slow_parts(state=state, needs=needs, stack=stack, owner=owner)
        if Need.SERVICE in needs:
            await _start_service(state=state, stack=stack)
        elif Need.ADVISOR in needs:
            state.assessor_ = Assessor(
                advisor=state.advisor,
                reader=state.reader_,
                finder=None,
                assumptions=load_assumptions(path=settings.estimates_file),
            )
        yield state


def load_reader() -> Reader:
    """The description reader on the static embedder distilled from the bundled MiniLM."""
    static = StaticEmbedder.load()
    return Reader.load(embed=lambda texts: static.encode(texts=texts),
                       embedder_id=static.model_id)


def _load_models(*, state: AppState) -> None:
    """The advisor's artifact and the description reader (a second or so on a busy machine)."""
    state.advisor_ = Advisor.load(path=state.settings.model_path)
    state.reader_ = load_reader()


async def _start_slow_parts(
    *, state: AppState, needs: Need, stack: AsyncExitStack, owner: bool
) -> None:
    """Database, embedder and models take seconds and none needs another: start side by side."""
    jobs: list[Awaitable[object]] = []
    if Need.DATABASE in needs:
        database = state.database_ = Database.claim(settings=state.settings)
        stack.push_async_callback(
            asyncio.to_thread, database.stop, only_if_started_here=not owner
        )
        jobs.append(asyncio.to_thread(database.start))
    if Need.EMBEDDER in needs:
        embedder = state.embedder_ = Embedder(backend=state.settings.embedding_backend)
        jobs.append(asyncio.to_thread(embedder.load))
    if Need.ADVISOR in needs:
        jobs.append(asyncio.to_thread(_load_models, state=state))
    await asyncio.gather(*jobs)


async def _index_builtin(*, state: AppState, embedder: TextEncoder) -> None:
    """Index the built-in corpus (only new or changed files), saying what it does and took."""
    settings, started = state.settings, time.perf_counter()
    if state.database.created:
        files, _ = discover(paths=[settings.corpus_dir])
        log.info("indexing the built-in knowledge base: %d files (first start, a few seconds)",
                 len(files))
    report = await asyncio.to_thread(
        index_builtin,
        conninfo=state.conninfo,
        corpus_dir=settings.corpus_dir,
        collection=BUILTIN_COLLECTION,
        embedder=embedder,
    )
    if report.changed:
        log.info("built-in knowledge base: %d passages from %d new and %d changed files "
                 "indexed in %.1f s (%d unchanged)", report.chunks_written, len(report.added),
                 len(report.replaced), time.perf_counter() - started, len(report.unchanged))
    else:
        log.info("built-in knowledge base: %d files, unchanged", len(report.unchanged))


async def _start_service(*, state: AppState, stack: AsyncExitStack) -> None:
    """The index, guidance, pool, spool, supervisor and assessment pipeline the API runs on."""
    settings, database, embedder = state.settings, state.database, state.embedder
    # The built-in corpus and the rule topics are the same texts at every start: their vectors
    # come from the cache beside the model export after the first run.
    remembered = RememberingEncoder(encoder=embedder, folder=embedder.cache_folder)
    if settings.index_builtin:
        await _index_builtin(state=state, embedder=remembered)
    searcher = state.searcher_ = Searcher(embed=lambda text: embedder.encode_one(text=text))
    finder = state.finder_ = GuidanceFinder(
        embedder=remembered,
        searcher=searcher,
        collections=settings.guidance_collection_list,
        describe=searcher.embed if settings.dense_description else None,
    )
    await asyncio.to_thread(finder.precompute, topics=list(rule_topics(advisor=state.advisor)))
    await asyncio.to_thread(remembered.save)
    pool = state.pool_ = database.make_pool()
    stack.push_async_callback(pool.close)
    await pool.open(wait=True, timeout=settings.db_open_timeout_s)
    spool = state.spool_ = Spool(folder=settings.data_dir / "spool")
    supervisor = state.supervisor_ = Supervisor(
        database=database, pool=pool, spool=spool, finder=finder, wait_s=settings.db_wait_s,
        deadline_s=settings.db_timeout_s,
    )
    await supervisor.check()
    supervisor.start()
    stack.push_async_callback(supervisor.stop)
    state.assessor_ = Assessor(
        advisor=state.advisor,
        reader=state.reader_,
        finder=finder,
        assumptions=load_assumptions(path=settings.estimates_file),
        spool=spool,
        supervisor=supervisor,
    )
    state.history_ = History(supervisor=supervisor, spool=spool)
    state.auditor_ = Auditor(slots=settings.audit_slots, workers=settings.audit_workers)
