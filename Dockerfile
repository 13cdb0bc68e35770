# One image for every coach process: web, worker, beat and the migrate step (docker-compose.yml).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app

# Only what the package needs: tests, docs and node tooling stay out of the image.
COPY pyproject.toml README.md* ./
COPY coach ./coach
COPY tasks ./tasks
COPY messages ./messages
RUN pip install . \
    && useradd --system --create-home --uid 10001 coach

USER coach
EXPOSE 8000
CMD ["python", "-m", "coach.web.serve", "--host", "0.0.0.0", "--port", "8000"]
