# Production image: CPU-only torch, the advisor, and its built-in corpus and model artifact.
# Point it at PostgreSQL + pgvector with ADVISOR_DATABASE_URL (see docker-compose.yml).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    HF_HUB_OFFLINE=1 \
    TRANSFORMERS_OFFLINE=1 \
    ADVISOR_DATA_DIR=/var/lib/advisor

WORKDIR /app
# CPU wheel of torch first, so nothing below can pull a CUDA build.
RUN pip install "torch==2.13.0" --index-url https://download.pytorch.org/whl/cpu

COPY pyproject.toml README.md ./
COPY service ./service
COPY knowledge ./knowledge
COPY models ./models
RUN pip install . \
 && useradd --system --home /var/lib/advisor --create-home advisor

USER advisor
# Build the cached ONNX export of the bundled embedding weights now, not on first start.
RUN python -c "from knowledge.embeddings import Embedder; Embedder().load()"
EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s \
  CMD python -c "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/readyz').status != 200)"
CMD ["advisor", "serve", "--host", "0.0.0.0", "--port", "8000"]
