"""Document packets (PDF) and calendar export; plain Python, no Qt.

The packet API lives in ``waystation.packets.builder`` (``build_packet``, ``write_packet``) and
``waystation.packets.request`` (``PacketRequest``, ``PacketResult``, ``PacketCancelled``); it is not
re-exported here, so importing the calendar export does not load ReportLab, pypdf and Pillow.
"""
