"""Server-rendered pages for people: the home page, the intake form and the assessment report."""
