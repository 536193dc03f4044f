"""python-telegram-bot's transport on aiohttp, which the web server already uses.

Under load httpx/httpcore cost about 30% of the bot's CPU (httpcore's pool scans every
connection on each request). Timeouts, errors and what goes over the wire mirror PTB 22's
HTTPXRequest, so PTB's BaseRequest turns answers into results and errors as before.
"""

from __future__ import annotations

import asyncio
from urllib.parse import urlencode, urlsplit

import aiohttp
from telegram._utils.defaultvalue import DefaultValue  # what HTTPXRequest checks; PTB 22
from telegram._utils.types import ODVInput
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

# HTTPXRequest's words: callers and logs already know them.
POOL_TIMEOUT_MESSAGE = (
    "Pool timeout: All connections in the connection pool are occupied. "
    "Request was *not* sent to Telegram. Consider adjusting the connection "
    "pool size or the pool timeout."
)
_FORM = {"Content-Type": "application/x-www-form-urlencoded"}


class AiohttpRequest(BaseRequest):
    """A BaseRequest on one aiohttp session: opened on first use, closed by shutdown()."""

    def __init__(
        self,
        connection_pool_size: int = 256,
        read_timeout: float | None = 5.0,
        write_timeout: float | None = 5.0,
        connect_timeout: float | None = 5.0,
        pool_timeout: float | None = 1.0,
        media_write_timeout: float | None = 20.0,
    ) -> None:
        self._pool_size = connection_pool_size
        self._read_timeout = read_timeout
        self._write_timeout = write_timeout
        self._connect_timeout = connect_timeout
        self._pool_timeout = pool_timeout
        self._media_write_timeout = media_write_timeout
        # Both belong to the event loop of their first use, so they are made there, together.
        self._session: aiohttp.ClientSession | None = None
        self._pool: asyncio.Semaphore | None = None
        self._shut_down = False

    @property
    def read_timeout(self) -> float | None:
        """The read timeout used when a call does not pass one."""
        return self._read_timeout

    async def initialize(self) -> None:
        """Open the session (again, after a shutdown)."""
        self._shut_down = False
        self._open()

    async def shutdown(self) -> None:
        """Close the session and its connections; requests fail until initialize()."""
        self._shut_down = True
        session, self._session, self._pool = self._session, None, None
        if session is not None:
            await session.close()

    def _open(self) -> tuple[aiohttp.ClientSession, asyncio.Semaphore]:
        """The session and the pool's slots, made on first use like HTTPXRequest's client."""
        if self._shut_down:
            # As HTTPXRequest: a request after shutdown is a bug, not a reason to reconnect.
            raise RuntimeError("This AiohttpRequest is shut down; initialize() it first")
        if self._session is None or self._pool is None:
            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=self._pool_size),
                cookie_jar=aiohttp.DummyCookieJar(),  # the Bot API sets none; skip the jar's work
                headers={"User-Agent": self.USER_AGENT},
            )
            # aiohttp's pool wait shares its timeout with connecting; this one is pool_timeout.
            self._pool = asyncio.Semaphore(self._pool_size)
        return self._session, self._pool

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        write_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        connect_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        pool_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        """Send one request; return the status and body of any HTTP answer."""
        session, pool = self._open()
        files = request_data.multipart_data if request_data else None
        params = request_data.json_parameters if request_data else {}
        if isinstance(read_timeout, DefaultValue):
            read_timeout = self._read_timeout
        if isinstance(connect_timeout, DefaultValue):
            connect_timeout = self._connect_timeout
        if isinstance(pool_timeout, DefaultValue):
            pool_timeout = self._pool_timeout
        if isinstance(write_timeout, DefaultValue):
            write_timeout = self._media_write_timeout if files else self._write_timeout
        timeout = aiohttp.ClientTimeout(
            # aiohttp has no write timeout: the sum caps a body that never finishes sending.
            total=_sum_or_none(connect_timeout, write_timeout, read_timeout),
            connect=connect_timeout,
            sock_read=read_timeout,  # restarts with every chunk received, like httpx's read
        )

        data: aiohttp.FormData | bytes | None = None
        headers = None
        if files:
            # quote_fields=False: file names go as UTF-8, as httpx sends them, not %-encoded.
            form = aiohttp.FormData(quote_fields=False)
            for name, value in params.items():
                form.add_field(name, value)
            for name, (filename, content, mimetype) in files.items():
                form.add_field(name, content, filename=filename, content_type=mimetype)
            data = form
        elif params:
            # What httpx sends for `data=`: the cheapest form for the Bot API to parse too.
            data, headers = urlencode(params).encode(), _FORM

        if pool.locked():  # only a full pool waits, and then no longer than pool_timeout
            try:
                async with asyncio.timeout(pool_timeout):
                    await pool.acquire()
            except TimeoutError as error:
                raise TimedOut(message=POOL_TIMEOUT_MESSAGE) from error
        else:
            await pool.acquire()  # returns at once: a free slot is taken without waiting
        try:
            async with session.request(
                method, url, data=data, headers=headers, timeout=timeout
            ) as response:
                return response.status, await response.read()
        except TimeoutError as error:  # aiohttp's connect and read timeouts are TimeoutErrors
            raise TimedOut from _chainable(error, url)
        except aiohttp.ClientError as error:
            cause = _chainable(error, url)
            detail = error if cause is not None else "(its text names the URL, left out)"
            # The class name says what failed when the message is empty.
            raise NetworkError(f"aiohttp.{type(error).__name__}: {detail}") from cause
        finally:
            pool.release()


def _chainable(error: Exception, url: str) -> Exception | None:
    """The error to chain, or None if its text names the URL (tracebacks would show the token)."""
    # Some aiohttp errors (a connect timeout, an invalid URL) put the whole URL in their text,
    # and a Bot API URL holds the token; log redaction does not reach tracebacks.
    return None if urlsplit(url).path in str(error) else error


def _sum_or_none(*timeouts: float | None) -> float | None:
    """The sum of the timeouts, or None when any of them is unlimited."""
    return None if any(t is None for t in timeouts) else sum(t for t in timeouts if t is not None)
