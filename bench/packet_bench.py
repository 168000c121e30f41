"""Packet speed and memory: a text-only packet, and one with 20 scans of 3000×4000 px, each against a
bare ReportLab document drawing the same pages and the same images in the same run.

The bare documents are the floor of our stack: the text-only floor lays out the packet's own text
(one paragraph per extracted line, Noto Sans, no tables, no scripts, no header or footer); the scan
floor draws the original JPEGs with ``canvas.drawImage``, one per page. A second scan floor embeds
the JPEG bytes without decoding them at all, which no privacy-respecting packet can do (the scans
must be re-encoded to drop their EXIF/GPS data), to show what that costs. All run with ASCII85
streams off, as Waystation sets ReportLab up (packets/layout.py).

Peak memory is the growth of the peak resident set size of a fresh process while it builds one
document, its inputs already loaded (Linux: VmHWM after resetting it through /proc/self/clear_refs;
elsewhere ``resource.getrusage``). Pillow's pixel buffers live outside the Python heap, so
tracemalloc would not see them.
"""

from __future__ import annotations

import io
import multiprocessing
import os
import resource
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PIL import Image, ImageDraw
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

from bench.table import ms, print_table, ratio
from waystation.content.loader import load_library
from waystation.packets.builder import build_packet
from waystation.packets.fonts import BASE, markup, register_fonts
from waystation.packets.request import PacketRequest
from waystation.packets.scan_pages import JpegReader
from waystation.rules.status import build_status
from waystation.vault.models import DocumentInfo, FamilyMember, Host, Passport, Person, Profile, Stay

SCANS = 20
SCAN_SIZE = (3000, 4000)
REPEAT = 3
MADE_ON = date(2026, 10, 1)
PROFILE = Profile(
    person=Person(
        family_name="Иванова",
        given_names="Мария",
        patronymic="Сергеевна",
        family_name_latin="IVANOVA",
        given_names_latin="MARIIA",
        date_of_birth=date(1990, 4, 12),
        place_of_birth="Новосибирск",
        sex="F",
        citizenships=("RU",),
        phone="+995 555 123 456",
        email="m@example.org",
    ),
    passports=(Passport("751234567", "international", date(2019, 5, 20), date(2029, 5, 20), "МВД 54001"),),
    host=Host(country="GE", city="Tbilisi", address="Rustaveli 1", arrival_date=date(2026, 9, 1)),
    stays=(Stay("GE", date(2026, 9, 1)),),
    family=(FamilyMember("child", "Иванов", "Пётр", date(2016, 2, 3)),),
)


def make_scans(count: int = SCANS) -> list[bytes]:
    """Photo-like 3000×4000 JPEGs (gradient, grain, lines of text, camera EXIF), each different
    so that no document can reuse another's image."""
    height = SCAN_SIZE[1]
    base = Image.linear_gradient("L").resize(SCAN_SIZE).convert("RGB")
    base = Image.blend(base, Image.effect_noise(SCAN_SIZE, 40).convert("RGB"), 0.15)
    draw = ImageDraw.Draw(base)
    for y in range(0, height, 80):
        draw.text((150, y), "PASSPORT 751234567 IVANOVA MARIIA " * 6, fill=(20, 20, 90))
    exif = Image.Exif()
    exif[0x010F] = "BenchCam"
    scans = []
    for index in range(count):
        image = base.copy()
        ImageDraw.Draw(image).rectangle((100 + 60 * index, 100, 150 + 60 * index, 150), fill=(200, 0, 0))
        out = io.BytesIO()
        image.save(out, "JPEG", quality=88, exif=exif.tobytes())
        scans.append(out.getvalue())
    return scans


def packet_request(scans: list[bytes]) -> PacketRequest:
    pack = load_library().get("GE")
    assert pack is not None
    documents = tuple(
        DocumentInfo(i + 1, "passport", f"scan {i + 1}", "s.jpg", "image/jpeg", len(d), "0" * 64, MADE_ON)
        for i, d in enumerate(scans)
    )
    return PacketRequest(
        profile=PROFILE,
        pack=pack,
        track="residence",
        status=build_status(pack, PROFILE, [], MADE_ON),
        documents=documents,
        fetch=lambda doc_id: scans[doc_id - 1],
        language="ru",
        made_on=MADE_ON,
    )


def page_texts(pdf: bytes) -> list[list[str]]:
    return [page.extract_text().splitlines() for page in PdfReader(io.BytesIO(pdf)).pages]


