"""Pure domain: the event, attendees, badge codes, rules and decisions. Imports nothing of the project."""
