"""Pure domain: event, attendees, badge codes, rules, decisions. Imports nothing of the project."""
