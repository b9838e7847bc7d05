"""Sync between kiosks, the organiser and a hub (PostgreSQL server or shared folder); no Qt."""
