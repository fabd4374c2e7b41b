"""Reporters turn a ValidationResult into text for people or for machines."""
