"""Building a document packet: the public entry points ``build_packet`` and ``write_packet``.

A packet has two parts, for the office and for the applicant (``PacketRequest.part`` chooses
one or both; see request.PARTS). The work runs in stages, each reported through ``progress`` and
each a point where ``cancelled`` is honoured: preparing the scans for the office's part
(re-encoded in parallel, in memory), laying out the pages (ReportLab), and, when there are PDF
scans to splice in or a password, putting the PDF together (pypdf). Nothing touches the disk until ``write_packet``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from pathlib import Path

from waystation.i18n import _
from waystation.packets.assemble import assemble, needs_assembly
from waystation.packets.cells import Context
from waystation.packets.checklist import build_checklist
from waystation.packets.fonts import register_fonts
from waystation.packets.layout import lay_out, make_stamp
from waystation.packets.output import write_new_pdf
from waystation.packets.request import Cancelled, PacketCancelled, PacketRequest, PacketResult, Progress
from waystation.packets.scans import OpenedImage, Prepared, PreparedImage, SkippedScan, finish_scan, open_scan
from waystation.packets.styles import make_styles
from waystation.vault.models import DocumentInfo

__all__ = ["PacketCancelled", "PacketRequest", "PacketResult", "build_packet", "write_packet"]


class _Tracker:
    def __init__(self, progress: Progress | None, cancelled: Cancelled | None, total: int) -> None:
        self._progress = progress
        self._cancelled = cancelled
        self.total = total
        self.done = 0

    def check(self) -> None:
        if self._cancelled is not None and self._cancelled():
            raise PacketCancelled()

    def advance(self, message: str) -> None:
        self.check()
        self.done = min(self.done + 1, self.total)
        if self._progress is not None:
            self._progress(self.done, self.total, message)


def build_packet(
    request: PacketRequest,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> PacketResult:
    """The packet for ``request`` as PDF bytes. Raises InvalidInput for a request the pack cannot
    serve, PacketCancelled when ``cancelled()`` turns true; a scan that cannot be used is left out
    with a note in the packet and a warning in the result."""
    request.check()
    register_fonts()
    status = request.status
    checklist = build_checklist(
        request.pack,
        request.track,
        status.plans,
        status.legal,
        request.profile,
        request.documents,
        request.made_on,
    )
    # the scans go to the office; the applicant's part only names them
    scans = [document for item in checklist for document in item.documents] if request.for_office else []
    tracker = _Tracker(progress, cancelled, len(scans) + 2)
    tracker.check()
    prepared = prepare_scans(scans, request.fetch, tracker)
    ctx = Context(request, make_styles(), request.pack.packets[request.track])
    stamp = make_stamp(ctx)
    tracker.advance(_("Laying out the pages"))
    body = lay_out(ctx, checklist, prepared, stamp, tracker.check)
    pdf = body.pdf
    if needs_assembly(body.slots, request.password):
        tracker.advance(_("Putting the PDF together"))
        pdf = assemble(pdf, body.slots, stamp, password=request.password, check=tracker.check)
    else:
        tracker.advance(_("Finishing"))
    return PacketResult(
        pdf, len(body.slots), tuple(_warnings(prepared)), encrypted=request.password is not None
    )


def write_packet(result: PacketResult, path: Path, force: bool = False) -> None:
    """Write the packet under a temporary name in the target folder, then rename it, so a failure
    never leaves half a PDF; refuses to replace an existing file unless ``force``."""
    write_new_pdf(path, result.pdf, force=force)


def prepare_scans(
    documents: Sequence[DocumentInfo], fetch: Callable[[int], bytes], tracker: _Tracker
) -> list[Prepared]:
    """Each document ready for the packet, in order. Contents are fetched and images' headers
    checked on the calling thread (a vault connection belongs to its thread); images are decoded
    and re-encoded on a few worker threads, with only a few documents in memory at a time."""
    workers = max(1, min(4, os.cpu_count() or 1))
    results: dict[int, Prepared] = {}
    pending: dict[Future[PreparedImage | SkippedScan], int] = {}

    def done(index: int, prepared: Prepared) -> None:
        results[index] = prepared
        tracker.advance(_("Preparing scans ({n} of {total})").format(n=len(results), total=len(documents)))

    def collect() -> None:
        finished, _running = wait(pending, return_when=FIRST_COMPLETED)
        for future in finished:
            done(pending.pop(future), future.result())

    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="packet-scan") as pool:
        try:
            for index, document in enumerate(documents):
                tracker.check()
                while len(pending) >= workers:
                    collect()
                first = open_scan(document, fetch(document.id))
                if isinstance(first, OpenedImage):
                    pending[pool.submit(finish_scan, first)] = index
                else:
                    done(index, first)
            while pending:
                collect()
        finally:
            for future in pending:
                future.cancel()
    return [results[index] for index in range(len(documents))]


def _warnings(prepared: Sequence[Prepared]) -> list[str]:
    return [
        _("The scan “{name}” was left out of the packet: {reason}.").format(
            name=item.document.title or item.document.original_name or f"#{item.document.id}",
            reason=item.reason,
        )
        for item in prepared
        if isinstance(item, SkippedScan)
    ]
