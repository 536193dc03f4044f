# PeerCoach: a slim, non-root image. Settings come from the environment (see README).
FROM python:3.11-slim AS build
WORKDIR /src
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY flows ./flows
COPY storage ./storage
RUN pip install --no-cache-dir --prefix=/install '.[postgres]'

FROM python:3.11-slim
RUN useradd --create-home --uid 10001 peercoach
COPY --from=build /install /usr/local
USER peercoach
WORKDIR /home/peercoach
ENV PYTHONUNBUFFERED=1 \
    DATABASE_URL=sqlite:////home/peercoach/peercoach.sqlite3
# 8443: the webhook with /healthz, /readyz and /metrics; 8080: the latter three when polling.
EXPOSE 8443 8080
# `peercoach health` asks this container's own bot for /healthz (with the same settings).
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["peercoach", "health"]
ENTRYPOINT ["peercoach"]
CMD ["run"]
