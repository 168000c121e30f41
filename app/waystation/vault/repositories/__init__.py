"""Repositories: the only place that knows the vault's SQL. Each takes an open Vault."""

from waystation.vault.repositories.documents import DocumentRepository
from waystation.vault.repositories.profile import ProfileRepository
from waystation.vault.repositories.progress import ProgressRepository
from waystation.vault.repositories.settings import SettingsRepository

__all__ = ["DocumentRepository", "ProfileRepository", "ProgressRepository", "SettingsRepository"]
