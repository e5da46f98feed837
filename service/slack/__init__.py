"""Slack integration: the /advisor command, the questionnaire modal and the Block Kit result."""
