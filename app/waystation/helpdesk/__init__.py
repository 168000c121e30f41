"""Help-desk mode, guest sessions and handoff (PRODUCT.md, capability 7): one laptop serving many
people in a day, and each person taking their vault home safely. No Qt here.

- ``guest``: a guest session's vault, which lives in memory only (SQLCipher on SQLite's memory
  file system, its pages encrypted there) and is gone when the session ends.
- ``guest_places``: a guest *process* (``waystation --guest``) points every folder Qt and the
  libraries might write to at a private folder in memory, removed when the app closes.
- ``handoff``: "Save a copy for yourself" — a verified encrypted copy, optionally under a new
  passphrase; the same for "save all this into a vault" from a guest session.
- ``vault_bundle``: several vaults (a family) handed over as one file, read under the archive
  rules every archive Waystation opens follows (``waystation/archive_rules.py``).
- ``desk_settings``: the desk's own settings (help-desk mode, the desk's folder, names shown).
- ``desk_record``: the desk's optional record — counts only, never names or paths.
"""
