.PHONY: run test lint bench
run:  ## start the service (creates .venv and the embedded database as needed)
	scripts/run
test: ## run every test
	scripts/test
lint:
	.venv/bin/ruff check . && .venv/bin/mypy service knowledge models
bench:
	.venv/bin/python bench/bench.py
