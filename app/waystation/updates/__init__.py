"""Signed guide updates (PRODUCT.md capability 9): bundles of country guides that a help desk hands
out offline, signed in the minisign format (Ed25519), verified against trusted keys, validated like
the shipped guides and installed atomically into the app's data folder. No Qt, no network.

Modules: ``minisign`` (the file formats), ``keys`` (who is trusted), ``manifest`` and ``container``
(the bundle), ``verify`` (every check, in order), ``store`` and ``install`` (the installed guides),
``changes`` / ``change_words`` ("what changed"), ``notice`` (the person's own changes), ``signing``
(for maintainers).
"""
