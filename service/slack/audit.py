"""`/advisor audit <id>`: a dataset audit's headline, privately to the user who asked.

The command is acknowledged at once; the audit is then read from the database and the summary
goes back through the command's response_url (or chat.postEphemeral): examples, usable, data
quality, the top findings and a link to the audit's page.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Callable

from slack_sdk.web.async_client import AsyncWebClient

from models.audit.document import AuditDocument
from service.slack.blocks import SECTION_LIMIT, clip, join_lines
from service.slack.delivery import Reply, notify

log = logging.getLogger(__name__)

FindAudit = Callable[[str], Awaitable[AuditDocument | None]]
# "audit" alone, or "audit" and one id-shaped word; "audit logs for fraud" is a description.
COMMAND = re.compile(r"^\s*audit(?:\s+([A-Za-z0-9-]{1,64}))?\s*$", re.IGNORECASE)
ID_SHAPE = re.compile(r"^(?=.*\d)[A-Za-z0-9-]{8,64}$")
TOP_FINDINGS = 3
ICON = {"high": ":red_circle:", "medium": ":large_orange_circle:", "low": ":large_blue_circle:"}
ORDER = {"high": 0, "medium": 1, "low": 2}


def audit_request(*, text: str) -> str | None:
    """The audit id the command asks about ("" when it names none), or None when the text is
    not an audit command at all."""
    found = COMMAND.match(text)
    if found is None:
        return None
    word = found.group(1) or ""
    return word if not word or ID_SHAPE.match(word) else None


def audit_url(*, public_url: str, audit_id: str) -> str:
    """Where people read the whole audit."""
    return f"{public_url.rstrip('/')}/datasets/audits/{audit_id}/report"


def summary(*, doc: AuditDocument, public_url: str) -> str:
    """The headline as mrkdwn: counts, data quality, the most serious findings, the link."""
    assert doc.id is not None
    name = doc.files["train"].name if "train" in doc.files else None
    title = f"*Dataset audit* `{clip(text=doc.id, limit=80)}`" + (
        f" · {clip(text=name, limit=120)}" if name else "")
    lines = [
        title,
        f"{doc.examples:,} examples, {doc.valid_examples:,} valid, "
        f"*{doc.usable_examples:,} usable*",
        f"Data quality: *{doc.data_quality.value}* ("
        + clip(text=doc.data_quality_reason, limit=400) + ")",
    ]
    top = sorted(doc.findings, key=lambda f: (ORDER[f.severity], -f.count))[:TOP_FINDINGS]
    lines += [f"{ICON[f.severity]} *{f.id}* {f.count:,} ({f.share:.1%}): "
              + clip(text=f.message, limit=300) for f in top]
    if not doc.findings:
        lines.append(":white_check_mark: No defect was found.")
    elif len(doc.findings) > TOP_FINDINGS:
        lines.append(f"…and {len(doc.findings) - TOP_FINDINGS} more findings")
    url = audit_url(public_url=public_url, audit_id=doc.id)
    return join_lines(lines=lines, limit=SECTION_LIMIT - 200) + f"\n<{url}|Open the audit>"


async def answer_audit(*, client: AsyncWebClient, reply: Reply, audit_id: str,
                       find: FindAudit | None, public_url: str) -> str:
    """Look the audit up and tell the user (after the command has been acknowledged)."""
    upload = f"{public_url.rstrip('/')}/audit"
    if not audit_id:
        return await notify(client=client, reply=reply, text=(
            f"Use `/advisor audit <id>` with the id of a dataset audit. Audit a training file at "
            f"<{upload}|{upload}> (or POST /datasets/audit) to get one."))
    try:
        doc = await find(audit_id) if find is not None else None
    except Exception:  # the database is down or the document unreadable: say so
        log.exception("dataset audit %s could not be read for Slack", audit_id)
        return await notify(client=client, reply=reply, text=(
            "Sorry, the audit could not be read right now. Please try again in a minute."))
    if doc is None:
        return await notify(client=client, reply=reply, text=(
            f"There is no dataset audit with id `{clip(text=audit_id, limit=80)}`. Check the id, "
            f"or audit a file at <{upload}|{upload}>."))
    return await notify(client=client, reply=reply, text=summary(doc=doc, public_url=public_url))