def bare_text(pages: list[list[str]]) -> bytes:
    """The floor for text: the same lines, one plain paragraph each, a page break per page."""
    style = ParagraphStyle("bare", fontName=BASE, fontSize=9, leading=11)
    story: list[object] = []
    for lines in pages:
        story += [Paragraph(markup(line), style) for line in lines]
        story.append(PageBreak())
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4, initialFontName=BASE).build(story)
    return out.getvalue()


def bare_images(scans: list[bytes], *, undecoded: bool = False) -> bytes:
    """The floor for scans: each JPEG drawn on a page of its own, scaled to fit."""
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4, initialFontName=BASE)
    for data in scans:
        reader = JpegReader(data) if undecoded else ImageReader(io.BytesIO(data))
        canvas.drawImage(reader, 40, 40, width=515, height=760, preserveAspectRatio=True)
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def _medians(runs: dict[str, Callable[[], object]], repeat: int = REPEAT) -> dict[str, float]:
    """Median wall time of each, the runs interleaved so that a busy machine hurts all alike."""
    samples: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(repeat):
        for name, func in runs.items():
            start = time.perf_counter()
            func()
            samples[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in samples.items()}


def _rss_kib(field: str) -> int | None:
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return None


def _reset_peak() -> bool:
    """Linux lets a process reset its peak RSS to the current RSS (clear_refs, value 5)."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def _peak_growth_kib(case: str, folder: str) -> int:
    """Run in a fresh process: how much the peak RSS grows while building one document."""
    register_fonts()
    scans = [p.read_bytes() for p in sorted(Path(folder).glob("scan-*.jpg"))]
    texts = page_texts(build_packet(packet_request([])).pdf) if case == "bare text" else []
    request = packet_request(scans if case == "ours scans" else [])
    work: dict[str, Callable[[], object]] = {
        "ours text": lambda: build_packet(request),
        "bare text": lambda: bare_text(texts),
        "ours scans": lambda: build_packet(request),
        "bare scans": lambda: bare_images(scans),
    }
    before = _rss_kib("VmRSS")
    if before is not None and _reset_peak():
        work[case]()
        return (_rss_kib("VmHWM") or before) - before
    # elsewhere: the process-wide peak, which may include what came before
    start = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    work[case]()
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - start)


def _peak_mib(case: str, folder: str) -> str:
    context = multiprocessing.get_context("spawn")
    with context.Pool(1) as pool:
        kib = pool.apply(_peak_growth_kib, (case, folder))
    return f"{kib / 1024:.0f} MiB"


def run() -> None:
    register_fonts()
    scans = make_scans()
    text_request = packet_request([])
    scan_request = packet_request(scans)
    text_packet = build_packet(text_request)
    texts = page_texts(text_packet.pdf)
    scan_packet = build_packet(scan_request)
    text_times = _medians({"ours": lambda: build_packet(text_request), "bare": lambda: bare_text(texts)})
    scan_times = _medians(
        {
            "ours": lambda: build_packet(scan_request),
            "bare": lambda: bare_images(scans),
            "undecoded": lambda: bare_images(scans, undecoded=True),
        }
    )
    with tempfile.TemporaryDirectory() as tmp:
        for index, data in enumerate(scans):
            Path(tmp, f"scan-{index:02d}.jpg").write_bytes(data)
        peaks = {
            case: _peak_mib(case, tmp) for case in ("ours text", "bare text", "ours scans", "bare scans")
        }
    size_in = sum(len(s) for s in scans) / 2**20
    print_table(
        f"Packets: GE residence, {text_packet.pages} text pages; {SCANS} scans of "
        f"{SCAN_SIZE[0]}×{SCAN_SIZE[1]} px ({size_in:.0f} MiB of JPEG in, "
        f"{len(scan_packet.pdf) / 2**20:.1f} MiB PDF out); {os.cpu_count()} CPUs; {date.today().isoformat()}",
        ["packet", "Waystation", "bare ReportLab", "ratio", "peak RSS growth (ours / bare)"],
        [
            [
                f"text only ({text_packet.pages} pages)",
                ms(text_times["ours"]),
                ms(text_times["bare"]),
                ratio(text_times["ours"], text_times["bare"]),
                f"{peaks['ours text']} / {peaks['bare text']}",
            ],
            [
                f"{SCANS} scans ({scan_packet.pages} pages)",
                ms(scan_times["ours"]),
                ms(scan_times["bare"]),
                ratio(scan_times["ours"], scan_times["bare"]),
                f"{peaks['ours scans']} / {peaks['bare scans']}",
            ],
            [
                f"{SCANS} scans vs JPEGs embedded undecoded",
                ms(scan_times["ours"]),
                ms(scan_times["undecoded"]),
                ratio(scan_times["ours"], scan_times["undecoded"]),
                "",
            ],
        ],
    )
