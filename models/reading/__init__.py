"""Reading the team's own words: the description interpreter and its labelled data."""
